-- resource_index: what the finder searches, one row per published service at a location.
-- security_invoker, so every underlying table's RLS applies to the caller: contact channels
-- that are not public appear only for roles allowed to read them. A quartier-only location is
-- shown at its quartier's representative point and without address.

create view public.resource_index
with (security_invoker = true)
as
select
	sal.id,
	s.id as service_id,
	l.id as location_id,
	o.id as organization_id,
	o.name as organization_name,
	o.alternate_name as organization_alternate_name,
	o.category,
	o.status,
	o.trust_tier,
	o.vouched_by_organization_id,
	v.name as vouched_by_organization_name,
	o.assured_date,
	o.paused_until,
	s.name as service_name,
	s.description_fr,
	s.description_nl,
	s.description_en,
	s.support_kinds,
	s.target_groups,
	s.languages,
	s.accepting_new,
	s.cost,
	s.cost_note,
	s.eligibility_description,
	s.accessibility,
	s.schedules,
	s.schedule_kind,
	l.name as location_name,
	case when l.location_precision = 'quartier' then null else l.address end as address,
	l.location_precision,
	case when l.location_precision = 'quartier' then q.point_lon else l.lon end as lon,
	case when l.location_precision = 'quartier' then q.point_lat else l.lat end as lat,
	l.mdrc,
	q.name_fr as quartier_name_fr,
	q.name_nl as quartier_name_nl,
	q.nis_main as nis,
	l.service_area_mdrc,
	l.partner_venue_name,
	coalesce(
		(
			select jsonb_agg(
				jsonb_build_object(
					'kind', c.kind, 'value', c.value, 'label', c.label, 'public', c.public
				)
				order by c.sort_order, c.kind
			)
			from public.contact_channels c
			where c.organization_id = o.id and (c.service_id is null or c.service_id = s.id)
		),
		'[]'::jsonb
	) as contacts,
	greatest(o.updated_at, s.updated_at, l.updated_at) as updated_at
from public.service_at_location sal
join public.services s on s.id = sal.service_id
join public.locations l on l.id = sal.location_id
join public.organizations o on o.id = sal.organization_id
join public.quartiers q on q.mdrc = l.mdrc
left join public.organizations v on v.id = o.vouched_by_organization_id
where o.status in ('active', 'paused', 'dormant');

comment on view public.resource_index is
	'Published services at their locations, flattened for the finder; nis is the main commune of the location''s quartier. Runs with the caller''s rights (security_invoker).';

revoke insert, update, delete, truncate, references, trigger on public.resource_index
	from anon, authenticated;
grant select on public.resource_index to anon, authenticated;
