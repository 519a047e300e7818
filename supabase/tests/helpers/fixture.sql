-- Test helpers for the pgTAP files in supabase/tests (not a migration: the database test
-- runner applies this after the migrations, before the test files; nothing here reaches a
-- production database).

create schema if not exists tests;
comment on schema tests is 'Helpers for the pgTAP tests.';

create or replace function tests.create_fixture() returns void
language sql
as $fixture$
insert into auth.users (id, email, raw_user_meta_data) values
	('a0000000-0000-4000-8000-000000000001', 'social.worker@test.invalid', '{"display_name": "Social worker"}'),
	('a0000000-0000-4000-8000-000000000002', 'editor.a@test.invalid', '{"display_name": "Editor A"}'),
	('a0000000-0000-4000-8000-000000000003', 'editor.b@test.invalid', '{"display_name": "Editor B"}'),
	('a0000000-0000-4000-8000-000000000004', 'moderator@test.invalid', '{"display_name": "Moderator"}'),
	('a0000000-0000-4000-8000-000000000005', 'analyst@test.invalid', '{"display_name": "Analyst"}'),
	('a0000000-0000-4000-8000-000000000006', 'admin@test.invalid', '{"display_name": "Admin"}'),
	('a0000000-0000-4000-8000-000000000007', 'no.role@test.invalid', '{"display_name": "No role", "roles": ["admin"]}');
update public.profiles set roles = '{social_worker}' where id = 'a0000000-0000-4000-8000-000000000001';
update public.profiles set roles = '{org_editor}' where id = 'a0000000-0000-4000-8000-000000000002';
update public.profiles set roles = '{org_editor}' where id = 'a0000000-0000-4000-8000-000000000003';
update public.profiles set roles = '{moderator}' where id = 'a0000000-0000-4000-8000-000000000004';
update public.profiles set roles = '{policy_analyst}' where id = 'a0000000-0000-4000-8000-000000000005';
update public.profiles set roles = '{admin}' where id = 'a0000000-0000-4000-8000-000000000006';

insert into public.communes (nis, name_fr, name_nl, name_de, geometry) values
	('21004', 'Bruxelles', 'Brussel', 'Brüssel', '{"type": "Polygon", "coordinates": []}')
on conflict do nothing;
insert into public.quartiers (mdrc, name_fr, name_nl, type, nis_main, geometry, area_m2, point_lon, point_lat) values
	(1, 'Grand Place', 'GROTE MARKT', 'residential', '21004', '{"type": "Polygon", "coordinates": []}', 386593, 4.3525, 50.8467),
	(2, 'Dansaert', 'DANSAERT', 'residential', '21004', '{"type": "Polygon", "coordinates": []}', 500000, 4.3460, 50.8510)
on conflict do nothing;
insert into public.categories (code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('self_organisation', 10, 'Auto-organisation', 'Zelforganisatie', 'Self-organisation', 'd.', 'd.', 'd.'),
	('local_service_centre', 30, 'Centre de services local', 'Lokaal dienstencentrum', 'Local service centre', 'd.', 'd.', 'd.')
on conflict do nothing;
insert into public.support_kinds (code, parent_code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('social_contact', null, 100, 'Contact', 'Contact', 'Contact', 'd.', 'd.', 'd.')
on conflict do nothing;
insert into public.support_kinds (code, parent_code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('home_visits', 'social_contact', 120, 'Visites', 'Huisbezoek', 'Home visits', 'd.', 'd.', 'd.')
on conflict do nothing;
insert into public.target_groups (code, sort_order, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en) values
	('older_people', 20, 'Seniors', 'Ouderen', 'Older people', 'd.', 'd.', 'd.')
on conflict do nothing;

insert into public.organizations (id, name, description_fr, category, status, assured_date, created_by) values
	('b0000000-0000-4000-8000-00000000000a', 'Org A', 'Active, editor A.', 'self_organisation', 'pending', null, 'a0000000-0000-4000-8000-000000000002'),
	('b0000000-0000-4000-8000-00000000000b', 'Org A pending', 'Pending, editor A.', 'self_organisation', 'pending', null, 'a0000000-0000-4000-8000-000000000002'),
	('b0000000-0000-4000-8000-00000000000c', 'Org B', 'Active, editor B.', 'local_service_centre', 'pending', null, 'a0000000-0000-4000-8000-000000000003'),
	('b0000000-0000-4000-8000-00000000000d', 'Org B pending', 'Pending, editor B.', 'local_service_centre', 'pending', null, 'a0000000-0000-4000-8000-000000000003');
update public.organizations set status = 'active'
	where id in ('b0000000-0000-4000-8000-00000000000a', 'b0000000-0000-4000-8000-00000000000c');

insert into public.services (id, organization_id, name, support_kinds, target_groups, languages, schedules) values
	('c0000000-0000-4000-8000-00000000000a', 'b0000000-0000-4000-8000-00000000000a', 'Service A', '{home_visits}', '{older_people}', '{fr,ar}', 'Mo-Fr 09:00-12:00'),
	('c0000000-0000-4000-8000-00000000000b', 'b0000000-0000-4000-8000-00000000000b', 'Service A pending', '{social_contact}', '{}', '{nl}', 'Tu 14:00-16:00'),
	('c0000000-0000-4000-8000-00000000000c', 'b0000000-0000-4000-8000-00000000000c', 'Service B', '{home_visits}', '{}', '{fr,nl}', 'We 10:00-12:00');
insert into public.locations (id, organization_id, name, address, location_precision, lon, lat, mdrc) values
	('d0000000-0000-4000-8000-00000000000a', 'b0000000-0000-4000-8000-00000000000a', 'Hall A', 'Rue Fictive 1', 'exact', 4.3520, 50.8465, 1),
	('d0000000-0000-4000-8000-00000000000b', 'b0000000-0000-4000-8000-00000000000a', 'At a member''s home', null, 'quartier', 4.3530, 50.8470, 1),
	('d0000000-0000-4000-8000-00000000000c', 'b0000000-0000-4000-8000-00000000000b', 'Hall A pending', 'Rue Fictive 2', 'exact', 4.3465, 50.8512, 2),
	('d0000000-0000-4000-8000-00000000000d', 'b0000000-0000-4000-8000-00000000000c', 'Hall B', 'Rue Fictive 3', 'street', 4.3461, 50.8511, 2);
insert into public.service_at_location (id, organization_id, service_id, location_id) values
	('e0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000a'),
	('e0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000b'),
	('e0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 'd0000000-0000-4000-8000-00000000000c'),
	('e0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-00000000000c', 'c0000000-0000-4000-8000-00000000000c', 'd0000000-0000-4000-8000-00000000000d');
insert into public.contact_channels (id, organization_id, kind, value, public) values
	('f0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000a', 'phone', '+32 2 000 00 01', true),
	('f0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-00000000000a', 'phone', '+32 470 00 00 02', false),
	('f0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-00000000000b', 'email', 'pending@org-a.invalid', true),
	('f0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-00000000000c', 'email', 'hello@org-b.invalid', true);
$fixture$;
comment on function tests.create_fixture() is
	'The shared fixture of the pgTAP files: users for each role (social worker, two org editors, moderator, policy analyst, admin, and one whose sign-up metadata claims a role), two org editors with an active and a pending organization each, services, locations (one quartier-only), links and contact channels. Reference rows use real codes and are kept when the database is already seeded. Call it inside each test''s transaction.';
