-- Cases. The victim's details only as sealed at intake (sealed_personal); statistics under a separate key.
create table case_file (
    id                      uuid primary key,
    incident_id             uuid         not null unique,
    owner_organisation      varchar(64)  not null,
    owner_organisation_type varchar(64)  not null,
    status                  varchar(16)  not null,
    received_at             timestamptz  not null,
    contact_due_by          timestamptz  not null,
    occurred_from           timestamptz  not null,
    occurred_to             timestamptz,
    district                varchar(64)  not null,
    strands                 jsonb        not null,
    incident_types          jsonb        not null,
    crime_suspected         boolean      not null,
    perceived_by            varchar(16)  not null,
    anonymous               boolean      not null,
    victim_age_band         varchar(16),
    victim_subject_id       uuid,
    consents                jsonb        not null,
    sealed_personal         jsonb,
    statistics_key          uuid         not null unique
);

create index case_file_by_owner on case_file (owner_organisation, received_at desc);
