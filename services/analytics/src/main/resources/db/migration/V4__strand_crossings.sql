-- Dimensions counted within each strand (outcome by strand, repeat victimisation by strand, ...): the facts recorded
-- before this version get their crossings in `counted` (so that a later update subtracts them) and in the counts.
update case_fact f set counted = f.counted || array(
    select distinct 'strand+' || split_part(c, '=', 1) || '=' || substr(s, 8) || '|' || substr(c, strpos(c, '=') + 1)
    from unnest(f.counted) c, unnest(f.counted) s
    where s like 'strand=%'
      and split_part(c, '=', 1) in ('incident-type', 'classification', 'source-type', 'outcome', 'housing-outcome',
                                    'repeat', 'contact-target'))
where exists (select 1 from unnest(f.counted) s where s like 'strand=%');

insert into monthly_count (dimension, month, district, source_organisation, value, incidents)
select split_part(c, '=', 1), date_trunc('month', f.received_on)::date, f.district, coalesce(f.source_organisation, ''),
       substr(c, strpos(c, '=') + 1), count(*)
from case_fact f, unnest(f.counted) c
where c like 'strand+%'
group by 1, 2, 3, 4, 5
on conflict (dimension, month, district, source_organisation, value)
do update set incidents = monthly_count.incidents + excluded.incidents;
