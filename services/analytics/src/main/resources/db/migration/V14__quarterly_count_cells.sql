-- A table by district over a quarter or more (a financial year, twelve months) read every month's cell of every
-- district in scope: 3,600 rows for a national year. The quarters' sums, kept by the catch-up beside the months, let it
-- read the whole quarters at once and only the months at its ends: 1,200 rows for a financial year, 1,800 for twelve
-- months that do not start a quarter. Same shape as the monthly cells; the tables read the cells, and the view gives
-- a row per value as monthly_count does.
create table quarterly_count_cell (
    dimension     varchar(32)    not null,
    quarter       date           not null,
    district      varchar(64)    not null,
    value_list    varchar(160)[] not null,
    incident_list bigint[]       not null,
    primary key (dimension, quarter, district)
) with (fillfactor = 75);
create index quarterly_count_cell_by_cell on quarterly_count_cell (quarter, district);

insert into quarterly_count_cell (dimension, quarter, district, value_list, incident_list)
select dimension, quarter, district, array_agg(value order by value), array_agg(incidents order by value)
from (select dimension, date_trunc('quarter', month)::date as quarter, district, value, sum(incidents)::bigint as incidents
      from monthly_count
      group by 1, 2, 3, 4) q
group by dimension, quarter, district;

create view quarterly_count as
select c.dimension, c.quarter, c.district, e.value, e.incidents
from quarterly_count_cell c
cross join lateral unnest(c.value_list, c.incident_list) as e(value, incidents);
