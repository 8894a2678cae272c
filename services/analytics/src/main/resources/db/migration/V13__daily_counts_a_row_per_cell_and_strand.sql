-- A cell's daily counts of one strand (or of the total) in one row: the days of the month that have incidents and
-- their counts, side by side in two arrays in the order of the days, instead of a row per day. The catch-up wrote
-- about 1.6 daily rows per case it counted, each with two index entries (measured: nearly half the time of rebuilding
-- a new cell); now it writes one row per cell and strand. One index serves both the catch-up (a cell's rows) and the
-- tension rule (a district's months). Readers keep a row per day through the view of the old table's name.
create table daily_count_cell (
    month         date        not null,
    district      varchar(64) not null,
    strand        varchar(64) not null,
    day_list      smallint[]  not null,
    incident_list bigint[]    not null,
    primary key (district, month, strand)
) with (fillfactor = 75);

insert into daily_count_cell (month, district, strand, day_list, incident_list)
select date_trunc('month', day)::date, district, strand, array_agg(extract(day from day)::smallint order by day),
       array_agg(incidents order by day)
from daily_count
group by 1, 2, 3;

drop table daily_count;

create view daily_count as
select c.month + (e.day_of_month - 1) as day, c.district, c.strand, e.incidents
from daily_count_cell c
cross join lateral unnest(c.day_list, c.incident_list) as e(day_of_month, incidents);
