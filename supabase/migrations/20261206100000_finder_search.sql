-- The finder's search in the database.
-- * services.wheelchair_accessible: a structured answer beside the free-text accessibility note
--   (null = not known), so the finder can filter on it.
-- * finder_entries: one row per published service at a location with exactly the columns the
--   finder lists, folded text (unaccent + lower) under a trigram index, the support kinds with
--   their parents, and GIN / btree indexes on what the filters test. It never holds a draft, a
--   pending, closed, rejected or archived entry, an address or a contact channel, so everyone may
--   read it; nobody writes it: SECURITY DEFINER triggers on the source tables keep it.
--   Reading resource_index instead means evaluating the RLS of five tables per row, which is
--   what made a search cost in proportion to the directory.
-- * finder_search(p_query): filters, text match, distance, order, one page, the total, every
--   match as a compact map point, and (when little is found) the counts that explain why, in
--   one statement of counts.

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

alter table public.services add column wheelchair_accessible boolean;
comment on column public.services.wheelchair_accessible is
	'True when a wheelchair user can reach and use the service (step-free entrance or lift); false when not; null when not known. The accessibility text says more.';

-- Folding ------------------------------------------------------------------------------------

create function public.finder_fold(p_text text) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	-- Words of letters and digits, space-separated with a space at each end, so that
	-- `like '% word%'` finds a word start and `like '% word %'` a whole word.
	select ' ' || btrim(regexp_replace(
		lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p_text, ''))),
		'[^a-z0-9]+', ' ', 'g'
	)) || ' ';
$$;
comment on function public.finder_fold(text) is
	'Folds text for the finder: accents removed (unaccent), lower case, runs of other characters as one space, a space at each end. Declared immutable for use in stored columns; the unaccent rules are fixed per installation.';

-- The table ----------------------------------------------------------------------------------

create table public.finder_entries (
	id uuid primary key,
	organization_id uuid not null,
	service_id uuid not null,
	location_id uuid not null,
	organization_name text not null,
	service_name text not null,
	category text not null,
	status text not null check (status in ('active', 'paused', 'dormant')),
	trust_tier text not null,
	vouched_by_name text,
	assured_date date,
	languages text[] not null,
	support_kinds text[] not null,
	-- support_kinds and every ancestor of them: a search for a group finds its kinds.
	support_codes text[] not null,
	target_groups text[] not null,
	accepting_new text not null,
	wheelchair_accessible boolean,
	schedules text,
	schedule_kind text not null,
	location_precision text not null,
	lon double precision not null,
	lat double precision not null,
	mdrc integer not null,
	quartier_name_fr text not null,
	quartier_name_nl text not null,
	name_folded text not null,
	text_folded text not null,
	sort_name text collate "C" not null
);
alter table public.finder_entries enable row level security;
create index finder_entries_organization_id_idx on public.finder_entries (organization_id);
create index finder_entries_lat_lon_idx on public.finder_entries (lat, lon);
create index finder_entries_mdrc_idx on public.finder_entries (mdrc);
create index finder_entries_languages_idx on public.finder_entries using gin (languages);
create index finder_entries_support_codes_idx on public.finder_entries using gin (support_codes);
create index finder_entries_target_groups_idx on public.finder_entries using gin (target_groups);
create index finder_entries_text_idx on public.finder_entries
	using gin (text_folded extensions.gin_trgm_ops);
create index finder_entries_schedules_idx on public.finder_entries (schedules);
comment on table public.finder_entries is
	'What the finder searches: one row per published (active, paused, dormant) service at a location, kept by triggers on the directory tables; public data only (no address, no contact channel). Quartier-only locations show their quartier''s representative point.';

create policy finder_entries_select on public.finder_entries
	for select to anon, authenticated
	using (true);
comment on policy finder_entries_select on public.finder_entries is
	'Everyone reads the finder''s entries: the table holds only published, public columns.';

revoke insert, update, delete, truncate, references, trigger on public.finder_entries
	from anon, authenticated;
grant select on public.finder_entries to anon, authenticated;

-- Keeping it ---------------------------------------------------------------------------------

create function public.finder_entries_refresh(p_organization_ids uuid[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if p_organization_ids is null or cardinality(p_organization_ids) = 0 then
		return;
	end if;
	delete from public.finder_entries e where e.organization_id = any (p_organization_ids);
	insert into public.finder_entries (
		id, organization_id, service_id, location_id, organization_name, service_name, category,
		status, trust_tier, vouched_by_name, assured_date, languages, support_kinds, support_codes,
		target_groups, accepting_new, wheelchair_accessible, schedules, schedule_kind,
		location_precision, lon, lat, mdrc, quartier_name_fr, quartier_name_nl, name_folded,
		text_folded, sort_name
	)
	select
		sal.id, o.id, s.id, l.id, o.name, s.name, o.category, o.status, o.trust_tier, v.name,
		o.assured_date, s.languages, s.support_kinds,
		array(
			with recursive up (code, depth) as (
				select k.code, 0 from unnest(s.support_kinds) as k (code)
				union
				select p.parent_code, up.depth + 1
				from up join public.support_kinds p on p.code = up.code
				where p.parent_code is not null and up.depth < 8
			)
			select distinct up.code from up
		),
		s.target_groups, s.accepting_new, s.wheelchair_accessible, s.schedules, s.schedule_kind,
		l.location_precision, l.lon, l.lat, l.mdrc, q.name_fr, q.name_nl,
		public.finder_fold(o.name || ' ' || s.name),
		public.finder_fold(concat_ws(' ', o.name, s.name, s.description_fr, s.description_nl,
			s.description_en)),
		btrim(public.finder_fold(o.name || ' ' || s.name))
	from public.service_at_location sal
	join public.services s on s.id = sal.service_id
	join public.locations l on l.id = sal.location_id
	join public.organizations o on o.id = sal.organization_id
	join public.quartiers q on q.mdrc = l.mdrc
	left join public.organizations v on v.id = o.vouched_by_organization_id
	where sal.organization_id = any (p_organization_ids)
		and o.status in ('active', 'paused', 'dormant');
end;
$$;
comment on function public.finder_entries_refresh(uuid[]) is
	'Rewrites the finder_entries rows of the given organizations from the directory tables (published ones only). Called by the keeping triggers; not callable through the API.';
revoke all on function public.finder_entries_refresh(uuid[]) from public, anon, authenticated;

-- Statement triggers with transition tables: a bulk write (the seed, a moderator's batch)
-- rewrites each touched organization once, not once per row.
create function public.finder_entries_keep() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	ids uuid[];
	key text := tg_argv[0];
begin
	if tg_op = 'INSERT' then
		execute format('select array_agg(distinct %I) from new_rows', key) into ids;
	elsif tg_op = 'DELETE' then
		execute format('select array_agg(distinct %I) from old_rows', key) into ids;
	else
		execute format(
			'select array_agg(distinct k) from (select %1$I as k from new_rows union select %1$I from old_rows) t',
			key
		) into ids;
	end if;
	if tg_table_name = 'organizations' and ids is not null then
		-- Entries vouched for by a renamed organization show its new name.
		ids := ids || array(
			select o.id from public.organizations o
			where o.vouched_by_organization_id = any (ids) and not o.id = any (ids)
		);
	end if;
	perform public.finder_entries_refresh(ids);
	return null;
end;
$$;
comment on function public.finder_entries_keep() is
	'Statement trigger: refreshes finder_entries for the organizations the written rows belong to (column named by the trigger argument), and for organizations vouched for by a changed organization.';
revoke all on function public.finder_entries_keep() from public, anon, authenticated;

create trigger organizations_finder_insert after insert on public.organizations
	referencing new table as new_rows
	for each statement execute function public.finder_entries_keep('id');
create trigger organizations_finder_update after update on public.organizations
	referencing new table as new_rows old table as old_rows
	for each statement execute function public.finder_entries_keep('id');
create trigger organizations_finder_delete after delete on public.organizations
	referencing old table as old_rows
	for each statement execute function public.finder_entries_keep('id');

create trigger services_finder_insert after insert on public.services
	referencing new table as new_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger services_finder_update after update on public.services
	referencing new table as new_rows old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger services_finder_delete after delete on public.services
	referencing old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');

create trigger locations_finder_insert after insert on public.locations
	referencing new table as new_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger locations_finder_update after update on public.locations
	referencing new table as new_rows old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger locations_finder_delete after delete on public.locations
	referencing old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');

create trigger service_at_location_finder_insert after insert on public.service_at_location
	referencing new table as new_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger service_at_location_finder_update after update on public.service_at_location
	referencing new table as new_rows old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');
create trigger service_at_location_finder_delete after delete on public.service_at_location
	referencing old table as old_rows
	for each statement execute function public.finder_entries_keep('organization_id');

-- Quartier names and the support-kind tree are reference data: a change rewrites what uses it.
create function public.finder_entries_keep_reference() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.finder_entries_refresh(array(
		select distinct e.organization_id from public.finder_entries e
		where tg_table_name = 'support_kinds'
			or e.mdrc in (select q.mdrc from public.quartiers q)
	));
	return null;
end;
$$;
comment on function public.finder_entries_keep_reference() is
	'Statement trigger on quartiers (names) and support_kinds (parents): rewrites the published entries, which carry quartier names and support-kind ancestors.';
revoke all on function public.finder_entries_keep_reference() from public, anon, authenticated;

create trigger quartiers_finder_names after update of name_fr, name_nl on public.quartiers
	for each statement execute function public.finder_entries_keep_reference();
create trigger support_kinds_finder_tree after insert or update or delete on public.support_kinds
	for each statement execute function public.finder_entries_keep_reference();

-- Entries that exist already.
select public.finder_entries_refresh(array(select o.id from public.organizations o));

-- Searching ----------------------------------------------------------------------------------

create function public.finder_search(p_query jsonb) returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	-- The query, read defensively: unknown keys are ignored, missing ones mean "no filter".
	q_text text := nullif(btrim(coalesce(p_query ->> 'q', '')), '');
	q_lon double precision := (p_query ->> 'lon')::double precision;
	q_lat double precision := (p_query ->> 'lat')::double precision;
	q_radius double precision := (p_query ->> 'radius_m')::double precision;
	q_quartier integer := (p_query ->> 'quartier')::integer;
	q_languages text[] := array(select jsonb_array_elements_text(coalesce(p_query -> 'languages', '[]')));
	q_support text[] := array(select jsonb_array_elements_text(coalesce(p_query -> 'support', '[]')));
	q_target text[] := array(select jsonb_array_elements_text(coalesce(p_query -> 'target', '[]')));
	q_category text[] := array(select jsonb_array_elements_text(coalesce(p_query -> 'category', '[]')));
	q_accepting boolean := coalesce((p_query ->> 'accepting')::boolean, false);
	q_wheelchair boolean := coalesce((p_query ->> 'wheelchair')::boolean, false);
	-- "Open now" is evaluated in TypeScript over the distinct opening-hours texts (see
	-- finder_schedule_texts); the texts open at the moment asked arrive here as a list.
	q_open_now boolean := p_query ? 'open_schedules';
	q_open text[] := array(select jsonb_array_elements_text(coalesce(p_query -> 'open_schedules', '[]')));
	q_sort text := coalesce(p_query ->> 'sort', 'distance');
	q_page integer := greatest(1, coalesce((p_query ->> 'page')::integer, 1));
	q_page_size integer := least(100, greatest(1, coalesce((p_query ->> 'page_size')::integer, 50)));
	q_explain_below integer := coalesce((p_query ->> 'explain_below')::integer, 5);
	words text[];
	phrase text;
	near boolean := q_lon is not null and q_lat is not null;
	dist text := 'null::double precision';
	c_text text := 'true';
	c_radius text := 'true';
	c_quartier text := 'true';
	c_languages text := 'true';
	c_support text := 'true';
	c_target text := 'true';
	c_category text := 'true';
	c_accepting text := 'true';
	c_wheelchair text := 'true';
	c_open text := 'true';
	relevance text := '0::double precision';
	word_score text;
	rank_order text;
	filters text[] := '{}';
	conds text[] := '{}';
	statement text;
	result jsonb;
	counts jsonb;
	dlat double precision;
	dlon double precision;
	i integer;
	categories text[] := array(select c.code from public.categories c order by c.code);
begin
	if q_text is not null then
		words := array(
			select w from regexp_split_to_table(btrim(public.finder_fold(q_text)), ' ') as w
			where w <> '' limit 12
		);
		if cardinality(words) = 0 then
			words := null;
		end if;
	end if;
	if words is not null then
		phrase := array_to_string(words, ' ');
		c_text := '';
		relevance := '';
		for i in 1 .. cardinality(words) loop
			-- Every word starts a word of the names or descriptions; a word of six letters or
			-- more may also carry a slip (trigram word similarity, indexed), as in the street box.
			c_text := c_text || case when i > 1 then ' and ' else '' end || format(
				'(e.text_folded like %L%s)',
				'% ' || words[i] || '%',
				case when length(words[i]) >= 6
					then format(' or %L operator(extensions.<%%) e.text_folded', words[i])
					else '' end
			);
			-- Scores as the TypeScript engine did: whole word in the name 3, its start 2, in a
			-- description 1, its start 0.5, a slip 0.4 in the name and 0.2 elsewhere.
			word_score := format(
				'case when e.name_folded like %1$L then 3 when e.name_folded like %2$L then 2'
				' when e.text_folded like %3$L then 1 when e.text_folded like %4$L then 0.5'
				' when length(%5$L) >= 6 and %5$L operator(extensions.<%%) e.name_folded then 0.4'
				' else 0.2 end',
				'% ' || words[i] || ' %', '% ' || words[i] || '%',
				'% ' || words[i] || ' %', '% ' || words[i] || '%', words[i]
			);
			relevance := relevance || case when i > 1 then ' + ' else '' end || word_score;
		end loop;
		if cardinality(words) > 1 then
			relevance := relevance || format(
				' + case when e.name_folded like %L then 2 else 0 end', '% ' || phrase || '%'
			);
		end if;
		relevance := '(' || relevance || ')::double precision';
		filters := filters || 'text'::text;
	end if;
	if near then
		-- Great-circle distance (haversine, mean Earth radius as Turf uses).
		dist := format(
			'(2 * 6371008.8 * asin(sqrt(power(sin(radians(e.lat - %1$s) / 2), 2)'
			' + cos(radians(%1$s)) * cos(radians(e.lat)) * power(sin(radians(e.lon - %2$s) / 2), 2))))',
			q_lat, q_lon
		);
		if q_radius is not null then
			-- A box around the circle first, so the (lat, lon) index narrows the rows.
			dlat := degrees(q_radius / 6371008.8);
			dlon := degrees(q_radius / (6371008.8 * cos(radians(q_lat))));
			c_radius := format(
				'(e.lat between %s and %s and e.lon between %s and %s and %s <= %s)',
				q_lat - dlat, q_lat + dlat, q_lon - dlon, q_lon + dlon, dist, q_radius
			);
			filters := filters || 'radius'::text;
		end if;
	end if;
	if q_quartier is not null then
		c_quartier := format('e.mdrc = %s', q_quartier);
		filters := filters || 'quartier'::text;
	end if;
	if cardinality(q_languages) > 0 then
		c_languages := format('e.languages && %L::text[]', q_languages);
		filters := filters || 'languages'::text;
	end if;
	if cardinality(q_support) > 0 then
		c_support := format('e.support_codes && %L::text[]', q_support);
		filters := filters || 'support'::text;
	end if;
	if cardinality(q_target) > 0 then
		-- A service for everyone suits every group.
		c_target := format('e.target_groups && %L::text[]', q_target || '{everyone}'::text[]);
		filters := filters || 'target'::text;
	end if;
	if cardinality(q_category) > 0 then
		c_category := format('e.category = any (%L::text[])', q_category);
		filters := filters || 'category'::text;
	end if;
	if q_accepting then
		c_accepting := 'e.accepting_new <> ''full''';
		filters := filters || 'accepting'::text;
	end if;
	if q_wheelchair then
		c_wheelchair := 'e.wheelchair_accessible';
		filters := filters || 'wheelchair'::text;
	end if;
	if q_open_now then
		c_open := format('(e.schedule_kind = ''hours'' and e.schedules = any (%L::text[]))', q_open);
		filters := filters || 'openNow'::text;
	end if;

	-- Dormant entries last; then the order asked; ties by relevance, distance, name, id.
	rank_order := 'm.dormant, ' || case
		when q_sort = 'freshness' then 'm.assured_date desc nulls last, '
		when q_sort = 'name' then ''
		when near then 'm.distance_m, '
		when words is not null then 'm.relevance desc, '
		else '' end
		|| 'm.relevance desc, m.distance_m nulls last, m.sort_name, m.id';

	statement := format($sql$
		with m as materialized (
			select e.*, %1$s as distance_m, %2$s as relevance, e.status = 'dormant' as dormant
			from public.finder_entries e
			where %3$s
		),
		ranked as (
			select m.*, row_number() over (order by %4$s) - 1 as rank from m
		)
		select jsonb_build_object(
			'total', (select count(*) from ranked),
			'categories', to_jsonb(%7$L::text[]),
			-- Every match as one integer, in rank order, so the map shows the list's pages:
			-- lon and lat in 1e-5 degrees from the region's corner (15 bits each), the category's
			-- place in 'categories' (6 bits), quartier-only (1 bit), dormant (1 bit), mdrc (12 bits).
			'points', (
				select coalesce(jsonb_agg(
					round((r.lon - 4.24) * 100000)::bigint
					+ 32768 * (round((r.lat - 50.76) * 100000)::bigint
					+ 32768 * (coalesce(array_position(%7$L::text[], r.category) - 1, 63)
					+ 64 * ((r.location_precision = 'quartier')::int
					+ 2 * r.dormant::int
					+ 4 * r.mdrc::bigint)))
					order by r.rank
				), '[]')
				from ranked r
			),
			'results', (
				select coalesce(jsonb_agg(jsonb_build_object(
					'id', r.id, 'organization_id', r.organization_id,
					'organization_name', r.organization_name, 'service_name', r.service_name,
					'category', r.category, 'lon', r.lon, 'lat', r.lat, 'mdrc', r.mdrc,
					'location_precision', r.location_precision, 'languages', r.languages,
					'support_kinds', r.support_kinds, 'target_groups', r.target_groups,
					'accepting_new', r.accepting_new, 'wheelchair_accessible', r.wheelchair_accessible,
					'trust_tier', r.trust_tier, 'vouched_by_name', r.vouched_by_name,
					'assured_date', r.assured_date, 'status', r.status, 'schedules', r.schedules,
					'schedule_kind', r.schedule_kind, 'quartier_name_fr', r.quartier_name_fr,
					'quartier_name_nl', r.quartier_name_nl, 'distance_m', r.distance_m,
					'relevance', r.relevance
				) order by r.rank), '[]')
				from ranked r
				where r.rank >= %5$s and r.rank < %6$s
			)
		)
		from (select 1) one
	$sql$,
		dist, relevance,
		concat_ws(' and ', c_text, c_radius, c_quartier, c_languages, c_support, c_target,
			c_category, c_accepting, c_wheelchair, c_open),
		rank_order, (q_page - 1) * q_page_size, q_page * q_page_size, categories
	);
	execute statement into result;

	if (result ->> 'total')::integer < q_explain_below then
		-- Why so few: for each active filter, how many entries pass every other filter; for each
		-- wider radius, how many pass every other filter within it. One statement of counts.
		conds := array[c_text, c_radius, c_quartier, c_languages, c_support, c_target, c_category,
			c_accepting, c_wheelchair, c_open];
		statement := format($sql$
			select jsonb_build_object(
				'everything', count(*),
				'without', jsonb_build_object(
					'text', count(*) filter (where %2$s and %3$s and %4$s and %5$s and %6$s and %7$s and %8$s and %9$s and %10$s),
					'radius', count(*) filter (where %1$s and %3$s and %4$s and %5$s and %6$s and %7$s and %8$s and %9$s and %10$s),
					'quartier', count(*) filter (where %1$s and %2$s and %4$s and %5$s and %6$s and %7$s and %8$s and %9$s and %10$s),
					'languages', count(*) filter (where %1$s and %2$s and %3$s and %5$s and %6$s and %7$s and %8$s and %9$s and %10$s),
					'support', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %6$s and %7$s and %8$s and %9$s and %10$s),
					'target', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %5$s and %7$s and %8$s and %9$s and %10$s),
					'category', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %5$s and %6$s and %8$s and %9$s and %10$s),
					'accepting', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %5$s and %6$s and %7$s and %9$s and %10$s),
					'wheelchair', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %5$s and %6$s and %7$s and %8$s and %10$s),
					'openNow', count(*) filter (where %1$s and %2$s and %3$s and %4$s and %5$s and %6$s and %7$s and %8$s and %9$s)
				),
				'within', jsonb_build_object(
					'500', count(*) filter (where %11$s and %12$s <= 500),
					'1000', count(*) filter (where %11$s and %12$s <= 1000),
					'2000', count(*) filter (where %11$s and %12$s <= 2000),
					'5000', count(*) filter (where %11$s and %12$s <= 5000),
					'10000', count(*) filter (where %11$s and %12$s <= 10000),
					'20000', count(*) filter (where %11$s and %12$s <= 20000)
				)
			)
			from public.finder_entries e
		$sql$,
			conds[1], conds[2], conds[3], conds[4], conds[5], conds[6], conds[7], conds[8],
			conds[9], conds[10],
			concat_ws(' and ', c_text, c_quartier, c_languages, c_support, c_target, c_category,
				c_accepting, c_wheelchair, c_open),
			case when near then dist else 'null::double precision' end
		);
		execute statement into counts;
		result := result || jsonb_build_object('filters', to_jsonb(filters), 'counts', counts);
	else
		result := result || jsonb_build_object('filters', to_jsonb(filters));
	end if;
	return result;
end;
$$;
comment on function public.finder_search(jsonb) is
	'The finder''s search over finder_entries. p_query: q (words, accents and case ignored, a slip allowed in words of 6+ letters), lon/lat/radius_m (metres, great-circle), quartier (mdrc), languages, support (a parent matches its kinds), target (everyone matches all), category (any of each), accepting, wheelchair, open_schedules (the opening-hours texts open now, computed by the caller), sort (distance | freshness | name), page, page_size (<= 100). Returns total, one page of results, every match as a packed map point in rank order, and below explain_below (5) matches the counts per dropped filter and per wider radius. Runs with the caller''s rights: finder_entries is public.';
grant execute on function public.finder_search(jsonb) to anon, authenticated;

create function public.finder_schedule_texts() returns setof text
language sql
stable
security invoker
set search_path = ''
as $$
	select distinct e.schedules from public.finder_entries e
	where e.schedule_kind = 'hours' and e.schedules is not null;
$$;
comment on function public.finder_schedule_texts() is
	'The distinct opening-hours texts of the published entries: the finder evaluates "open now" on these (in TypeScript, Brussels time) and searches with those open.';
grant execute on function public.finder_schedule_texts() to anon, authenticated;
