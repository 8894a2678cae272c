-- Onboarding: the directory keeps each partner's strands of interest, contact, the organisation that onboarded it
-- (only that organisation may offboard it) and whether it is enabled (offboarded partners are kept, disabled).
alter table organisation add column strands jsonb not null default '[]';
alter table organisation add column contact varchar(200);
alter table organisation add column onboarded_by varchar(64);
alter table organisation add column enabled boolean not null default true;
