-- Counts summed over each configured area's districts (a county, a force area, a nation), kept by the catch-up with
-- the district counts, so that a table over a whole area by month or by strand, and every total, reads one row per
-- value and month instead of one per district. area_district holds the membership the sums were made with; the
-- service replaces it (and the area's sums) at start-up when the configuration says otherwise.
create table area_district (
    area     varchar(64) not null,
    district varchar(64) not null,
    primary key (area, district)
);
create index area_district_by_district on area_district (district);

create table area_monthly_count (
    area      varchar(64)  not null,
    dimension varchar(32)  not null,
    month     date         not null,
    value     varchar(160) not null,
    incidents bigint       not null,
    primary key (area, dimension, month, value)
);
