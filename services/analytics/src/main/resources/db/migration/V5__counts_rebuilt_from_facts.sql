-- Counts off the consumer's path (issue 6, ingest at national rate). The consumer now writes only the facts of a case
-- and marks the (month, district) cells they touch as dirty; an aggregator rebuilds the counts of dirty cells from
-- the facts, set-based, and clears the marks it has rebuilt. Counts carry no source organisation any more: a
-- housing provider's own reports are counted from the facts when asked (a few thousand cases a year at most).

-- A cell whose counts no longer match its facts. seq changes at every mark, so that the aggregator clears only a
-- mark it has seen: a case recorded while the cell was being rebuilt leaves it dirty for the next round.
create sequence dirty_cell_seq;
create table dirty_cell (
    month    date        not null,
    district varchar(64) not null,
    seq      bigint      not null default nextval('dirty_cell_seq'),
    primary key (month, district)
);

drop table case_fact_strand;
create index case_fact_by_source on case_fact (source_organisation, received_on);

drop table monthly_count;
create table monthly_count (
    dimension varchar(32)  not null,
    month     date         not null,
    district  varchar(64)  not null,
    value     varchar(160) not null,
    incidents bigint       not null,
    primary key (dimension, month, district, value)
);
-- the aggregator replaces a cell's rows as a whole
create index monthly_count_by_cell on monthly_count (month, district);

drop table daily_count;
create table daily_count (
    day       date        not null,
    district  varchar(64) not null,
    strand    varchar(64) not null,
    incidents bigint      not null,
    primary key (day, district, strand)
);

-- every cell with facts is counted again by the aggregator
insert into dirty_cell (month, district)
select distinct date_trunc('month', received_on)::date, district from case_fact;
