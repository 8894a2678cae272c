-- The catch-up replaces a district's days month by month, and the tension rule reads a district's days before them:
-- both reach daily counts by district first (the primary key, day first, serves the tables' day ranges over every
-- district). Without this index each rebuilt cell scanned a month of every district's days.
create index daily_count_by_district on daily_count (district, day);
