-- The latest facts of a case stay in case_fact; what they add to the figures is kept in `counted`
-- ('dimension=value' entries) so that an update subtracts exactly what the earlier facts added.
alter table case_fact
    add column source_organisation varchar(64),
    add column housing_outcome     varchar(64),
    add column classification      varchar(32),
    add column likely_duplicate    boolean not null default false,
    add column counted             text[]  not null default '{}';

-- Pre-aggregated counts per month: every table of the API is a range scan of one dimension over whole months.
-- Ten years of national volume (1.5M incidents, ~300 districts) is at most 120 months x 300 districts x the
-- values of a dimension: a few hundred thousand rows per dimension, summed by an index range scan.
create table monthly_count (
    dimension           varchar(32)  not null,
    month               date         not null,
    district            varchar(64)  not null,
    source_organisation varchar(64)  not null default '',
    value               varchar(160) not null,
    incidents           bigint       not null,
    primary key (dimension, month, district, source_organisation, value)
);

-- Daily counts per district and strand ('all' for every incident) for tension monitoring.
create table daily_count (
    day                 date        not null,
    district            varchar(64) not null,
    source_organisation varchar(64) not null default '',
    strand              varchar(64) not null,
    incidents           bigint      not null,
    primary key (day, district, source_organisation, strand)
);

-- Facts recorded before this version: work out what they count and add it up.
update case_fact f set counted = array(
    select 'total=all'
    union all select distinct 'strand=' || s.strand from case_fact_strand s where s.case_key = f.case_key
    union all select distinct 'sub-category=' || s.strand || '/' || s.sub_category
              from case_fact_strand s where s.case_key = f.case_key and s.sub_category is not null
    union all select distinct 'incident-type=' || t from jsonb_array_elements_text(f.incident_types) t
    union all select 'classification=' || case when f.crime_suspected then 'hate-crime' else 'non-crime-hate-incident' end
    union all select 'source-type=' || f.source_organisation_type
    union all select 'outcome=' || coalesce(f.outcome_code::text, 'none')
    union all select 'repeat=' || case when f.repeat_victim then 'repeat' else 'first' end
    union all select 'contact-target=' || case when f.contact_target_met is null then 'not-applicable'
                                               when f.contact_target_met then 'met' else 'missed' end);

insert into monthly_count (dimension, month, district, source_organisation, value, incidents)
select split_part(c, '=', 1), date_trunc('month', f.received_on)::date, f.district, '', substr(c, strpos(c, '=') + 1), count(*)
from case_fact f, unnest(f.counted) c
group by 1, 2, 3, 5;

insert into daily_count (day, district, source_organisation, strand, incidents)
select f.received_on, f.district, '', substr(c, strpos(c, '=') + 1), count(*)
from case_fact f, unnest(f.counted) c
where c like 'strand=%' or c = 'total=all'
group by 1, 2, 4;
