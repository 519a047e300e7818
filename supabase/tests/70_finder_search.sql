-- The finder's search in the database: finder_entries holds published entries only and follows
-- every change of the directory (publish, pause, dormant, close, archive, edits of organization,
-- service, location and links, vouching, deletes); nobody writes it directly; finder_search
-- matches text without accents and with a slip, filters, ranks, pages, and explains an empty
-- result with counts.
begin;
set local search_path to "$user", public, extensions;
select plan(68);

select tests.create_fixture();

-- Three more published entries around the Porte de Namur, Saint-Gilles and Ixelles.
insert into public.quartiers (mdrc, name_fr, name_nl, type, nis_main, geometry, area_m2, point_lon, point_lat) values
	(3, 'Saint-Gilles centre', 'Sint-Gillis centrum', 'residential', '21004', '{"type": "Polygon", "coordinates": []}', 400000, 4.3456, 50.8276);
insert into public.support_kinds (code, parent_code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('learning_orientation', null, 500, 'Apprendre', 'Leren', 'Learning', 'd.', 'd.', 'd.');
insert into public.support_kinds (code, parent_code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('homework_help', 'learning_orientation', 530, 'Devoirs', 'Huiswerk', 'Homework', 'd.', 'd.', 'd.');
insert into public.target_groups (code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('everyone', 1, 'Tout le monde', 'Iedereen', 'Everyone', 'd.', 'd.', 'd.')
on conflict do nothing;
insert into public.organizations (id, name, description_fr, category, status, created_by) values
	('b0000000-0000-4000-8000-0000000000e1', 'École des Devoirs Les Ailes', 'Aide aux devoirs chaussée de Wavre.', 'self_organisation', 'pending', null),
	('b0000000-0000-4000-8000-0000000000e2', 'Huiswerkklas Sint-Gillis', 'Huiswerkbegeleiding.', 'self_organisation', 'pending', null),
	('b0000000-0000-4000-8000-0000000000e3', 'Maison de quartier', 'Permanence.', 'local_service_centre', 'pending', null);
update public.organizations set status = 'active', assured_date = date '2026-01-10' where id = 'b0000000-0000-4000-8000-0000000000e1';
update public.organizations set status = 'active' where id in ('b0000000-0000-4000-8000-0000000000e2', 'b0000000-0000-4000-8000-0000000000e3');
update public.organizations set assured_date = date '2025-06-01' where id = 'b0000000-0000-4000-8000-0000000000e2';
update public.organizations set assured_date = date '2026-11-01' where id = 'b0000000-0000-4000-8000-0000000000e3';
insert into public.services (id, organization_id, name, description_fr, description_nl, support_kinds, target_groups, languages, schedules, schedule_kind, accepting_new, wheelchair_accessible) values
	('c0000000-0000-4000-8000-0000000000e1', 'b0000000-0000-4000-8000-0000000000e1', 'Soutien scolaire', 'Après l''école, près de la chaussée de Wavre.', null, '{homework_help}', '{everyone}', '{fr,ar}', 'Mo-Fr 16:00-18:00', 'hours', 'open', true),
	('c0000000-0000-4000-8000-0000000000e2', 'b0000000-0000-4000-8000-0000000000e2', 'Huiswerk', null, 'Huiswerkklas in Sint-Gillis.', '{homework_help}', '{older_people}', '{nl}', null, 'irregular', 'full', false),
	('c0000000-0000-4000-8000-0000000000e3', 'b0000000-0000-4000-8000-0000000000e3', 'Permanence sociale', 'Une école des devoirs le mercredi.', null, '{social_contact}', '{}', '{fr}', null, 'by_appointment', 'waitlist', null);
insert into public.locations (id, organization_id, name, address, location_precision, lon, lat, mdrc) values
	('d0000000-0000-4000-8000-0000000000e1', 'b0000000-0000-4000-8000-0000000000e1', 'Salle', 'Chaussée de Wavre 100', 'exact', 4.3690, 50.8370, 3),
	('d0000000-0000-4000-8000-0000000000e2', 'b0000000-0000-4000-8000-0000000000e2', 'Zaal', 'Parvis 1', 'exact', 4.3460, 50.8280, 3),
	('d0000000-0000-4000-8000-0000000000e3', 'b0000000-0000-4000-8000-0000000000e3', 'Maison', 'Rue 1', 'exact', 4.3500, 50.8300, 3);
insert into public.service_at_location (organization_id, service_id, location_id) values
	('b0000000-0000-4000-8000-0000000000e1', 'c0000000-0000-4000-8000-0000000000e1', 'd0000000-0000-4000-8000-0000000000e1'),
	('b0000000-0000-4000-8000-0000000000e2', 'c0000000-0000-4000-8000-0000000000e2', 'd0000000-0000-4000-8000-0000000000e2'),
	('b0000000-0000-4000-8000-0000000000e3', 'c0000000-0000-4000-8000-0000000000e3', 'd0000000-0000-4000-8000-0000000000e3');

-- Service names of a search's page, in rank order.
create function tests.found(p_query jsonb) returns text[]
language sql
as $$
	select coalesce(array_agg(r.value ->> 'service_name' order by r.ordinality), '{}')
	from jsonb_array_elements(public.finder_search(p_query) -> 'results') with ordinality as r (value, ordinality);
$$;
grant usage on schema tests to anon, authenticated;
grant execute on function tests.found(jsonb) to anon, authenticated;

-- What the table holds ---------------------------------------------------------------------------
select results_eq(
	$$select service_name from public.finder_entries order by service_name$$,
	$$values ('Huiswerk'), ('Permanence sociale'), ('Service A'), ('Service A'), ('Service B'), ('Soutien scolaire')$$,
	'finder_entries holds the published services at each of their locations, never a pending one'
);
select results_eq(
	$$select lon, lat from public.finder_entries where id = 'e0000000-0000-4000-8000-000000000002'$$,
	$$values (4.3525::double precision, 50.8467::double precision)$$,
	'a quartier-only location stands at its quartier''s representative point'
);
select results_eq(
	$$select array(select unnest(support_codes) order by 1) from public.finder_entries where service_id = 'c0000000-0000-4000-8000-0000000000e1'$$,
	$$values ('{homework_help,learning_orientation}'::text[])$$,
	'support kinds carry their parents'
);

-- Nobody writes it directly ----------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select results_eq($$select count(*)::int from public.finder_entries$$, $$values (6)$$, 'anon reads every published entry');
select throws_ok($$insert into public.finder_entries select * from public.finder_entries limit 1$$, '42501', null, 'anon cannot insert into finder_entries');
select throws_ok($$update public.finder_entries set organization_name = 'Hacked'$$, '42501', null, 'anon cannot update finder_entries');
select throws_ok($$delete from public.finder_entries$$, '42501', null, 'anon cannot delete from finder_entries');
select throws_ok($$select public.finder_entries_refresh(array['b0000000-0000-4000-8000-00000000000b'::uuid])$$, '42501', null, 'anon cannot call the refresh');
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';
select results_eq($$select count(*)::int from public.finder_entries$$, $$values (6)$$, 'a moderator reads the same entries: never a pending one');
select throws_ok($$insert into public.finder_entries select * from public.finder_entries limit 1$$, '42501', null, 'a moderator cannot insert into finder_entries');
select throws_ok($$update public.finder_entries set organization_name = 'Hacked'$$, '42501', null, 'a moderator cannot update finder_entries');
select throws_ok($$delete from public.finder_entries$$, '42501', null, 'a moderator cannot delete from finder_entries');
select throws_ok($$truncate public.finder_entries$$, '42501', null, 'a moderator cannot truncate finder_entries');
select throws_ok($$update public.finder_region set total = 0$$, '42501', null, 'a moderator cannot rewrite the region''s map points');
select throws_ok($$select word from public.finder_words$$, '42501', null, 'nobody reads the vocabulary through the API');
reset role;
select results_eq($$select total, length(points) from public.finder_region$$, $$values (6, 6 * 9)$$, 'finder_region counts and maps every published entry');

-- Text: accents, case, punctuation and a slip --------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select is(tests.found('{"q": "ecole des devoirs", "sort": "distance"}'), array['Soutien scolaire', 'Permanence sociale'], 'ecole des devoirs: the name hit first, then the description hit');
select is(tests.found('{"q": "ÉCOLE DES DEVOIRS"}'), array['Soutien scolaire', 'Permanence sociale'], 'capitals and accents are ignored');
select is(tests.found('{"q": "chaussee de wavre"}'), array['Soutien scolaire'], 'chaussee de wavre finds the chaussée de Wavre');
select is(tests.found('{"q": "chausee de wavre"}'), array['Soutien scolaire'], 'a slip in a long word is forgiven');
select is(tests.found('{"q": "sint gillis"}'), array['Huiswerk'], 'sint gillis finds Sint-Gillis (hyphen as a space)');
select is(tests.found('{"q": "illis"}'), '{}'::text[], 'a word matches the start of a word, not its middle');
select is(tests.found('{"q": "huiswerk"}'), array['Huiswerk'], 'a Dutch word finds the Dutch description and name');
select is(tests.found('{"q": "wavr"}'), array['Soutien scolaire'], 'a word start matches');

-- Filters -----------------------------------------------------------------------------------------
select is(tests.found('{"support": ["learning_orientation"], "sort": "name"}'), array['Soutien scolaire', 'Huiswerk'], 'a parent support kind finds its kinds');
select is(tests.found('{"support": ["home_visits"], "sort": "name"}'), array['Service A', 'Service A', 'Service B'], 'a child support kind finds only itself');
select is(tests.found('{"target": ["older_people"], "sort": "name"}'), array['Soutien scolaire', 'Huiswerk', 'Service A', 'Service A'], 'a target group finds its services and those for everyone');
select is(tests.found('{"languages": ["ar"], "sort": "name"}'), array['Soutien scolaire', 'Service A', 'Service A'], 'a language filter');
select is(tests.found('{"category": ["local_service_centre"], "sort": "name"}'), array['Permanence sociale', 'Service B'], 'a category filter');
select is(tests.found('{"accepting": true, "quartier": 3, "sort": "name"}'), array['Soutien scolaire', 'Permanence sociale'], 'accepting leaves out full services; quartier keeps mdrc 3');
select is(tests.found('{"wheelchair": true}'), array['Soutien scolaire'], 'wheelchair keeps only services known to be accessible');
select is(tests.found('{"open_schedules": ["Mo-Fr 16:00-18:00"], "sort": "name"}'), array['Soutien scolaire'], 'open now matches the opening-hours texts open at the moment');
select is(tests.found('{"lon": 4.3456, "lat": 50.8276, "radius_m": 600}'), array['Huiswerk', 'Permanence sociale'], 'a radius around a point, nearest first');
select ok(
	(public.finder_search('{"lon": 4.3456, "lat": 50.8276, "radius_m": 600}') -> 'results' -> 0 ->> 'distance_m')::float between 45 and 60,
	'distances are great-circle metres'
);

-- Order and pages ---------------------------------------------------------------------------------
select is(tests.found('{"quartier": 3, "sort": "freshness"}'), array['Permanence sociale', 'Soutien scolaire', 'Huiswerk'], 'freshness: latest confirmation first');
select is(tests.found('{"quartier": 3, "sort": "name"}'), array['Soutien scolaire', 'Huiswerk', 'Permanence sociale'], 'name: by folded organization name (École des Devoirs, Huiswerkklas, Maison), then service name');
select is(tests.found('{"quartier": 3, "sort": "name", "page": 2, "page_size": 2}'), array['Permanence sociale'], 'page 2 of 2 by 2');
select is((public.finder_search('{"page": 2, "page_size": 2}') ->> 'total')::int, 6, 'the total counts every match, whatever the page');
select is(length(public.finder_search('{"page": 2, "page_size": 2}') ->> 'points'), 6 * 9, 'every match is a map point of 9 characters');
select is(length(public.finder_search('{"languages": ["ar"]}') ->> 'points'), 3 * 9, 'a filtered search maps its matches only');
reset role;

-- The explanation ---------------------------------------------------------------------------------
select is(
	public.finder_search('{"lon": 4.3456, "lat": 50.8276, "radius_m": 600, "languages": ["ar"]}') -> 'counts',
	'{"everything": 6,
	  "without": {"radius": 3, "languages": 2},
	  "within": {"500": 0, "1000": 0, "2000": 1, "5000": 3, "10000": 3, "20000": 3}}'::jsonb,
	'an empty search counts, per dropped filter and per wider radius, what it would find'
);
select is(
	public.finder_search('{"lon": 4.3456, "lat": 50.8276, "radius_m": 600, "languages": ["ar"]}') -> 'filters',
	'["radius", "languages"]'::jsonb,
	'the active filters come with the counts'
);
select ok(
	not (public.finder_search('{}') ? 'counts'),
	'a search that finds enough computes no counts'
);

-- The table follows every change ----------------------------------------------------------------
update public.organizations set status = 'paused' where id = 'b0000000-0000-4000-8000-0000000000e3';
select results_eq($$select status from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e3'$$, $$values ('paused')$$, 'a paused entry stays, paused');
update public.organizations set status = 'dormant' where id = 'b0000000-0000-4000-8000-0000000000e3';
select results_eq($$select status from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e3'$$, $$values ('dormant')$$, 'a dormant entry stays, dormant');
select is(tests.found('{"q": "ecole des devoirs", "sort": "name"}'), array['Soutien scolaire', 'Permanence sociale'], 'dormant entries come last');
update public.organizations set status = 'closed' where id = 'b0000000-0000-4000-8000-0000000000e3';
select is_empty($$select 1 from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e3'$$, 'a closed entry leaves');
update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-0000000000e3';
select results_eq($$select count(*)::int from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e3'$$, $$values (1)$$, 'a reopened entry comes back');
update public.organizations set status = 'archived' where id = 'b0000000-0000-4000-8000-0000000000e3';
select is_empty($$select 1 from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e3'$$, 'an archived entry leaves');
update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000b';
select results_eq($$select count(*)::int from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-00000000000b'$$, $$values (1)$$, 'publishing a pending entry adds it');

update public.organizations set name = 'Les Ailes' where id = 'b0000000-0000-4000-8000-0000000000e1';
select is(tests.found('{"q": "ailes"}'), array['Soutien scolaire'], 'a renamed organization is found by its new name');
select is(tests.found('{"q": "apres l ecole"}'), array['Soutien scolaire'], 'and still by its service''s description');
update public.services set languages = '{nl}', wheelchair_accessible = false where id = 'c0000000-0000-4000-8000-0000000000e1';
select results_eq($$select languages, wheelchair_accessible from public.finder_entries where service_id = 'c0000000-0000-4000-8000-0000000000e1'$$, $$values ('{nl}'::text[], false)$$, 'a service edit reaches the entry');
update public.locations set lon = 4.3700, lat = 50.8380 where id = 'd0000000-0000-4000-8000-0000000000e1';
select results_eq($$select lon, lat from public.finder_entries where location_id = 'd0000000-0000-4000-8000-0000000000e1'$$, $$values (4.37::double precision, 50.838::double precision)$$, 'a moved location moves the entry');
update public.quartiers set name_nl = 'Sint-Gillis midden' where mdrc = 3;
select results_eq($$select distinct quartier_name_nl from public.finder_entries where mdrc = 3$$, $$values ('Sint-Gillis midden')$$, 'a renamed quartier reaches its entries');
update public.quartiers set point_lon = 4.3530 where mdrc = 1;
select results_eq($$select lon from public.finder_entries where id = 'e0000000-0000-4000-8000-000000000002'$$, $$values (4.3530::double precision)$$, 'a quartier-only entry follows its quartier''s point');

update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000c' where id = 'b0000000-0000-4000-8000-0000000000e1';
select results_eq($$select trust_tier, vouched_by_name from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e1'$$, $$values ('vouched', 'Org B')$$, 'a vouch names the vouching organization');
update public.organizations set name = 'Org B renamed' where id = 'b0000000-0000-4000-8000-00000000000c';
select results_eq($$select vouched_by_name from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e1'$$, $$values ('Org B renamed')$$, 'renaming the voucher renames it on the entries it vouches for');

delete from public.service_at_location where service_id = 'c0000000-0000-4000-8000-00000000000a' and location_id = 'd0000000-0000-4000-8000-00000000000b';
select results_eq($$select count(*)::int from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (1)$$, 'an unlinked location leaves');
delete from public.services where id = 'c0000000-0000-4000-8000-0000000000e2';
select is_empty($$select 1 from public.finder_entries where service_id = 'c0000000-0000-4000-8000-0000000000e2'$$, 'a deleted service leaves');
delete from public.organizations where id = 'b0000000-0000-4000-8000-0000000000e1';
select is_empty($$select 1 from public.finder_entries where organization_id = 'b0000000-0000-4000-8000-0000000000e1'$$, 'a deleted organization leaves');

select results_eq($$select total from public.finder_region$$, $$values ((select count(*)::int from public.finder_entries))$$, 'finder_region follows the changes');


-- The version: a change to the entries draws a new one, a search does not --------------------------
create temporary table version_seen (at uuid);
grant all on version_seen to anon, authenticated;
insert into version_seen select version from public.finder_region;
do $$ begin perform public.finder_search('{"q": "huiswerk"}'); perform public.finder_schedule_texts(); end $$;
select is((select version from public.finder_region), (select at from version_seen), 'searching leaves the version as it is');
update public.organizations set name = 'Org B, new name' where id = 'b0000000-0000-4000-8000-00000000000b';
select isnt((select version from public.finder_region), (select at from version_seen), 'an edit of a published organization changes the version');
update version_seen set at = (select version from public.finder_region);
update public.organizations set status = 'paused' where id = 'b0000000-0000-4000-8000-00000000000b';
select isnt((select version from public.finder_region), (select at from version_seen), 'pausing an entry changes the version');
update version_seen set at = (select version from public.finder_region);
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select is((select version from public.finder_region), (select at from version_seen), 'anyone reads the version');
select throws_ok($$update public.finder_region set version = gen_random_uuid()$$, '42501', null, 'anon cannot set the version');
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';
select throws_ok($$update public.finder_region set version = gen_random_uuid()$$, '42501', null, 'a moderator cannot set the version');
reset role;

select * from finish();
rollback;
