-- Row level security of the directory: organizations, organization_members, services, locations,
-- service_at_location, contact_channels and the resource_index view, acting as anon, a social
-- worker, two org editors, a moderator and a policy analyst; every command allowed and denied.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(115);

-- Fixture shared by the test files (supabase/tests/helpers/fixture.sql): users for each role,
-- two org editors with an active and a pending organization each, services, locations (one
-- quartier-only), links and contact channels; rolled back with the test.
select tests.create_fixture();
-- The user without a role joined Org A by accepting an invitation (60_people_integrity.sql tests
-- that path); owner A manages that membership below.
insert into public.organization_members (organization_id, user_id, member_role)
	values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000007', 'editor');

-- anon ---------------------------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select results_eq($$select name from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values ('Org A')$$, 'anon reads an active organization');
select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b'$$, 'anon cannot read a pending organization');
select throws_ok($$select created_by from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot see which account created an organization');
select throws_ok($$insert into public.organizations (name, description_fr, category) values ('Anon org', 'x', 'self_organisation')$$, '42501', null, 'anon cannot insert an organization');
select throws_ok($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot update an organization');
select throws_ok($$delete from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot delete an organization');
select isnt_empty($$select 1 from public.services where id = 'c0000000-0000-4000-8000-00000000000a'$$, 'anon reads a service of an active organization');
select is_empty($$select 1 from public.services where id = 'c0000000-0000-4000-8000-00000000000b'$$, 'anon cannot read a service of a pending organization');
select throws_ok($$insert into public.services (organization_id, name, support_kinds, languages, schedule_kind) values ('b0000000-0000-4000-8000-00000000000a', 'Anon service', '{home_visits}', '{fr}', 'irregular')$$, '42501', null, 'anon cannot insert a service');
select throws_ok($$update public.services set name = 'Hacked' where id = 'c0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot update a service');
select throws_ok($$delete from public.services where id = 'c0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot delete a service');
select isnt_empty($$select 1 from public.locations where id = 'd0000000-0000-4000-8000-00000000000a'$$, 'anon reads a location of an active organization');
select is_empty($$select 1 from public.locations where id = 'd0000000-0000-4000-8000-00000000000c'$$, 'anon cannot read a location of a pending organization');
select results_eq(
	$$select lon, lat, address from public.locations where id = 'd0000000-0000-4000-8000-00000000000b'$$,
	$$select point_lon, point_lat, null::text from public.quartiers where mdrc = 1$$,
	'anon reads a quartier-only location at the quartier''s representative point, without address'
);
select throws_ok($$insert into public.locations (organization_id, lon, lat, mdrc) values ('b0000000-0000-4000-8000-00000000000a', 4.35, 50.85, 1)$$, '42501', null, 'anon cannot insert a location');
select throws_ok($$update public.locations set name = 'Hacked' where id = 'd0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot update a location');
select throws_ok($$delete from public.locations where id = 'd0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot delete a location');
select isnt_empty($$select 1 from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000001'$$, 'anon reads a service-location link of an active organization');
select is_empty($$select 1 from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000003'$$, 'anon cannot read a service-location link of a pending organization');
select throws_ok($$insert into public.service_at_location (organization_id, service_id, location_id) values ('b0000000-0000-4000-8000-00000000000c', 'c0000000-0000-4000-8000-00000000000c', 'd0000000-0000-4000-8000-00000000000d')$$, '42501', null, 'anon cannot insert a service-location link');
select throws_ok($$delete from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000001'$$, '42501', null, 'anon cannot delete a service-location link');
select results_eq($$select value from public.contact_channels where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values ('+32 2 000 00 01')$$, 'anon reads only the public contact channel of an active organization');
select is_empty($$select 1 from public.contact_channels where id = 'f0000000-0000-4000-8000-000000000003'$$, 'anon cannot read a public contact channel of a pending organization');
select throws_ok($$insert into public.contact_channels (organization_id, kind, value, public) values ('b0000000-0000-4000-8000-00000000000a', 'phone', '+32 2 000 00 09', true)$$, '42501', null, 'anon cannot insert a contact channel');
select throws_ok($$update public.contact_channels set public = true$$, '42501', null, 'anon cannot update contact channels');
select throws_ok($$select 1 from public.organization_members$$, '42501', null, 'anon cannot read organization members');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000007')$$, '42501', null, 'anon cannot insert organization members');
select results_eq(
	$$select id from public.resource_index where organization_id in ('b0000000-0000-4000-8000-00000000000a', 'b0000000-0000-4000-8000-00000000000b') order by id$$,
	$$values ('e0000000-0000-4000-8000-000000000001'::uuid), ('e0000000-0000-4000-8000-000000000002'::uuid)$$,
	'anon finds the published service at both its locations in resource_index, not the pending one'
);
select results_eq(
	$$select lon, lat, address from public.resource_index where id = 'e0000000-0000-4000-8000-000000000002'$$,
	$$select point_lon, point_lat, null::text from public.quartiers where mdrc = 1$$,
	'resource_index shows a quartier-only location at the quartier''s representative point'
);
select results_eq(
	$$select contacts from public.resource_index where id = 'e0000000-0000-4000-8000-000000000001'$$,
	$$values ('[{"kind": "phone", "label": null, "value": "+32 2 000 00 01", "public": true}]'::jsonb)$$,
	'resource_index lists only public contact channels for anon'
);

-- social worker --------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select isnt_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, 'social worker reads an active organization');
select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b'$$, 'social worker cannot read a pending organization');
select throws_ok($$insert into public.organizations (name, description_fr, category, created_by) values ('SW org', 'x', 'self_organisation', 'a0000000-0000-4000-8000-000000000001')$$, '42501', null, 'social worker (not an org editor) cannot register an organization');
select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'social worker cannot update an organization');
select is_empty($$delete from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b' returning 1$$, 'social worker cannot delete an organization');
select results_eq($$select count(*)::int from public.contact_channels where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (2)$$, 'social worker reads public and professional-only channels of an active organization');
select throws_ok($$insert into public.services (organization_id, name, support_kinds, languages, schedule_kind) values ('b0000000-0000-4000-8000-00000000000a', 'SW service', '{home_visits}', '{fr}', 'irregular')$$, '42501', null, 'social worker cannot insert a service');
select is_empty($$update public.services set name = 'Hacked' where id = 'c0000000-0000-4000-8000-00000000000a' returning 1$$, 'social worker cannot update a service');
select is_empty($$update public.locations set name = 'Hacked' where id = 'd0000000-0000-4000-8000-00000000000a' returning 1$$, 'social worker cannot update a location');
select is_empty($$delete from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000001' returning 1$$, 'social worker cannot delete a service-location link');
select throws_ok($$insert into public.contact_channels (organization_id, kind, value) values ('b0000000-0000-4000-8000-00000000000a', 'phone', '+32 2 000 00 09')$$, '42501', null, 'social worker cannot insert a contact channel');
select is_empty($$select 1 from public.organization_members$$, 'social worker reads no memberships');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000001')$$, '42501', null, 'social worker cannot make themself a member');
select results_eq(
	$$select jsonb_array_length(contacts) from public.resource_index where id = 'e0000000-0000-4000-8000-000000000001'$$,
	$$values (2)$$,
	'resource_index lists professional-only channels for a social worker'
);

-- editor A (owner of Org A and Org A pending) -------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select results_eq($$select name from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b'$$, $$values ('Org A pending')$$, 'editor A reads their own pending organization');
select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000d'$$, 'editor A cannot read editor B''s pending organization');
select results_eq($$update public.organizations set alternate_name = 'OA' where id = 'b0000000-0000-4000-8000-00000000000b' returning alternate_name$$, $$values ('OA')$$, 'editor A updates their draft organization');
select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000c' returning 1$$, 'editor A cannot update editor B''s organization');
select throws_ok($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000b'$$, '42501', null, 'editor A cannot publish their pending organization');
select throws_ok($$update public.organizations set trust_tier = 'verified' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot change the trust tier');
select results_eq($$update public.organizations set status = 'paused', paused_until = date '2027-01-31' where id = 'b0000000-0000-4000-8000-00000000000a' returning status$$, $$values ('paused')$$, 'editor A pauses their organization');
select results_eq($$update public.organizations set status = 'active', paused_until = null where id = 'b0000000-0000-4000-8000-00000000000a' returning status, assured_date$$, $$values ('active', (now() at time zone 'Europe/Brussels')::date)$$, 'editor A resumes their organization, which confirms it today');
select lives_ok($$insert into public.organizations (id, name, description_nl, category) values ('b0000000-0000-4000-8000-0000000000a1', 'New org by A', 'Nieuw.', 'self_organisation')$$, 'editor A registers a new organization');
select results_eq($$select status, trust_tier, member_role from public.organizations o join public.organization_members m on m.organization_id = o.id where o.id = 'b0000000-0000-4000-8000-0000000000a1' and m.user_id = 'a0000000-0000-4000-8000-000000000002'$$, $$values ('pending', 'self_declared', 'owner')$$, 'a new organization is pending, self-declared, owned by its creator');
select throws_ok($$insert into public.organizations (name, description_fr, category, status) values ('Self-published', 'x', 'self_organisation', 'active')$$, '42501', null, 'editor A cannot register an organization as active');
select isnt_empty($$select 1 from public.services where id = 'c0000000-0000-4000-8000-00000000000b'$$, 'editor A reads the services of their pending organization');
select lives_ok($$insert into public.services (id, organization_id, name, support_kinds, languages, schedule_kind) values ('c0000000-0000-4000-8000-0000000000a1', 'b0000000-0000-4000-8000-00000000000b', 'New service', '{home_visits}', '{fr,tr}', 'by_appointment')$$, 'editor A adds a service to their organization');
select throws_ok($$insert into public.services (organization_id, name, support_kinds, languages, schedule_kind) values ('b0000000-0000-4000-8000-00000000000b', 'Bad code', '{no_such_kind}', '{fr}', 'irregular')$$, '23503', null, 'a service cannot use an unknown support kind');
select throws_ok($$insert into public.services (organization_id, name, support_kinds, languages, schedule_kind) values ('b0000000-0000-4000-8000-00000000000c', 'Into B', '{home_visits}', '{fr}', 'irregular')$$, '42501', null, 'editor A cannot add a service to editor B''s organization');
select is_empty($$update public.services set name = 'Hacked' where id = 'c0000000-0000-4000-8000-00000000000c' returning 1$$, 'editor A cannot update editor B''s service');
select is_empty($$delete from public.services where id = 'c0000000-0000-4000-8000-00000000000c' returning 1$$, 'editor A cannot delete editor B''s service');
select lives_ok($$insert into public.locations (id, organization_id, name, location_precision, lon, lat, mdrc) values ('d0000000-0000-4000-8000-0000000000a1', 'b0000000-0000-4000-8000-00000000000b', 'New place', 'exact', 4.3521, 50.8466, 1)$$, 'editor A adds a location to their organization');
select throws_ok($$insert into public.locations (organization_id, lon, lat, mdrc) values ('b0000000-0000-4000-8000-00000000000b', 5.10, 50.85, 1)$$, '23514', null, 'a location outside the Brussels bounding box is rejected');
select throws_ok($$insert into public.locations (organization_id, lon, lat, mdrc) values ('b0000000-0000-4000-8000-00000000000c', 4.35, 50.85, 2)$$, '42501', null, 'editor A cannot add a location to editor B''s organization');
select is_empty($$update public.locations set name = 'Hacked' where id = 'd0000000-0000-4000-8000-00000000000d' returning 1$$, 'editor A cannot update editor B''s location');
select lives_ok($$insert into public.service_at_location (organization_id, service_id, location_id) values ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-0000000000a1', 'd0000000-0000-4000-8000-0000000000a1')$$, 'editor A links their service and location');
select throws_ok($$insert into public.service_at_location (organization_id, service_id, location_id) values ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-0000000000a1', 'd0000000-0000-4000-8000-00000000000d')$$, '23503', null, 'a service cannot be linked to another organization''s location');
select results_eq($$select count(*)::int from public.contact_channels where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (2)$$, 'editor A reads the non-public channel of their organization');
select lives_ok($$insert into public.contact_channels (organization_id, kind, value, public) values ('b0000000-0000-4000-8000-00000000000b', 'website', 'https://org-a.invalid', true)$$, 'editor A adds a contact channel');
select throws_ok($$insert into public.contact_channels (organization_id, kind, value) values ('b0000000-0000-4000-8000-00000000000b', 'email', 'not an address')$$, '23514', null, 'a malformed e-mail channel is rejected');
select throws_ok($$insert into public.contact_channels (organization_id, kind, value) values ('b0000000-0000-4000-8000-00000000000c', 'phone', '+32 2 000 00 09')$$, '42501', null, 'editor A cannot add a channel to editor B''s organization');
select is_empty($$update public.contact_channels set value = 'x@y.invalid' where id = 'f0000000-0000-4000-8000-000000000004' returning 1$$, 'editor A cannot update editor B''s channel');
select is_empty($$delete from public.contact_channels where id = 'f0000000-0000-4000-8000-000000000004' returning 1$$, 'editor A cannot delete editor B''s channel');
select isnt_empty($$select 1 from public.organization_members where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, 'editor A reads the members of their organization');
select is_empty($$select 1 from public.organization_members where organization_id = 'b0000000-0000-4000-8000-00000000000c'$$, 'editor A cannot read the members of editor B''s organization');
select throws_ok($$insert into public.organization_members (organization_id, user_id, member_role) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000006', 'editor')$$, '42501', null, 'owner A cannot add a user to their organization without an accepted invitation');
select results_eq($$update public.organization_members set member_role = 'owner' where user_id = 'a0000000-0000-4000-8000-000000000007' returning member_role$$, $$values ('owner')$$, 'owner A changes a member''s role');
select results_eq($$delete from public.organizations where id = 'b0000000-0000-4000-8000-0000000000a1' returning name$$, $$values ('New org by A')$$, 'owner A deletes their never-published registration');
select is_empty($$delete from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'owner A cannot delete a published organization');
select results_eq($$update public.locations set name = 'Renamed place' where id = 'd0000000-0000-4000-8000-0000000000a1' returning name$$, $$values ('Renamed place')$$, 'editor A updates their location');
select results_eq($$update public.service_at_location set location_id = 'd0000000-0000-4000-8000-00000000000c' where service_id = 'c0000000-0000-4000-8000-0000000000a1' returning location_id$$, $$values ('d0000000-0000-4000-8000-00000000000c'::uuid)$$, 'editor A moves their service to another of their locations');
select results_eq($$update public.contact_channels set label = 'Reception' where organization_id = 'b0000000-0000-4000-8000-00000000000b' and kind = 'website' returning label$$, $$values ('Reception')$$, 'editor A updates their contact channel');
select results_eq($$delete from public.contact_channels where organization_id = 'b0000000-0000-4000-8000-00000000000b' and kind = 'website' returning kind$$, $$values ('website')$$, 'editor A deletes their contact channel');
select results_eq($$delete from public.service_at_location where service_id = 'c0000000-0000-4000-8000-0000000000a1' returning service_id$$, $$values ('c0000000-0000-4000-8000-0000000000a1'::uuid)$$, 'editor A unlinks their service');
select results_eq($$delete from public.services where id = 'c0000000-0000-4000-8000-0000000000a1' returning name$$, $$values ('New service')$$, 'editor A deletes their service');
select results_eq($$delete from public.locations where id = 'd0000000-0000-4000-8000-0000000000a1' returning name$$, $$values ('Renamed place')$$, 'editor A deletes their location');
select results_eq($$delete from public.organization_members where organization_id = 'b0000000-0000-4000-8000-00000000000a' and user_id = 'a0000000-0000-4000-8000-000000000007' returning member_role$$, $$values ('owner')$$, 'owner A removes a member');

-- editor B --------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';

select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b'$$, 'editor B cannot read editor A''s pending organization');
select isnt_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000d'$$, 'editor B reads their own pending organization');
select is_empty($$select 1 from public.contact_channels where id = 'f0000000-0000-4000-8000-000000000002'$$, 'editor B cannot read editor A''s non-public channel');
select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'editor B cannot update editor A''s organization');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000003')$$, '42501', null, 'editor B cannot make themself a member of Org A');
select is_empty($$delete from public.organization_members where organization_id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'editor B cannot remove Org A''s members');
select is_empty($$update public.organization_members set member_role = 'editor' where organization_id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'editor B cannot change Org A''s member roles');
select is_empty($$update public.service_at_location set location_id = 'd0000000-0000-4000-8000-00000000000b' where id = 'e0000000-0000-4000-8000-000000000001' returning 1$$, 'editor B cannot relink editor A''s service');
select is_empty($$delete from public.locations where id = 'd0000000-0000-4000-8000-00000000000a' returning 1$$, 'editor B cannot delete editor A''s location');
select throws_ok($$update public.services set accepting_new = 'waitlist' where id = 'c0000000-0000-4000-8000-00000000000c'$$, '42501', null, 'editor B cannot update their published service directly');
select throws_ok($$delete from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000004'$$, '42501', null, 'editor B cannot unlink their published service and location directly');

-- moderator (also a member of Org B, so Org B can vouch) -------------------------------------------------------------------------------------
reset role;
insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000c', 'a0000000-0000-4000-8000-000000000004');
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select results_eq($$select count(*)::int from public.organizations where id in ('b0000000-0000-4000-8000-00000000000b', 'b0000000-0000-4000-8000-00000000000d') and status = 'pending'$$, $$values (2)$$, 'moderator reads every pending organization');
select results_eq($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000b' returning status$$, $$values ('active')$$, 'moderator publishes a pending organization');
select results_eq($$update public.organizations set status = 'rejected' where id = 'b0000000-0000-4000-8000-00000000000d' returning status$$, $$values ('rejected')$$, 'moderator rejects a pending organization');
select throws_ok($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000d'$$, '23514', null, 'a rejected organization cannot go straight to active');
select results_eq($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000c' where id = 'b0000000-0000-4000-8000-00000000000a' returning trust_tier, vouched_at is not null$$, $$values ('vouched', true)$$, 'moderator records that Org B vouches for Org A');
select results_eq($$select vouched_by_organization_name from public.resource_index where id = 'e0000000-0000-4000-8000-000000000001'$$, $$values ('Org B')$$, 'resource_index names the vouching organization');
select throws_ok($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = null, vouched_at = null where id = 'b0000000-0000-4000-8000-00000000000a'$$, '23514', null, 'vouched requires a vouching organization');
select is_empty($$delete from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'moderator cannot delete a published organization (archive instead)');
select results_eq($$update public.services set name = 'Service A (fixed)' where id = 'c0000000-0000-4000-8000-00000000000a' returning name$$, $$values ('Service A (fixed)')$$, 'moderator corrects any service');
select isnt_empty($$select 1 from public.organization_members where organization_id = 'b0000000-0000-4000-8000-00000000000c'$$, 'moderator reads any organization''s members');

-- policy analyst --------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000005", "role": "authenticated"}';

select isnt_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000b'$$, 'policy analyst reads a (now) published organization');
select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000d'$$, 'policy analyst cannot read a rejected organization');
select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'policy analyst cannot update an organization');
select is_empty($$select 1 from public.contact_channels where id = 'f0000000-0000-4000-8000-000000000002'$$, 'policy analyst cannot read a non-public channel');

-- stored data -----------------------------------------------------------------------------------
reset role;
select is_empty(
	$$select 1 from public.locations where lon = 4.3530 and lat = 50.8470$$,
	'the exact point submitted for a quartier-only location is not stored at all'
);
update public.quartiers set point_lon = point_lon + 0.0001, point_lat = point_lat - 0.0001 where mdrc = 1;
select results_eq(
	$$select l.lon, l.lat from public.locations l where l.id = 'd0000000-0000-4000-8000-00000000000b'$$,
	$$select point_lon, point_lat from public.quartiers where mdrc = 1$$,
	'a quartier-only location follows its quartier''s representative point when it moves'
);
select results_eq(
	$$select lon, lat from public.locations where id = 'd0000000-0000-4000-8000-00000000000a'$$,
	$$values (4.3520::float8, 50.8465::float8)$$,
	'an exact location keeps its own point when the quartier''s point moves'
);

select * from finish();
rollback;
