-- Imports with provenance, acting as each role: only moderators (and trusted callers such as the
-- seed) import; provenance is readable with its entry and written only by the import functions;
-- an imported entry is published but not confirmed; a re-import is idempotent, follows the source
-- where nobody edited locally and turns a conflict with a local edit into a change request; a row
-- that fails leaves nothing behind and is reported.
begin;
set local search_path to "$user", public, extensions;
select plan(46);

select tests.create_fixture();

create temporary table entries (label text primary key, entry jsonb) on commit drop;
grant select on entries to anon, authenticated, service_role;
insert into entries values
	('osm source', '{"name": "OpenStreetMap", "url": "https://www.openstreetmap.org/", "licence": "ODbL-1.0", "attribution": "© OpenStreetMap contributors", "retrieved_on": "2026-05-16"}'),
	('hall', '{"external_id": "community_centre/hall", "organization": {"name": "Imported hall", "category": "self_organisation", "description_fr": "Une salle."}, "service": {"support_kinds": ["social_contact"], "languages": ["fr", "nl"], "schedule_kind": "irregular"}, "location": {"lon": 4.3521, "lat": 50.8466, "mdrc": 1, "address": "Rue Fictive 9"}, "channels": [{"kind": "website", "value": "https://hall.invalid"}]}'),
	('hall renamed', '{"external_id": "community_centre/hall", "organization": {"name": "Imported hall, renamed at the source", "category": "self_organisation", "description_fr": "Une salle."}, "service": {"support_kinds": ["social_contact"], "languages": ["fr", "nl"], "schedule_kind": "hours", "schedules": "Mo 10:00-12:00"}, "location": {"lon": 4.3521, "lat": 50.8466, "mdrc": 1, "address": "Rue Fictive 9"}}'),
	('bad category', '{"external_id": "x/bad", "organization": {"name": "Bad category", "category": "no_such_category", "description_fr": "x"}, "service": {"support_kinds": ["social_contact"], "languages": ["fr"], "schedule_kind": "irregular"}, "location": {"lon": 4.3521, "lat": 50.8466, "mdrc": 1}}');

-- anon: 1 allowed, 5 denied -------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select throws_ok($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall'))$$, '42501', null, 'anon cannot import an entry');
select throws_ok($$select public.create_import_job('{"name": "x", "licence": "CC0"}', 'csv', '[]', '[]')$$, '42501', null, 'anon cannot create an import job');
select throws_ok($$select public.run_import_batch(gen_random_uuid(), 10)$$, '42501', null, 'anon cannot run an import batch');
select throws_ok($$select public.append_import_job(gen_random_uuid(), '[]', '[]')$$, '42501', null, 'anon cannot add rows to an import job');
select throws_ok($$select * from public.import_jobs$$, '42501', null, 'anon cannot read import jobs');
select throws_ok($$insert into public.organization_sources (organization_id, source_name, licence, external_id, retrieved_on, imported_values) values ('b0000000-0000-4000-8000-00000000000a', 'Fake', 'CC0', 'x', current_date, '{}')$$, '42501', null, 'anon cannot write provenance');
select lives_ok($$select * from public.organization_sources$$, 'anon reads provenance');

-- social worker: 1 allowed, 4 denied -----------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select throws_ok($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall'))$$, '42501', null, 'social worker cannot import an entry');
select throws_ok($$select public.create_import_job('{"name": "x", "licence": "CC0"}', 'csv', '[]', '[]')$$, '42501', null, 'social worker cannot create an import job');
select throws_ok($$select public.run_import_batch(gen_random_uuid(), 10)$$, '42501', null, 'social worker cannot run an import batch');
select throws_ok($$insert into public.organization_sources (organization_id, source_name, licence, external_id, retrieved_on, imported_values) values ('b0000000-0000-4000-8000-00000000000a', 'Fake', 'CC0', 'x', current_date, '{}')$$, '42501', null, 'social worker cannot write provenance');
select is_empty($$select * from public.import_jobs$$, 'social worker sees no import job');

-- org editor A: 0 allowed, 5 denied ------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select throws_ok($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall'))$$, '42501', null, 'org editor cannot import an entry');
select throws_ok($$select public.create_import_job('{"name": "x", "licence": "CC0"}', 'csv', '[]', '[]')$$, '42501', null, 'org editor cannot create an import job');
select throws_ok($$select public.start_import_job(gen_random_uuid())$$, '42501', null, 'org editor cannot start an import job');
select throws_ok($$select public.append_import_job(gen_random_uuid(), '[]', '[]')$$, '42501', null, 'org editor cannot add rows to an import job');
select throws_ok($$select public.run_import_batch(gen_random_uuid(), 10)$$, '42501', null, 'org editor cannot run an import batch');
select throws_ok($$insert into public.organization_sources (organization_id, source_name, licence, external_id, retrieved_on, imported_values) values ('b0000000-0000-4000-8000-00000000000a', 'Fake', 'CC0', 'x', current_date, '{}')$$, '42501', null, 'org editor cannot claim provenance for their entry');

-- admin (not a moderator): 1 allowed, 2 denied -------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000006", "role": "authenticated"}';

select throws_ok($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall'))$$, '42501', null, 'admin without the moderator role cannot import');
select throws_ok($$select public.create_import_job('{"name": "x", "licence": "CC0"}', 'csv', '[]', '[]')$$, '42501', null, 'admin without the moderator role cannot create an import job');
select lives_ok($$select * from public.import_jobs$$, 'admin reads import jobs');

-- moderator: the import path -------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select throws_ok($$insert into public.organization_sources (organization_id, source_name, licence, external_id, retrieved_on, imported_values) values ('b0000000-0000-4000-8000-00000000000a', 'Fake', 'CC0', 'x', current_date, '{}')$$, '42501', null, 'moderator cannot write provenance directly either');
select throws_ok($$select public.create_import_job('{"name": "x"}', 'csv', '[]', '[]')$$, '22023', null, 'an import job needs a source name and licence');

create temporary table job (id uuid) on commit drop;
insert into job select public.create_import_job(
	(select entry from entries where label = 'osm source'), 'geojson',
	jsonb_build_array((select entry from entries where label = 'hall'), (select entry from entries where label = 'bad category')),
	'[]');
select results_eq($$select public.append_import_job((select id from job), '[]', '[]')$$, $$values (2)$$, 'moderator adds a (here empty) part to the draft job');
select results_eq($$select status, done, total from public.import_jobs where id = (select id from job)$$, $$values ('draft', 0, 2)$$, 'moderator created a draft job of 2 rows');
select results_eq($$select public.run_import_batch((select id from job), 10) ->> 'done'$$, $$values ('0')$$, 'a draft job imports nothing before it is confirmed');
select lives_ok($$select public.start_import_job((select id from job))$$, 'moderator confirms the job');
select results_eq($$select public.run_import_batch((select id from job), 1)$$, $$values ('{"done": 1, "total": 2, "failed": 0, "status": "running"}'::jsonb)$$, 'the first batch imports one row');
select results_eq($$select public.run_import_batch((select id from job), 10)$$, $$values ('{"done": 2, "total": 2, "failed": 1, "status": "done"}'::jsonb)$$, 'the second batch finishes and reports the failed row');
select results_eq($$select outcomes -> 1 ->> 'outcome', outcomes -> 1 ->> 'code' from public.import_jobs where id = (select id from job)$$, $$values ('failed', '23503')$$, 'the failed row carries its reason');
select is_empty($$select 1 from public.organizations where name = 'Bad category'$$, 'the failed row left nothing behind');
select results_eq($$select public.run_import_batch((select id from job), 10) ->> 'done'$$, $$values ('2')$$, 'running a finished job again changes nothing');
select throws_ok($$select public.append_import_job((select id from job), '[{}]', '[]')$$, '22023', null, 'a confirmed job takes no more rows');

select results_eq($$select o.status, o.trust_tier, o.assured_date, o.created_by from public.organizations o join public.organization_sources s on s.organization_id = o.id where s.external_id = 'community_centre/hall'$$, $$values ('active'::text, 'self_declared'::text, null::date, null::uuid)$$, 'the imported entry is published, self-declared, not confirmed and owned by nobody');
select results_eq($$select source_name, licence, attribution, retrieved_on, import_job_id from public.organization_sources where external_id = 'community_centre/hall'$$, $$select 'OpenStreetMap'::text, 'ODbL-1.0'::text, '© OpenStreetMap contributors'::text, date '2026-05-16', (select id from job)$$, 'the entry keeps its provenance');
select results_eq($$select count(*)::integer from public.resource_index where organization_name = 'Imported hall'$$, $$values (1)$$, 'the imported entry is in the directory');
select is_empty($$select 1 from public.organization_members m join public.organization_sources s on s.organization_id = m.organization_id where s.external_id = 'community_centre/hall'$$, 'the importing moderator did not become a member');

select results_eq($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall')) ->> 'outcome'$$, $$values ('unchanged')$$, 'importing the same entry again is a no-op');
select results_eq($$select count(*)::integer from public.organization_sources where external_id = 'community_centre/hall'$$, $$values (1)$$, 'and creates no second entry');

-- A local edit (a moderator outside the organization edits directly), then the source changes.
update public.organizations set name = 'Hall, as edited here'
	where id = (select organization_id from public.organization_sources where external_id = 'community_centre/hall');
select results_eq($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall renamed')) ->> 'outcome'$$, $$values ('change_request')$$, 'a source change that meets a local edit becomes a change request');
select results_eq($$select o.name from public.organizations o join public.organization_sources s on s.organization_id = o.id where s.external_id = 'community_centre/hall'$$, $$values ('Hall, as edited here')$$, 'the local edit is not overwritten');
select results_eq($$select s.schedules, s.schedule_kind from public.services s join public.organization_sources p on p.organization_id = s.organization_id where p.external_id = 'community_centre/hall'$$, $$values ('Mo 10:00-12:00', 'hours')$$, 'fields nobody edited locally follow the source');
select results_eq($$select cr.changes, cr.status from public.change_requests cr join public.organization_sources p on p.organization_id = cr.organization_id where p.external_id = 'community_centre/hall'$$, $$values ('{"organization": {"name": "Imported hall, renamed at the source"}}'::jsonb, 'pending'::text)$$, 'the change request proposes the source''s name');
select results_eq($$select public.import_entry((select entry from entries where label = 'osm source'), (select entry from entries where label = 'hall renamed')) ->> 'outcome'$$, $$values ('unchanged')$$, 'the same re-import again adds no second change request');

-- service role (the seed) imports too ---------------------------------------------------------
reset role;
set local role service_role;
set local "request.jwt.claims" to '{"role": "service_role"}';
select results_eq($$select public.import_entry((select entry from entries where label = 'osm source'), jsonb_set((select entry from entries where label = 'hall'), '{external_id}', '"community_centre/other"')) ->> 'outcome'$$, $$values ('created')$$, 'the service role imports an entry');

-- anon reads the provenance of the published import -------------------------------------------
reset role;
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select results_eq($$select count(*)::integer from public.organization_sources where source_name = 'OpenStreetMap'$$, $$values (2)$$, 'anon reads the provenance of published imports');

select * from finish();
rollback;
