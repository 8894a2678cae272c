-- Tension spikes found by the catch-up as it rebuilds daily counts (a rebuilt month of a district changes the spikes
-- of its own days and of the baseline-days after it), so that listing a year's spikes reads stored rows instead of
-- scanning every daily count of the year. baseline_incidents: the incidents of the baseline days before the day.
create table tension_spike (
    day                date        not null,
    district           varchar(64) not null,
    strand             varchar(64) not null,
    incidents          bigint      not null,
    baseline_incidents bigint      not null,
    primary key (day, district, strand)
);

-- The rule the stored spikes were found with; when the configured rule differs at start-up, every cell is rebuilt.
create table tension_rule (
    id             int primary key check (id = 1),
    baseline_days  int              not null,
    minimum_count  int              not null,
    deviations     double precision not null,
    ratio          double precision not null,
    threshold      int              not null
);

-- spikes of the facts recorded so far
insert into dirty_cell (month, district)
select distinct date_trunc('month', received_on)::date, district from case_fact
on conflict (month, district) do update set seq = nextval('dirty_cell_seq');
