-- Reference data (geography, indicators, attributions, taxonomy, settings): everyone reads,
-- no API role but the service role writes. Each statement below checks every reference table.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(84);

-- Fixture shared by the test files (supabase/tests/helpers/fixture.sql): users for each role,
-- two org editors with an active and a pending organization each, services, locations (one
-- quartier-only), links and contact channels; rolled back with the test.
select tests.create_fixture();
insert into public.data_attributions (dataset, title, source, licence, attribution) values
	('test_dataset', 'Test', 'Test source', 'CC0 1.0', 'Test attribution')
on conflict do nothing;
insert into public.indicator_sources (indicator, label_en, unit, reference_year, dataset) values
	('test_indicator', 'Test', 'persons', 2019, 'test_dataset')
on conflict do nothing;
insert into public.sectors (cd_sector, name_fr, name_nl, mdrc, nis, pop_2019, point_lon, point_lat) values
	('21004A00-', 'TEST', 'TEST', 1, '21004', 100, 4.3525, 50.8467)
on conflict do nothing;
insert into public.app_settings (key, value) values ('test_flag', 'true') on conflict do nothing;

create temporary table reference_tables (tbl text primary key, probe text not null);
insert into reference_tables values
	('data_attributions', 'dataset'), ('indicator_sources', 'indicator'), ('communes', 'nis'),
	('quartiers', 'mdrc'), ('sectors', 'cd_sector'), ('app_settings', 'key'),
	('categories', 'code'), ('support_kinds', 'code'), ('target_groups', 'code');
grant select on reference_tables to anon, authenticated;

-- anon
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select isnt_empty(format('select 1 from public.%I', tbl), format('anon reads %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('insert into public.%I default values', tbl), '42501', null, format('anon cannot insert into %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('update public.%I set %I = %I', tbl, probe, probe), '42501', null, format('anon cannot update %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('delete from public.%I', tbl), '42501', null, format('anon cannot delete from %s', tbl)) from reference_tables order by tbl;

-- moderator and admin: trusted users still cannot write reference data
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';
select isnt_empty(format('select 1 from public.%I', tbl), format('moderator reads %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('insert into public.%I default values', tbl), '42501', null, format('moderator cannot insert into %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('update public.%I set %I = %I', tbl, probe, probe), '42501', null, format('moderator cannot update %s', tbl)) from reference_tables order by tbl;
select throws_ok(format('delete from public.%I', tbl), '42501', null, format('moderator cannot delete from %s', tbl)) from reference_tables order by tbl;

reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000006", "role": "authenticated"}';
select throws_ok(format('update public.%I set %I = %I', tbl, probe, probe), '42501', null, format('admin cannot update %s through the API', tbl)) from reference_tables order by tbl;

-- the service role (the seed) writes
reset role;
set local role service_role;
set local "request.jwt.claims" to '{"role": "service_role"}';
select lives_ok($$insert into public.app_settings (key, value) values ('demo_data', 'true') on conflict (key) do update set value = excluded.value$$, 'the service role writes app_settings');
select results_eq($$update public.quartiers set pop_2019 = 3384 where mdrc = 1 returning mdrc$$, $$values (1)$$, 'the service role updates quartiers');
select results_eq($$delete from public.sectors where cd_sector = '21004A00-' returning cd_sector$$, $$values ('21004A00-')$$, 'the service role deletes sectors');

select * from finish();
rollback;
