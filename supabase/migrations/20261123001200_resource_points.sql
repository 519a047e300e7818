-- Finder speed and convergence.
-- * A quartier-only location already stores its quartier's representative point (trigger
--   locations_prepare); a trigger on quartiers now keeps it so when a representative point
--   changes, and resource_index reads locations.lon/lat directly, so a bounding-box filter on
--   the view can use the new (lat, lon) index instead of evaluating every row.

create function public.quartiers_move_quartier_locations() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.locations l
	set lon = new.point_lon, lat = new.point_lat
	where l.mdrc = new.mdrc and l.location_precision = 'quartier'
		and (l.lon, l.lat) is distinct from (new.point_lon, new.point_lat);
	return null;
end;
$$;
comment on function public.quartiers_move_quartier_locations() is
	'Trigger: quartier-only locations follow their quartier''s representative point when it changes.';

create trigger quartiers_move_quartier_locations
	after update of point_lon, point_lat on public.quartiers
	for each row execute function public.quartiers_move_quartier_locations();

create index locations_lat_lon_idx on public.locations (lat, lon);

create or replace view public.resource_index
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
	-- Quartier-only locations never hold an address (check constraint); the case is a guard.
	case when l.location_precision = 'quartier' then null else l.address end as address,
	l.location_precision,
	-- For quartier-only locations these are the quartier's representative point (see above).
	l.lon,
	l.lat,
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
	'Published services at their locations, flattened for the finder; nis is the main commune of the location''s quartier; quartier-only locations show their quartier''s representative point. Runs with the caller''s rights (security_invoker).';
