-- Reports accepted by intake. Personal data only in victim_sealed, sealed with the victim's own key.
create table incident (
    id                       uuid primary key,
    source_organisation      varchar(64)  not null,
    source_organisation_type varchar(64)  not null,
    source_reference         varchar(100),
    channel                  varchar(32)  not null,
    received_at              timestamptz  not null,
    occurred_from            timestamptz  not null,
    occurred_to              timestamptz,
    district                 varchar(64)  not null,
    strands                  jsonb        not null,
    incident_types           jsonb        not null,
    crime_suspected          boolean      not null,
    perceived_by             varchar(16)  not null,
    victim_subject_id        uuid,
    victim_age_band          varchar(16),
    victim_sealed            jsonb,
    consents                 jsonb        not null
);

create unique index incident_source_reference on incident (source_organisation, source_reference)
    where source_reference is not null;
create index incident_by_organisation on incident (source_organisation, received_at desc);
