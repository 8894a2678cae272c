-- Agreements with every ICO field, every change a new version; referrals with their lifecycle; what the service
-- knows of each case (to re-decide when a consent or an agreement changes); each recipient's ordered feed; the
-- hash-chained audit log. The skeleton's agreement and referral tables are replaced (no release has used them).
drop table agreement;
drop table referral;

create table agreement_version (
    id           uuid        not null,
    version      int         not null,
    status       varchar(16) not null,
    effective_to timestamptz,
    parties      text[]      not null,
    document     jsonb       not null,
    primary key (id, version)
);
create index agreement_version_latest on agreement_version (id, version desc);

create table shared_case (
    case_id    uuid primary key,
    owner      varchar(64) not null,
    facts      jsonb       not null,
    updated_at timestamptz not null
);
create index shared_case_by_owner on shared_case (owner);

create table referral (
    id            uuid primary key,
    case_id       uuid        not null,
    recipient     varchar(64) not null,
    status        varchar(16) not null,
    level         varchar(16) not null,
    agreement_id  uuid        not null,
    ack_due_by    timestamptz,
    shared_at     timestamptz not null,
    document      jsonb       not null
);
-- one live referral per case and recipient; revoked ones stay (without data) for the record
create unique index referral_live on referral (case_id, recipient) where status <> 'REVOKED';
create index referral_by_recipient on referral (recipient, shared_at desc, id);

create table feed_item (
    cursor                bigint generated always as identity primary key,
    recipient             varchar(64) not null,
    referral_id           uuid        not null,
    referral_version      int         not null,
    kind                  varchar(16) not null,
    at                    timestamptz not null,
    processed_at          timestamptz,
    deletion_confirmed_at timestamptz
);
create index feed_item_by_recipient on feed_item (recipient, cursor);

-- Append-only: a trigger refuses updates and deletes; the hash chain catches whoever bypasses it (an owner can
-- disable the trigger).
create table audit_entry (
    sequence           bigint primary key,
    at                 timestamptz  not null,
    action             varchar(40)  not null,
    actor              varchar(200),
    actor_organisation varchar(64),
    case_id            uuid,
    case_owner         varchar(64),
    referral_id        uuid,
    recipient          varchar(64),
    why                varchar(500),
    previous_hash      char(64)     not null,
    hash               char(64)     not null
);
create index audit_entry_by_case on audit_entry (case_id);
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each statement execute function audit_entry_append_only();

create table audit_head_published (
    sequence     bigint primary key,
    hash         char(64)    not null,
    published_at timestamptz not null
);

insert into agreement_version (id, version, status, effective_to, parties, document) values
    ('00000000-0000-4000-8000-000000000001', 1, 'ACTIVE', null, '{west-kent-housing,kent-police}',
     '{"id":"00000000-0000-4000-8000-000000000001","version":1,"title":"West Kent Housing to Kent Police: hate incident referrals","status":"ACTIVE","parties":[{"organisation":"west-kent-housing","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-e-9-2-g-dpa-2018-sch-1-para-10","signature":{"signatory":"seed:west-kent-housing","signedAt":"2025-12-15T12:00:00Z"}},{"organisation":"kent-police","controllerRole":"separate-controller","lawfulBasis":"dpa-2018-part-3-s35-law-enforcement","signature":{"signatory":"seed:kent-police","signedAt":"2025-12-15T12:00:00Z"}}],"flows":[{"from":"west-kent-housing","to":"kent-police"}],"purposes":["investigation","support","contact"],"necessity":"Police need hate incidents reported to the landlord to investigate offences and protect repeat victims","strands":[{"code":"race","subCategory":null},{"code":"religion","subCategory":null},{"code":"disability","subCategory":null},{"code":"sexual-orientation","subCategory":null},{"code":"transgender","subCategory":null},{"code":"sex-gender","subCategory":null},{"code":"alternative-subculture","subCategory":null}],"anonymisedItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band"],"identifiableItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band","victim-name","victim-contact"],"identifiableRequiresConsent":true,"safeguardingOverridePermitted":true,"outcomesMayFlowBack":true,"retentionDays":2190,"securityRequirements":"Official-Sensitive handling; TLS 1.2+ in transit; encrypted at rest; access limited to named roles","dpiaReference":"DPIA-0001","reviewDate":"2027-01-01","effectiveFrom":"2026-01-01T00:00:00Z","effectiveTo":null,"clauses":{"anonymised":"4.1","identifiable":"4.2","safeguardingOverride":"4.3"},"lastChange":{"by":"seed","organisation":null,"at":"2025-12-15T12:00:00Z","what":"seeded demo agreement, signed by every party"}}');
insert into agreement_version (id, version, status, effective_to, parties, document) values
    ('00000000-0000-4000-8000-000000000002', 1, 'ACTIVE', null, '{kent-police,tell-mama}',
     '{"id":"00000000-0000-4000-8000-000000000002","version":1,"title":"Kent Police and Tell MAMA: anti-Muslim hate","status":"ACTIVE","parties":[{"organisation":"kent-police","controllerRole":"separate-controller","lawfulBasis":"dpa-2018-part-3-s35-law-enforcement","signature":{"signatory":"seed:kent-police","signedAt":"2025-12-15T12:00:00Z"}},{"organisation":"tell-mama","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-e-9-2-g-dpa-2018-sch-1-para-6","signature":{"signatory":"seed:tell-mama","signedAt":"2025-12-15T12:00:00Z"}}],"flows":[{"from":"kent-police","to":"tell-mama"},{"from":"tell-mama","to":"kent-police"}],"purposes":["investigation","support"],"necessity":"Third-party reporting: victims who will not go to the police directly; the police see the whole picture","strands":[{"code":"religion","subCategory":"anti-muslim"}],"anonymisedItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band"],"identifiableItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band","victim-name","victim-contact"],"identifiableRequiresConsent":true,"safeguardingOverridePermitted":false,"outcomesMayFlowBack":true,"retentionDays":2190,"securityRequirements":"Official-Sensitive handling; TLS 1.2+ in transit; encrypted at rest; access limited to named roles","dpiaReference":"DPIA-0002","reviewDate":"2027-01-01","effectiveFrom":"2026-01-01T00:00:00Z","effectiveTo":null,"clauses":{"anonymised":"3.1","identifiable":"3.2","safeguardingOverride":null},"lastChange":{"by":"seed","organisation":null,"at":"2025-12-15T12:00:00Z","what":"seeded demo agreement, signed by every party"}}');
insert into agreement_version (id, version, status, effective_to, parties, document) values
    ('00000000-0000-4000-8000-000000000003', 1, 'ACTIVE', null, '{kent-police,cst}',
     '{"id":"00000000-0000-4000-8000-000000000003","version":1,"title":"Kent Police and CST: antisemitic hate","status":"ACTIVE","parties":[{"organisation":"kent-police","controllerRole":"separate-controller","lawfulBasis":"dpa-2018-part-3-s35-law-enforcement","signature":{"signatory":"seed:kent-police","signedAt":"2025-12-15T12:00:00Z"}},{"organisation":"cst","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-e-9-2-g-dpa-2018-sch-1-para-6","signature":{"signatory":"seed:cst","signedAt":"2025-12-15T12:00:00Z"}}],"flows":[{"from":"kent-police","to":"cst"},{"from":"cst","to":"kent-police"}],"purposes":["investigation","support"],"necessity":"Third-party reporting: victims who will not go to the police directly; the police see the whole picture","strands":[{"code":"religion","subCategory":"antisemitic"}],"anonymisedItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band"],"identifiableItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band","victim-name","victim-contact"],"identifiableRequiresConsent":true,"safeguardingOverridePermitted":false,"outcomesMayFlowBack":true,"retentionDays":2190,"securityRequirements":"Official-Sensitive handling; TLS 1.2+ in transit; encrypted at rest; access limited to named roles","dpiaReference":"DPIA-0003","reviewDate":"2027-01-01","effectiveFrom":"2026-01-01T00:00:00Z","effectiveTo":null,"clauses":{"anonymised":"3.1","identifiable":"3.2","safeguardingOverride":null},"lastChange":{"by":"seed","organisation":null,"at":"2025-12-15T12:00:00Z","what":"seeded demo agreement, signed by every party"}}');
insert into agreement_version (id, version, status, effective_to, parties, document) values
    ('00000000-0000-4000-8000-000000000004', 1, 'ACTIVE', null, '{west-kent-housing,galop}',
     '{"id":"00000000-0000-4000-8000-000000000004","version":1,"title":"West Kent Housing to Galop: LGBT+ victim support","status":"ACTIVE","parties":[{"organisation":"west-kent-housing","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-e-9-2-g-dpa-2018-sch-1-para-10","signature":{"signatory":"seed:west-kent-housing","signedAt":"2025-12-15T12:00:00Z"}},{"organisation":"galop","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-a-9-2-a-explicit-consent","signature":{"signatory":"seed:galop","signedAt":"2025-12-15T12:00:00Z"}}],"flows":[{"from":"west-kent-housing","to":"galop"}],"purposes":["support"],"necessity":"Specialist support for LGBT+ victims, only where the victim asks for it","strands":[{"code":"sexual-orientation","subCategory":null},{"code":"transgender","subCategory":null}],"anonymisedItems":[],"identifiableItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band","victim-name","victim-contact"],"identifiableRequiresConsent":true,"safeguardingOverridePermitted":false,"outcomesMayFlowBack":false,"retentionDays":2190,"securityRequirements":"Official-Sensitive handling; TLS 1.2+ in transit; encrypted at rest; access limited to named roles","dpiaReference":"DPIA-0004","reviewDate":"2027-01-01","effectiveFrom":"2026-01-01T00:00:00Z","effectiveTo":null,"clauses":{"anonymised":null,"identifiable":"5.2","safeguardingOverride":null},"lastChange":{"by":"seed","organisation":null,"at":"2025-12-15T12:00:00Z","what":"seeded demo agreement, signed by every party"}}');
insert into agreement_version (id, version, status, effective_to, parties, document) values
    ('00000000-0000-4000-8000-000000000005', 1, 'ACTIVE', null, '{west-kent-housing,victim-support-kent}',
     '{"id":"00000000-0000-4000-8000-000000000005","version":1,"title":"West Kent Housing to Victim Support Kent: victim support","status":"ACTIVE","parties":[{"organisation":"west-kent-housing","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-e-9-2-g-dpa-2018-sch-1-para-10","signature":{"signatory":"seed:west-kent-housing","signedAt":"2025-12-15T12:00:00Z"}},{"organisation":"victim-support-kent","controllerRole":"separate-controller","lawfulBasis":"uk-gdpr-6-1-a-9-2-a-explicit-consent","signature":{"signatory":"seed:victim-support-kent","signedAt":"2025-12-15T12:00:00Z"}}],"flows":[{"from":"west-kent-housing","to":"victim-support-kent"}],"purposes":["support"],"necessity":"Emotional and practical support for victims, only where the victim asks for it","strands":[{"code":"race","subCategory":null},{"code":"religion","subCategory":null},{"code":"disability","subCategory":null}],"anonymisedItems":[],"identifiableItems":["district","strands","incident-types","crime-suspected","perceived-by","occurred-on","received-on","age-band","victim-name","victim-contact"],"identifiableRequiresConsent":true,"safeguardingOverridePermitted":false,"outcomesMayFlowBack":false,"retentionDays":2190,"securityRequirements":"Official-Sensitive handling; TLS 1.2+ in transit; encrypted at rest; access limited to named roles","dpiaReference":"DPIA-0005","reviewDate":"2027-01-01","effectiveFrom":"2026-01-01T00:00:00Z","effectiveTo":null,"clauses":{"anonymised":null,"identifiable":"6.2","safeguardingOverride":null},"lastChange":{"by":"seed","organisation":null,"at":"2025-12-15T12:00:00Z","what":"seeded demo agreement, signed by every party"}}');
