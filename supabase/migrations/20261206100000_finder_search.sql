-- The finder's search in the database.
-- * services.wheelchair_accessible: a structured answer beside the free-text accessibility note
--   (null = not known), so the finder can filter on it.
-- * finder_entries: one row per published service at a location with exactly the columns the
--   finder lists, folded text (unaccent + lower) and its words under a GIN index, the support
--   kinds with their parents, and GIN / btree indexes on what the filters test. It never holds a draft, a
--   pending, closed, rejected or archived entry, an address or a contact channel, so everyone may
--   read it; nobody writes it: SECURITY DEFINER triggers on the source tables keep it.
--   Reading resource_index instead means evaluating the RLS of five tables per row, which is
--   what made a search cost in proportion to the directory.
--   finder_words (its vocabulary, for typos) and finder_region (every entry's map point, for
--   the first screen) are kept with it.
-- * finder_search(p_query): filters, text match, distance, order, one page, the total, every
--   match as a 9-character map point, and (when little is found) the counts that explain why,
--   in one statement of counts.

create extension if not exists unaccent with schema extensions;
create extension if not exists fuzzystrmatch with schema extensions;

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

create function public.finder_map_code(
	p_lon double precision, p_lat double precision, p_category_index integer,
	p_quartier_only boolean, p_dormant boolean, p_mdrc integer
) returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	-- One integer below 2^50: lon and lat in 1e-5 degrees from the region's corner (15 bits
	-- each), the category's place among the codes in order (6 bits), quartier-only (1 bit),
	-- dormant (1 bit), mdrc (12 bits); written as 9 base64url characters, most significant
	-- first. src/lib/map/packed-points.ts reads them.
	with packed (v) as (
		select (round((p_lon - 4.24) * 100000)::bigint & 32767)
			+ 32768 * ((round((p_lat - 50.76) * 100000)::bigint & 32767)
			+ 32768 * ((p_category_index & 63)::bigint
			+ 64 * (p_quartier_only::int + 2 * p_dormant::int + 4 * (p_mdrc & 4095)::bigint)))
	)
	select string_agg(
		substr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
			((packed.v >> (6 * (8 - i))) & 63)::int + 1, 1),
		'' order by i
	)
	from packed, generate_series(0, 8) as i;
$$;
comment on function public.finder_map_code(double precision, double precision, integer, boolean, boolean, integer) is
	'An entry as a map point in 9 base64url characters: position, category (its place among the category codes in order), quartier-only, dormant, quartier. Decoded by the finder page.';

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
	-- The words of text_folded, for prefix search (`word:*`) through a GIN index. Measured on
	-- PGlite at 10,000 entries, a trigram index answered `like '% word%'` slower than reading
	-- every row (common trigrams such as ' de'), and trigram word similarity took 0.75 s.
	words tsvector not null,
	sort_name text collate "C" not null,
	-- The entry as a map point in 9 characters (see finder_map_code).
	map_code text not null
);
alter table public.finder_entries enable row level security;
create index finder_entries_organization_id_idx on public.finder_entries (organization_id);
create index finder_entries_lat_lon_idx on public.finder_entries (lat, lon);
create index finder_entries_mdrc_idx on public.finder_entries (mdrc);
create index finder_entries_languages_idx on public.finder_entries using gin (languages);
create index finder_entries_support_codes_idx on public.finder_entries using gin (support_codes);
create index finder_entries_target_groups_idx on public.finder_entries using gin (target_groups);
create index finder_entries_words_idx on public.finder_entries using gin (words);
create index finder_entries_schedules_idx on public.finder_entries (schedules);
-- The orders of a search without words or place: the first page comes straight from these.
create index finder_entries_name_order_idx on public.finder_entries
	((status = 'dormant'), sort_name, id);
create index finder_entries_fresh_order_idx on public.finder_entries
	((status = 'dormant'), assured_date desc nulls last, sort_name, id);
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

-- Every published entry as map points, kept with finder_entries: a search without any filter
-- (the finder's first screen) reads this one row instead of every entry.
create table public.finder_region (
	id boolean primary key default true check (id),
	total integer not null,
	points text not null
);
alter table public.finder_region enable row level security;
comment on table public.finder_region is
	'One row: how many entries finder_entries holds and all their map codes (finder_map_code), for the region-wide map.';
create policy finder_region_select on public.finder_region
	for select to anon, authenticated
	using (true);
comment on policy finder_region_select on public.finder_region is
	'Everyone reads the region''s map points: published entries only.';
revoke insert, update, delete, truncate, references, trigger on public.finder_region
	from anon, authenticated;
grant select on public.finder_region to anon, authenticated;

-- The words of the published texts, for typo-tolerant search: a few thousand rows, so a word
-- with a slip is compared (Levenshtein) with each of them rather than with every entry's text.
-- Readable by no API role; finder_typo_candidates answers from it.
create table public.finder_words (
	word text collate "C" primary key
);
alter table public.finder_words enable row level security;
revoke all on public.finder_words from anon, authenticated;
comment on table public.finder_words is
	'Distinct folded words (4+ letters) of the texts finder_entries has held; words of entries that left stay, matching nothing. Not readable through the API.';

create function public.finder_typo_candidates(p_word text) returns text[]
language sql
stable
security definer
set search_path = ''
as $$
	-- One edit from 6 letters, two from 9, as the TypeScript engine allowed.
	select coalesce(array_agg(c.word order by c.edits, c.word), '{}')
	from (
		select w.word, extensions.levenshtein_less_equal(p_word, w.word, k.edits) as edits
		from public.finder_words w,
			(select case when length(p_word) >= 9 then 2 else 1 end as edits) k
		where length(p_word) >= 6
			and abs(length(w.word) - length(p_word)) <= k.edits
			and w.word <> p_word
			and extensions.levenshtein_less_equal(p_word, w.word, k.edits) <= k.edits
		order by 2, 1
		limit 8
	) c;
$$;
comment on function public.finder_typo_candidates(text) is
	'Words of the directory one edit (6-8 letters) or two edits (9+) away from a folded search word, closest first, at most 8; empty for shorter words.';
revoke all on function public.finder_typo_candidates(text) from public;
grant execute on function public.finder_typo_candidates(text) to anon, authenticated;

-- Keeping it ---------------------------------------------------------------------------------

create function public.finder_entries_refresh(p_organization_ids uuid[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if p_organization_ids is null then
		return;
	end if;
	delete from public.finder_entries e where e.organization_id = any (p_organization_ids);
	insert into public.finder_entries (
		id, organization_id, service_id, location_id, organization_name, service_name, category,
		status, trust_tier, vouched_by_name, assured_date, languages, support_kinds, support_codes,
		target_groups, accepting_new, wheelchair_accessible, schedules, schedule_kind,
		location_precision, lon, lat, mdrc, quartier_name_fr, quartier_name_nl, name_folded,
		text_folded, words, sort_name, map_code
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
		pg_catalog.to_tsvector('pg_catalog.simple', public.finder_fold(concat_ws(' ', o.name,
			s.name, s.description_fr, s.description_nl, s.description_en))),
		btrim(public.finder_fold(o.name || ' ' || s.name)),
		public.finder_map_code(
			l.lon, l.lat,
			(select count(*) from public.categories c where c.code < o.category)::integer,
			l.location_precision = 'quartier', o.status = 'dormant', l.mdrc
		)
	from public.service_at_location sal
	join public.services s on s.id = sal.service_id
	join public.locations l on l.id = sal.location_id
	join public.organizations o on o.id = sal.organization_id
	join public.quartiers q on q.mdrc = l.mdrc
	left join public.organizations v on v.id = o.vouched_by_organization_id
	where sal.organization_id = any (p_organization_ids)
		and o.status in ('active', 'paused', 'dormant');
	insert into public.finder_words (word)
	select distinct w.word
	from public.finder_entries e,
		regexp_split_to_table(btrim(e.text_folded), ' ') as w (word)
	where e.organization_id = any (p_organization_ids) and length(w.word) >= 4
	on conflict do nothing;
	insert into public.finder_region (id, total, points)
	select true, count(*), coalesce(string_agg(e.map_code, ''), '') from public.finder_entries e
	on conflict (id) do update set total = excluded.total, points = excluded.points;
end;
$$;
comment on function public.finder_entries_refresh(uuid[]) is
	'Rewrites the finder_entries rows of the given organizations from the directory tables (published ones only), adds their words to finder_words and recounts finder_region. Called by the keeping triggers; not callable through the API.';
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
		where tg_table_name in ('support_kinds', 'categories')
			or e.mdrc in (select q.mdrc from public.quartiers q)
	));
	return null;
end;
$$;
comment on function public.finder_entries_keep_reference() is
	'Statement trigger on quartiers (names), support_kinds (parents) and categories (map codes): rewrites the published entries, which carry quartier names, support-kind ancestors and the category''s place.';
revoke all on function public.finder_entries_keep_reference() from public, anon, authenticated;

create trigger quartiers_finder_names after update of name_fr, name_nl on public.quartiers
	for each statement execute function public.finder_entries_keep_reference();
create trigger support_kinds_finder_tree after insert or update or delete on public.support_kinds
	for each statement execute function public.finder_entries_keep_reference();
create trigger categories_finder_codes after insert or update or delete on public.categories
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
	typos text[];
	candidates text[];
	tsq text := '';
	rank_order text;
	filters text[] := '{}';
	statement text;
	all_conds text[];
	names text[];
	where_all text;
	page jsonb;
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
			-- Every word starts a word of the names or descriptions (a prefix query on the words'
			-- index). A word of six letters or more may carry a slip: it also matches the
			-- directory's words one edit away (two from nine letters), found in the small
			-- vocabulary, as whole words.
			candidates := public.finder_typo_candidates(words[i]);
			typos := array(select '% ' || t || ' %' from unnest(candidates) as t);
			tsq := tsq || case when i > 1 then ' & ' else '' end || '(' || words[i] || ':*'
				|| coalesce((select string_agg(' | ' || t, '') from unnest(candidates) as t), '')
				|| ')';
			-- Scores as the TypeScript engine did: whole word in the name 3, its start 2, in a
			-- description 1, its start 0.5, a slip 0.4 in the name and 0.2 elsewhere.
			word_score := format(
				'case when e.name_folded like %1$L then 3 when e.name_folded like %2$L then 2'
				' when e.text_folded like %1$L then 1 when e.text_folded like %2$L then 0.5'
				'%3$s else 0.2 end',
				'% ' || words[i] || ' %', '% ' || words[i] || '%',
				case when cardinality(typos) > 0
					then format(' when e.name_folded like any (%L::text[]) then 0.4', typos)
					else '' end
			);
			relevance := relevance || case when i > 1 then ' + ' else '' end || word_score;
		end loop;
		if cardinality(words) > 1 then
			relevance := relevance || format(
				' + case when e.name_folded like %L then 2 else 0 end', '% ' || phrase || '%'
			);
		end if;
		relevance := '(' || relevance || ')::double precision';
		c_text := format('e.words @@ %L::pg_catalog.tsquery', tsq);
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

	all_conds := array[c_text, c_radius, c_quartier, c_languages, c_support, c_target, c_category,
		c_accepting, c_wheelchair, c_open];
	names := array['text', 'radius', 'quartier', 'languages', 'support', 'target', 'category',
		'accepting', 'wheelchair', 'openNow'];
	where_all := array_to_string(all_conds, ' and ');

	-- Dormant entries last; then the order asked; ties by relevance, distance, name, id, as the
	-- TypeScript engine ranked. Terms that are constant for this query are left out, so that
	-- without words or place an index (finder_entries_*_order_idx) gives the page directly.
	rank_order := concat_ws(', ',
		'(e.status = ''dormant'')',
		case
			when q_sort = 'freshness' then 'e.assured_date desc nulls last'
			when q_sort = 'name' then null
			when near then dist
			when words is not null then relevance || ' desc'
		end,
		case when words is not null then relevance || ' desc' end,
		case when near then dist end,
		'e.sort_name', 'e.id');

	-- The total and every match as a map point, in one pass over the matches (no order: the page
	-- finds its own points by their codes); without any filter, from finder_region.
	if where_all = array_to_string(array_fill('true'::text, array[10]), ' and ') then
		select jsonb_build_object('total', r.total, 'points', r.points) into result
		from public.finder_region r;
		result := coalesce(result, '{"total": 0, "points": ""}');
	else
		execute format(
			'select jsonb_build_object(''total'', count(*), ''points'', coalesce(string_agg(e.map_code, ''''), ''''))'
			' from public.finder_entries e where %s',
			where_all
		) into result;
	end if;

	-- The page: a top-N over the matches, columns only for its rows.
	execute format($sql$
		select coalesce(jsonb_agg(p.entry order by p.n), '[]')
		from (
			select row_number() over () as n, jsonb_build_object(
				'id', e.id, 'organization_id', e.organization_id,
				'organization_name', e.organization_name, 'service_name', e.service_name,
				'category', e.category, 'lon', e.lon, 'lat', e.lat, 'mdrc', e.mdrc,
				'location_precision', e.location_precision, 'languages', e.languages,
				'support_kinds', e.support_kinds, 'target_groups', e.target_groups,
				'accepting_new', e.accepting_new, 'wheelchair_accessible', e.wheelchair_accessible,
				'trust_tier', e.trust_tier, 'vouched_by_name', e.vouched_by_name,
				'assured_date', e.assured_date, 'status', e.status, 'schedules', e.schedules,
				'schedule_kind', e.schedule_kind, 'quartier_name_fr', e.quartier_name_fr,
				'quartier_name_nl', e.quartier_name_nl, 'map_code', e.map_code,
				'distance_m', %1$s, 'relevance', %2$s
			) as entry
			from (
				select e.* from public.finder_entries e
				where %3$s
				order by %4$s
				limit %5$s offset %6$s
			) e
		) p
	$sql$, dist, relevance, where_all, rank_order, q_page_size, (q_page - 1) * q_page_size)
	into page;
	result := result || jsonb_build_object(
		'categories', to_jsonb(categories), 'results', page, 'filters', to_jsonb(filters)
	);

	if (result ->> 'total')::integer < q_explain_below then
		-- Why so few: for each active filter, how many entries pass every other one; for each
		-- wider radius, how many pass every other filter within it. One statement of counts;
		-- each count is narrowed by the indexes of the filters it keeps, so none reads every
		-- entry unless the search has a single filter.
		statement := '';
		for i in 1 .. 10 loop
			if all_conds[i] <> 'true' then
				statement := statement || format(', %L, (select count(*) from public.finder_entries e where %s)',
					names[i],
					array_to_string(all_conds[1:i - 1] || all_conds[i + 1:10], ' and '));
			end if;
		end loop;
		execute format($sql$
			select jsonb_build_object(
				'everything', coalesce((select r.total from public.finder_region r), 0),
				'without', jsonb_build_object(%1$s),
				'within', %2$s
			)
		$sql$,
			substr(statement, 3),
			case when c_radius = 'true' then '''{}''::jsonb' else format($sql$(
				select jsonb_build_object('500', count(*) filter (where x.d <= 500),
					'1000', count(*) filter (where x.d <= 1000), '2000', count(*) filter (where x.d <= 2000),
					'5000', count(*) filter (where x.d <= 5000), '10000', count(*) filter (where x.d <= 10000),
					'20000', count(*) filter (where x.d <= 20000))
				from (select %1$s as d from public.finder_entries e where %2$s offset 0) x
			)$sql$, dist, array_to_string(all_conds[1:1] || all_conds[3:10], ' and ')) end
		) into counts;
		result := result || jsonb_build_object('counts', counts);
	end if;
	return result;
end;
$$;
comment on function public.finder_search(jsonb) is
	'The finder''s search over finder_entries. p_query: q (words, accents and case ignored, a slip allowed in words of 6+ letters), lon/lat/radius_m (metres, great-circle), quartier (mdrc), languages, support (a parent matches its kinds), target (everyone matches all), category (any of each), accepting, wheelchair, open_schedules (the opening-hours texts open now, computed by the caller), sort (distance | freshness | name), page, page_size (<= 100). Returns total, one page of results (each with the number of its point), every match as a 9-character map point (finder_map_code), and below explain_below (5) matches the counts per dropped filter and per wider radius. Runs with the caller''s rights: finder_entries is public.';
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
