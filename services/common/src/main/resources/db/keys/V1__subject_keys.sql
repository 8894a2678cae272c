-- The local key store: one AES-256 key per data subject, wrapped with the platform's master key.
-- Deleting a row is crypto-erasure of that subject's personal data everywhere it was copied.
create table if not exists subject_key (
    subject_id  uuid        primary key,
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now()
);
