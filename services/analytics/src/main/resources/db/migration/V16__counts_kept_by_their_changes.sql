-- The counts follow the facts by what changed instead of by counting each dirty cell again. Recording a case writes,
-- in the same statement, what it adds to its cell (its counted entries, +1) and, when it replaces earlier facts, what
-- those took away (-1), from the replaced row's values that the upsert keeps with the facts (V12 kept the date and
-- district; now the source and the entries too). A round of the catch-up takes a cell's changes (deleting them) and
-- adds them to the stored counts in one statement: its cost follows the cases recorded since the last round, not the
-- cases in the month (a month with 150,000 cases in a district took 3-5 s a round to count again).
alter table case_fact
    add column previous_source_organisation varchar(64),
    add column previous_counted             text[];

create table count_change (
    month               date        not null,
    district            varchar(64) not null,
    received_on         date        not null,
    source_organisation varchar(64),
    counted             text[]      not null,
    sign                smallint    not null check (sign in (-1, 1))
);
create index count_change_by_cell on count_change (month, district);

-- A cell whose facts are not all in its changes is counted again from its facts: one marked before this version, and
-- one a bulk batch (a backlog) recorded into without changes. The request holds a number from the marks' sequence, so
-- that the round that counts the cell clears only the request it saw, not one made after its snapshot.
alter table dirty_cell add column count_again bigint;
update dirty_cell set count_again = nextval('dirty_cell_seq');
