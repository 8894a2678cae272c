-- Statistics facts, one row per case under its pseudonymous key. No personal data: the stream has none.
create table case_fact (
    case_key                 uuid primary key,
    received_on              date        not null,
    occurred_on              date        not null,
    district                 varchar(64) not null,
    crime_suspected          boolean     not null,
    source_organisation_type varchar(64) not null,
    outcome_code             int,
    repeat_victim            boolean     not null,
    contact_target_met       boolean,
    incident_types           jsonb       not null
);
create index case_fact_by_district on case_fact (district, received_on);

-- One row per strand of a case: a multi-strand case counts once in each strand.
create table case_fact_strand (
    case_key     uuid        not null references case_fact (case_key) on delete cascade,
    strand       varchar(64) not null,
    sub_category varchar(64),
    primary key (case_key, strand)
);
create index case_fact_strand_by_strand on case_fact_strand (strand);
