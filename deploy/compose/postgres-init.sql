-- Databases of the platform when it runs under docker compose: one per service, plus the key store
-- and Keycloak's. LOCAL-DEV ONLY passwords.
create role intake login password 'intake';
create database intake owner intake;
create role casework login password 'casework';
create database casework owner casework;
create role sharing login password 'sharing';
create database sharing owner sharing;
create role analytics login password 'analytics';
create database analytics owner analytics;
create role amity_keys login password 'amity_keys';
create database amity_keys owner amity_keys;
create role keycloak login password 'keycloak';
create database keycloak owner keycloak;
