-- Content and trust integrity, acting as each role: a published, unverified entry changes only
-- through a change request a moderator (outside the organization) applies as submitted;
-- assured_date only through a liveness answer or confirm_organization_active, and a liveness
-- link answers once; verified is for admins, a vouch names the moderator's own organization,
-- nobody publishes, vouches for or verifies their own organization; registration is atomic.
-- For each rule the sanctioned path works and the direct path is refused.
begin;
set local search_path to "$user", public, extensions;
select plan(85);

select tests.create_fixture();
-- The moderator is also a member of Org B and of Org B pending (the moderator-member cases);
-- the admin is a moderator too (the app verifies from the moderation page).
insert into public.organization_members (organization_id, user_id) values
	('b0000000-0000-4000-8000-00000000000c', 'a0000000-0000-4000-8000-000000000004'),
	('b0000000-0000-4000-8000-00000000000d', 'a0000000-0000-4000-8000-000000000004');
update public.profiles set roles = '{admin,moderator}' where id = 'a0000000-0000-4000-8000-000000000006';
update public.organizations set assured_date = date '2020-01-01' where id = 'b0000000-0000-4000-8000-00000000000a';
insert into nabij_private.liveness_checks (organization_id, nonce_hash, expires_at) values
	('b0000000-0000-4000-8000-00000000000a', nabij_private.hash_text('nonce-a'), now() + interval '1 day');

-- anon (and the owner, for the stored answer): 2 allowed, 7 denied --------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select throws_ok($$update public.organizations set assured_date = date '2099-01-01' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'anon cannot set assured_date');
select throws_ok($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000a')$$, '42501', null, 'anon cannot confirm an entry');
select throws_ok($$select public.register_organization('{}', '{}', '{}', '[]')$$, '42501', null, 'anon cannot register an organization');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', true)$$, '42501', null, 'anon cannot decide on a change request');
select results_eq($$select public.liveness_answer('nonce-a', 'active', null)$$, $$values ('active')$$, 'anon answers a liveness link: the entry is confirmed');
select throws_ok($$select public.liveness_answer('nonce-a', 'stopped', null)$$, '22023', null, 'a liveness link answers only once');
select throws_ok($$update nabij_private.liveness_checks set answer = null, answered_at = null$$, '42501', null, 'anon cannot reopen a liveness check');

reset role;
select results_eq($$select status, assured_date from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values ('active', (now() at time zone 'Europe/Brussels')::date)$$, 'the first liveness answer confirmed the entry, the second changed nothing');
select throws_ok($$update nabij_private.liveness_checks set answer = 'stopped' where nonce_hash = nabij_private.hash_text('nonce-a')$$, '22023', null, 'an answered liveness check is never changed, even by its owner');
update public.organizations set assured_date = date '2020-01-01' where id = 'b0000000-0000-4000-8000-00000000000a';

-- social worker: 0 allowed, 5 denied ---------------------------------------------------------
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'social worker cannot rename an entry');
select throws_ok($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000a')$$, '42501', null, 'social worker cannot confirm an entry they do not belong to');
select throws_ok($$select public.register_organization('{"name": "SW group", "category": "self_organisation", "description_fr": "x"}', '{"support_kinds": ["social_contact"], "languages": ["fr"], "schedule_kind": "irregular"}', '{"mdrc": 1, "lon": 4.35, "lat": 50.85}', '[]')$$, '42501', null, 'social worker (not an org editor) cannot register');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', true)$$, '42501', null, 'social worker cannot decide on a change request');
select throws_ok($$select public.withdraw_change_request('80000000-0000-4000-8000-000000000001')$$, '42501', null, 'social worker cannot withdraw a change request');

-- org editor A, member of Org A (published) and Org A pending: 12 allowed, 23 denied -----------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select throws_ok($$update public.organizations set name = 'Org A renamed directly' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot rename their published entry directly');
select throws_ok($$update public.organizations set description_fr = 'Autre.' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot change their published description directly');
select throws_ok($$insert into public.contact_channels (organization_id, kind, value, public) values ('b0000000-0000-4000-8000-00000000000a', 'website', 'https://example.invalid', true)$$, '42501', null, 'editor A cannot add a public website to their published entry');
select throws_ok($$update public.contact_channels set public = true where id = 'f0000000-0000-4000-8000-000000000002'$$, '42501', null, 'editor A cannot make a channel of their published entry public');
select throws_ok($$delete from public.contact_channels where id = 'f0000000-0000-4000-8000-000000000001'$$, '42501', null, 'editor A cannot delete a channel of their published entry');
select throws_ok($$insert into public.services (organization_id, name, support_kinds, languages, schedule_kind) values ('b0000000-0000-4000-8000-00000000000a', 'Extra', '{home_visits}', '{fr}', 'irregular')$$, '42501', null, 'editor A cannot add a service to their published entry');
select throws_ok($$update public.services set name = 'Renamed' where id = 'c0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot change a service of their published entry');
select throws_ok($$delete from public.services where id = 'c0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot delete a service of their published entry');
select throws_ok($$insert into public.locations (organization_id, lon, lat, mdrc) values ('b0000000-0000-4000-8000-00000000000a', 4.35, 50.85, 1)$$, '42501', null, 'editor A cannot add a location to their published entry');
select throws_ok($$update public.locations set address = 'Rue Autre 2' where id = 'd0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot move a location of their published entry');
select throws_ok($$delete from public.service_at_location where id = 'e0000000-0000-4000-8000-000000000001'$$, '42501', null, 'editor A cannot unlink a service of their published entry');
select throws_ok($$update public.organizations set assured_date = date '2099-01-01' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot set assured_date on their published entry');
select throws_ok($$update public.organizations set assured_date = current_date where id = 'b0000000-0000-4000-8000-00000000000b'$$, '42501', null, 'editor A cannot set assured_date on their draft either');
select throws_ok($$insert into public.organizations (name, description_fr, category, assured_date) values ('Pre-dated', 'x', 'self_organisation', date '2099-01-01')$$, '42501', null, 'editor A cannot register an entry with a confirmation date');
select throws_ok($$insert into public.change_requests (organization_id, changes) values ('b0000000-0000-4000-8000-00000000000a', '{"service": {"id": "c0000000-0000-4000-8000-00000000000c", "accepting_new": "full"}}')$$, '23514', null, 'a change request cannot carry a row id');
select throws_ok($$insert into public.change_requests (organization_id, changes) values ('b0000000-0000-4000-8000-00000000000a', '{"organization": {"trust_tier": "verified"}}')$$, '23514', null, 'a change request cannot change the trust tier');
select throws_ok($$insert into public.change_requests (organization_id, service_id, changes) values ('b0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000c', '{"service": {"accepting_new": "full"}}')$$, '23503', null, 'a change request cannot point at another organization''s service');

select lives_ok($$insert into public.change_requests (id, organization_id, service_id, changes) values ('80000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', '{"organization": {"name": "Org A renamed"}, "service": {"accepting_new": "full"}}')$$, 'editor A proposes a change to their published entry');
select throws_ok($$update public.change_requests set changes = '{"organization": {"name": "Swapped after review"}}' where id = '80000000-0000-4000-8000-000000000001'$$, '42501', null, 'editor A cannot edit a submitted change request');
select lives_ok($$insert into public.change_requests (id, organization_id, changes) values ('80000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-00000000000a', '{"organization": {"description_fr": "Plus tard."}}')$$, 'editor A proposes a second change');
select lives_ok($$select public.withdraw_change_request('80000000-0000-4000-8000-000000000002')$$, 'editor A withdraws their pending change request');
select results_eq($$select status from public.change_requests where id = '80000000-0000-4000-8000-000000000002'$$, $$values ('withdrawn')$$, 'the withdrawn request is withdrawn');
select throws_ok($$select public.withdraw_change_request('80000000-0000-4000-8000-000000000002')$$, '22023', null, 'a request is withdrawn once');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', true)$$, '42501', null, 'editor A cannot apply their own change request');
select results_eq($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000a')$$, $$values ((now() at time zone 'Europe/Brussels')::date)$$, 'editor A confirms their entry is still active');
select results_eq($$select assured_date from public.organizations where id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values ((now() at time zone 'Europe/Brussels')::date)$$, 'confirming sets today in Brussels, nothing else');
select throws_ok($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000b')$$, '22023', null, 'a draft is not confirmed');
select results_eq($$update public.organizations set name = 'Org A draft renamed' where id = 'b0000000-0000-4000-8000-00000000000b' returning name$$, $$values ('Org A draft renamed')$$, 'editor A renames their draft directly');
select lives_ok($$insert into public.contact_channels (organization_id, kind, value, public) values ('b0000000-0000-4000-8000-00000000000b', 'email', 'draft@org-a.invalid', true)$$, 'editor A adds a channel to their draft');
select results_eq($$update public.services set accepting_new = 'waitlist' where id = 'c0000000-0000-4000-8000-00000000000b' returning accepting_new$$, $$values ('waitlist')$$, 'editor A changes the service of their draft');
select results_eq($$update public.organizations set status = 'paused', paused_until = current_date + 30 where id = 'b0000000-0000-4000-8000-00000000000a' returning status$$, $$values ('paused')$$, 'editor A still pauses their published entry');
select lives_ok($$select public.register_organization('{"name": "Atomic group", "category": "self_organisation", "description_fr": "Un groupe."}', '{"support_kinds": ["social_contact"], "languages": ["fr"], "schedule_kind": "irregular"}', '{"location_precision": "quartier", "lon": 4.40, "lat": 50.80, "mdrc": 1}', '[{"kind": "phone", "value": "+32 2 000 00 05", "public": true}, {"kind": "relay", "value": "Ask at the bakery", "public": false}]')$$, 'editor A registers a whole entry in one call');
select results_eq($$select o.status, o.trust_tier, m.member_role, (select count(*)::int from public.service_at_location l where l.organization_id = o.id), (select count(*)::int from public.contact_channels c where c.organization_id = o.id) from public.organizations o join public.organization_members m on m.organization_id = o.id and m.user_id = 'a0000000-0000-4000-8000-000000000002' where o.name = 'Atomic group'$$, $$values ('pending', 'self_declared', 'owner', 1, 2)$$, 'the registration is pending, self-declared, owned, with its service, location and channels');
select throws_ok($$select public.register_organization('{"name": "Atomic fail", "category": "self_organisation", "description_fr": "Un groupe."}', '{"support_kinds": ["social_contact"], "languages": ["fr"], "schedule_kind": "irregular"}', '{"location_precision": "quartier", "lon": 4.40, "lat": 50.80, "mdrc": 1}', '[{"kind": "email", "value": "not an address", "public": true}]')$$, '23514', null, 'a registration with a bad channel is refused');
select is_empty($$select 1 from public.organizations where name = 'Atomic fail'$$, 'a refused registration leaves nothing behind');

-- org editor B, not a member of Org A; member of Org B: 2 allowed, 4 denied --------------------
reset role;
update public.organizations set trust_tier = 'verified' where id = 'b0000000-0000-4000-8000-00000000000c';
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';

select is_empty($$update public.organizations set name = 'Hacked' where id = 'b0000000-0000-4000-8000-00000000000a' returning 1$$, 'editor B cannot rename Org A');
select throws_ok($$select public.withdraw_change_request('80000000-0000-4000-8000-000000000001')$$, '42501', null, 'editor B cannot withdraw editor A''s request');
select throws_ok($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000a')$$, '42501', null, 'editor B cannot confirm Org A');
select throws_ok($$insert into public.change_requests (organization_id, changes) values ('b0000000-0000-4000-8000-00000000000a', '{"organization": {"name": "Mine now"}}')$$, '42501', null, 'editor B cannot propose changes to Org A');
select results_eq($$update public.services set accepting_new = 'full' where id = 'c0000000-0000-4000-8000-00000000000c' returning accepting_new$$, $$values ('full')$$, 'editor B edits their verified entry directly');
select lives_ok($$insert into public.change_requests (id, organization_id, changes) values ('80000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-00000000000c', '{"organization": {"description_nl": "Nieuw."}}')$$, 'editor B proposes a change to Org B');
reset role;
update public.organizations set trust_tier = 'self_declared' where id = 'b0000000-0000-4000-8000-00000000000c';

-- moderator, not a member of Org A: 6 allowed, 7 denied ---------------------------------------
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select lives_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', true)$$, 'moderator applies editor A''s change request');
select results_eq($$select o.name, s.accepting_new from public.organizations o join public.services s on s.organization_id = o.id where o.id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values ('Org A renamed', 'full')$$, 'the change was applied to Org A and its service, as submitted');
select results_eq($$select accepting_new from public.services where id = 'c0000000-0000-4000-8000-00000000000c'$$, $$values ('full')$$, 'another organization''s service is untouched');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', false)$$, '22023', null, 'a decided change request is not decided again');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000002', true)$$, '22023', null, 'a withdrawn change request is not applied');
select throws_ok($$update public.organizations set trust_tier = 'verified' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'a moderator who is not an admin cannot verify');
select throws_ok($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000b' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'a moderator cannot vouch in the name of an organization they do not belong to');
select results_eq($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000c' where id = 'b0000000-0000-4000-8000-00000000000a' returning trust_tier$$, $$values ('vouched')$$, 'a moderator vouches in the name of their own organization');
select throws_ok($$insert into public.organizations (name, description_fr, category, status) values ('Published at once', 'x', 'self_organisation', 'active')$$, '42501', null, 'a moderator cannot insert an organization as published');
select throws_ok($$update public.organizations set assured_date = date '2099-01-01' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'a moderator cannot set assured_date');
select throws_ok($$select public.confirm_organization_active('b0000000-0000-4000-8000-00000000000a')$$, '42501', null, 'a moderator cannot confirm an entry they do not belong to');
select results_eq($$update public.services set schedules = 'Mo-Fr 09:00-13:00' where id = 'c0000000-0000-4000-8000-00000000000a' returning schedules$$, $$values ('Mo-Fr 09:00-13:00')$$, 'a moderator corrects a published entry they do not belong to');
select results_eq($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000b' returning status$$, $$values ('active')$$, 'a moderator publishes an entry they do not belong to');

-- moderator, member of Org B and Org B pending: 2 allowed, 7 denied ----------------------------
select throws_ok($$update public.organizations set name = 'Org B by its moderator' where id = 'b0000000-0000-4000-8000-00000000000c'$$, '42501', null, 'a moderator-member cannot rename their published entry directly');
select throws_ok($$update public.services set name = 'Service B renamed' where id = 'c0000000-0000-4000-8000-00000000000c'$$, '42501', null, 'a moderator-member cannot change their published service directly');
select throws_ok($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000d'$$, '42501', null, 'a moderator-member cannot publish their own entry');
select throws_ok($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000c' where id = 'b0000000-0000-4000-8000-00000000000d'$$, '42501', null, 'a moderator-member cannot vouch for their own entry');
select throws_ok($$update public.organizations set trust_tier = 'vouched', vouched_by_organization_id = 'b0000000-0000-4000-8000-00000000000a' where id = 'b0000000-0000-4000-8000-00000000000c'$$, '42501', null, 'a moderator-member cannot have their entry vouched for');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000003', true)$$, '42501', null, 'a moderator-member cannot apply a change request to their own entry');
select throws_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000003', false)$$, '42501', null, 'a moderator-member cannot reject a change request to their own entry');
select lives_ok($$insert into public.change_requests (organization_id, changes) values ('b0000000-0000-4000-8000-00000000000c', '{"organization": {"name": "Org B renamed"}}')$$, 'a moderator-member proposes a change to their entry');
select results_eq($$update public.organizations set description_fr = 'Brouillon revu.' where id = 'b0000000-0000-4000-8000-00000000000d' returning description_fr$$, $$values ('Brouillon revu.')$$, 'a moderator-member edits their own draft');

-- admin (also a moderator): 2 allowed, 3 denied -------------------------------------------------
reset role;
insert into public.organization_members (organization_id, user_id) values
	('b0000000-0000-4000-8000-00000000000b', 'a0000000-0000-4000-8000-000000000006');
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000006", "role": "authenticated"}';

select results_eq($$update public.organizations set trust_tier = 'verified', vouched_by_organization_id = null where id = 'b0000000-0000-4000-8000-00000000000a' returning trust_tier$$, $$values ('verified')$$, 'an admin verifies an organization');
select throws_ok($$update public.organizations set trust_tier = 'verified' where id = 'b0000000-0000-4000-8000-00000000000b'$$, '42501', null, 'an admin cannot verify an organization they are a member of');
select throws_ok($$update public.organizations set assured_date = date '2099-01-01' where id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'an admin cannot set assured_date');
select lives_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000003', false)$$, 'an admin outside Org B rejects its change request');
select throws_ok($$insert into public.organizations (name, description_fr, category, trust_tier) values ('Verified at once', 'x', 'self_organisation', 'verified')$$, '42501', null, 'an admin cannot insert an organization as verified');

-- org editor A on a verified entry: direct editing again (1 allowed) ----------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';
select results_eq($$update public.organizations set name = 'Org A (verified)' where id = 'b0000000-0000-4000-8000-00000000000a' returning name$$, $$values ('Org A (verified)')$$, 'editor A edits their verified entry directly');

-- the public view -------------------------------------------------------------------------------
reset role;
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select results_eq($$select distinct organization_name from public.resource_index where organization_id = 'b0000000-0000-4000-8000-00000000000c'$$, $$values ('Org B')$$, 'the public still sees Org B as it was');
select is_empty($$select 1 from public.resource_index r, jsonb_array_elements(r.contacts) c where c ->> 'kind' = 'website'$$, 'no refused website reached the public view');

select * from finish();
rollback;
