-- A cell's counts of one dimension in one row, values and counts side by side in two arrays, instead of a row per
-- value: a fifth of the rows for the catch-up to write, and a rebuilt cell's rows change in place (no index holds the
-- arrays, so an update is heap-only when its page has room, hence the fill factor). Tables keep reading a row per
-- value, through the view of the old table's name.
create table monthly_count_cell (
    dimension     varchar(32)    not null,
    month         date           not null,
    district      varchar(64)    not null,
    value_list    varchar(160)[] not null,
    incident_list bigint[]       not null,
    primary key (dimension, month, district)
) with (fillfactor = 75);
create index monthly_count_cell_by_cell on monthly_count_cell (month, district);

insert into monthly_count_cell (dimension, month, district, value_list, incident_list)
select dimension, month, district, array_agg(value order by value), array_agg(incidents order by value)
from monthly_count
group by dimension, month, district;

drop table monthly_count;

create view monthly_count as
select c.dimension, c.month, c.district, e.value, e.incidents
from monthly_count_cell c
cross join lateral unnest(c.value_list, c.incident_list) as e(value, incidents);
