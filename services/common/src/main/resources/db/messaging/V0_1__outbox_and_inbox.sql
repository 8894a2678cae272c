-- Transactional outbox: a service writes its events here in the same transaction as the state
-- change; the relay sends them to Kafka (idempotent producer, acks=all) and then deletes them.
create table outbox_message (
    id             bigint generated always as identity primary key,
    event_id       uuid         not null unique,
    event_type     varchar(64)  not null,
    schema_version int          not null,
    topic          varchar(128) not null,
    message_key    varchar(64)  not null,
    payload        text         not null,
    created_at     timestamptz  not null default now()
);

-- Inbox: ids of the events a consumer has processed, written in the consumer's own transaction,
-- so that a redelivered event is recognised and skipped.
create table processed_event (
    consumer     varchar(64) not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
