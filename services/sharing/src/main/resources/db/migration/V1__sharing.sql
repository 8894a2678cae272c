-- The partner directory, in step with Keycloak's organisations (aliases are the same).
create table organisation (
    alias varchar(64)  primary key,
    name  varchar(200) not null,
    type  varchar(64)  not null
);

-- Data-sharing agreements; every change is a new version (id, version).
create table agreement (
    id                            uuid         not null,
    version                       int          not null,
    title                         varchar(200) not null,
    status                        varchar(16)  not null,
    effective_from                timestamptz  not null,
    effective_to                  timestamptz,
    flows                         jsonb        not null,
    strands                       jsonb        not null,
    anonymised_allowed            boolean      not null,
    identifiable_allowed          boolean      not null,
    identifiable_requires_consent boolean      not null,
    purposes                      jsonb        not null,
    lawful_basis                  varchar(64)  not null,
    anonymised_clause             varchar(40)  not null,
    identifiable_clause           varchar(40)  not null,
    primary key (id, version)
);

-- Referrals: one per case and recipient, projected to what the agreement allows.
create table referral (
    id                       uuid primary key,
    version                  int          not null,
    case_id                  uuid         not null,
    recipient                varchar(64)  not null,
    recipient_case_reference varchar(40)  not null unique,
    level                    varchar(16)  not null,
    agreement_id             uuid         not null,
    agreement_version        int          not null,
    clause                   varchar(40)  not null,
    consent_id               uuid,
    lawful_basis             varchar(64)  not null,
    shared_at                timestamptz  not null,
    view                     jsonb        not null,
    sealed_personal          jsonb,
    unique (case_id, recipient)
);
create index referral_by_recipient on referral (recipient, shared_at desc);

-- Every sharing decision with its reasons.
create table sharing_decision (
    id                bigint generated always as identity primary key,
    case_id           uuid         not null,
    recipient         varchar(64)  not null,
    level             varchar(16)  not null,
    agreement_id      uuid,
    agreement_version int,
    clause            varchar(40),
    consent_id        uuid,
    lawful_basis      varchar(64),
    reason            varchar(200) not null,
    decided_at        timestamptz  not null default now()
);
create index sharing_decision_by_case on sharing_decision (case_id);
