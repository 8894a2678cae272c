-- Outbox ids from a sequence handed out in blocks of 50, so that Hibernate can batch the inserts
-- of a transaction that appends many events (an identity column forces one round trip per row).
create sequence outbox_message_seq increment by 50;
select setval('outbox_message_seq', coalesce((select max(id) from outbox_message), 0) + 1, false);
alter table outbox_message alter column id drop identity;
alter table outbox_message alter column id set default nextval('outbox_message_seq');
