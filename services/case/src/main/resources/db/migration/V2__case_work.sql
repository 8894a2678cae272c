-- Case work: triage, risk, assignment, contact, outcome, closure; consents as versions; notes (sealed);
-- keyed hashes of victims' identifiers for matching; links between cases; the history of every change.
alter table case_file
    add column classification        varchar(32),
    add column triaged               boolean     not null default false,
    add column risk_level            varchar(16),
    add column assigned_to           varchar(100),
    add column contacted_at          timestamptz,
    add column contact_target_missed boolean     not null default false,
    add column outcome_scheme        varchar(16),
    add column home_office_outcome   integer check (home_office_outcome between 0 and 22),
    add column housing_outcome       varchar(64),
    add column repeat_victim         boolean     not null default false,
    add column likely_duplicate      boolean     not null default false,
    add column closed_at             timestamptz;
update case_file set classification = case when crime_suspected then 'HATE_CRIME' else 'NON_CRIME_HATE_INCIDENT' end;
alter table case_file alter column classification set not null;

-- the scheduled check of contact deadlines reads only what may still breach
create index case_file_contact_pending on case_file (contact_due_by)
    where status = 'OPEN' and contacted_at is null and not contact_target_missed;

-- Consents: one row per version, never updated or deleted (a withdrawal is a new version).
create table case_consent (
    consent_id             uuid        not null,
    version                integer     not null check (version >= 1),
    case_id                uuid        not null references case_file (id),
    recipient_organisation varchar(64),
    recipient_type         varchar(64),
    purpose                varchar(32) not null,
    level                  varchar(16) not null,
    method                 varchar(16) not null,
    recorded_by            varchar(100) not null,
    given_at               timestamptz not null,
    withdrawn_at           timestamptz,
    recorded_at            timestamptz not null default now(),
    primary key (consent_id, version)
);
create index case_consent_by_case on case_consent (case_id);
insert into case_consent (consent_id, version, case_id, recipient_organisation, recipient_type, purpose, level,
                          method, recorded_by, given_at)
select (c ->> 'id')::uuid, (c ->> 'version')::integer, f.id, c ->> 'recipientOrganisation', c ->> 'recipientType',
       c ->> 'purpose', c ->> 'level', c ->> 'method', c ->> 'recordedBy', (c ->> 'givenAt')::timestamptz
from case_file f, jsonb_array_elements(f.consents) c;
alter table case_file drop column consents;

create function case_refuse_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger case_consent_append_only before update or delete on case_consent
    for each row execute function case_refuse_rewrite();

-- Notes: personal data, sealed under the victim's key (AES-256-GCM), never in the clear.
create table case_note (
    id       uuid         primary key,
    case_id  uuid         not null references case_file (id),
    author   varchar(100) not null,
    added_at timestamptz  not null,
    sealed   jsonb        not null
);
create index case_note_by_case on case_note (case_id, added_at);

-- HMAC-SHA256 (installation secret) of normalised victim identifiers; never the identifiers themselves.
create table case_match_key (
    match_key char(64) not null,
    case_id   uuid     not null references case_file (id),
    primary key (match_key, case_id)
);

create table case_link (
    case_id       uuid        not null references case_file (id),
    other_case_id uuid        not null references case_file (id),
    kind          varchar(32) not null,
    primary key (case_id, other_case_id, kind)
);

-- Every change: who, when, what (codes and ids only). Append-only.
create table case_history (
    id      bigint generated always as identity primary key,
    case_id uuid         not null references case_file (id),
    kind    varchar(64)  not null,
    actor   varchar(100) not null,
    at      timestamptz  not null,
    detail  jsonb        not null
);
create index case_history_by_case on case_history (case_id, id);
create trigger case_history_append_only before update or delete on case_history
    for each row execute function case_refuse_rewrite();
