-- The full report: when it was reported, who reported it, every personal part sealed per data
-- subject (victim, reporter, perpetrator, narrative), idempotency, and the public reference.
alter table incident add column reported_at timestamptz;
update incident set reported_at = received_at;
alter table incident alter column reported_at set not null;

alter table incident add column reporter_role varchar(32);
alter table incident add column sealed_personal jsonb;
update incident set sealed_personal = jsonb_build_array(victim_sealed) where victim_sealed is not null;
alter table incident drop column victim_sealed;

alter table incident add column idempotency_key varchar(120);
alter table incident add column request_hash varchar(64);
create unique index incident_idempotency on incident (source_organisation, idempotency_key)
    where idempotency_key is not null;

alter table incident add column public_reference varchar(20) unique;
