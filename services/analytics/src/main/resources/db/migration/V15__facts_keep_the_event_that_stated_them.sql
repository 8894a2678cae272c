-- The event that last stated a case's facts. The statistics consumer keeps no inbox row per event (ADR 0004, session 16
-- addendum): recording facts is idempotent by itself, and a repeat of the event that set a row is recognised here and
-- writes nothing (no new row version, no cell marked dirty). Null for facts recorded before, or without an event.
alter table case_fact add column last_event_id uuid;
