-- Counts per source organisation for the organisations that see their own reports only (housing providers), kept by
-- the catch-up with the district counts: a large provider's own tables read its counts instead of counting its facts
-- (tens of thousands of cases nationally). counted_source holds the organisations counted; the service adds and drops
-- them at start-up as the configuration says.
create table counted_source (
    source_organisation varchar(64) primary key
);

create table source_monthly_count (
    source_organisation varchar(64)  not null,
    dimension           varchar(32)  not null,
    month               date         not null,
    district            varchar(64)  not null,
    value               varchar(160) not null,
    incidents           bigint       not null,
    primary key (source_organisation, dimension, month, district, value) include (incidents)
);
create index source_monthly_count_by_cell on source_monthly_count (month, district);

-- facts were read by source only for own reports; one index less for every fact written
drop index case_fact_by_source;
