-- Tables read counts by the primary key; with the count in the index they are index-only scans (no heap visits for
-- pages the visibility map knows), which matters for a national table that sums thousands of rows.
alter table monthly_count drop constraint monthly_count_pkey,
    add primary key (dimension, month, district, value) include (incidents);
alter table area_monthly_count drop constraint area_monthly_count_pkey,
    add primary key (area, dimension, month, value) include (incidents);

-- When a cell was first marked and last marked: the scheduled catch-up rebuilds a cell once it has been quiet for a
-- moment, or has waited long enough, so that a month being loaded in bulk is not counted again every second.
alter table dirty_cell
    add column first_marked_at timestamptz not null default now(),
    add column marked_at       timestamptz not null default now();
