-- Tension spikes already alerted (TensionSpikeDetected through the outbox): one row per day, district and strand,
-- so that a spike is alerted once however often detection runs.
create table tension_alert (
    day         date        not null,
    district    varchar(64) not null,
    strand      varchar(64) not null,
    incidents   bigint      not null,
    alerted_at  timestamptz not null default now(),
    primary key (day, district, strand)
);
