-- Row level security of moderation and upkeep: organization_history (append-only),
-- change_requests, error_reports (anonymous, no personal data) and quartier_surveys, acting as
-- anon, a social worker, two org editors, a moderator and a policy analyst.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(74);

-- Fixture shared by the test files (supabase/tests/helpers/fixture.sql): users for each role,
-- two org editors with an active and a pending organization each, services, locations (one
-- quartier-only), links and contact channels; rolled back with the test.
select tests.create_fixture();
insert into public.quartier_surveys (id, mdrc, organization_id, checked_on, created_by) values
	('90000000-0000-4000-8000-000000000001', 1, 'b0000000-0000-4000-8000-00000000000a', date '2026-11-01', 'a0000000-0000-4000-8000-000000000002'),
	('90000000-0000-4000-8000-000000000002', 2, 'b0000000-0000-4000-8000-00000000000b', date '2026-11-02', 'a0000000-0000-4000-8000-000000000002');

-- anon ---------------------------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select throws_ok($$select 1 from public.organization_history$$, '42501', null, 'anon cannot read organization history');
select throws_ok($$insert into public.organization_history (organization_id, action) values ('b0000000-0000-4000-8000-00000000000a', 'note')$$, '42501', null, 'anon cannot write organization history');
select throws_ok($$select 1 from public.change_requests$$, '42501', null, 'anon cannot read change requests');
select throws_ok($$insert into public.change_requests (organization_id, note) values ('b0000000-0000-4000-8000-00000000000a', 'x')$$, '42501', null, 'anon cannot create change requests');
select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'wrong_schedule', 'Closed on Mondays now.', 'c0000000-0000-4000-8000-00000000000a')$$, 'anon reports an error on a published entry');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000b', 'closed')$$, '22023', null, 'anon cannot report on a pending entry');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'other', repeat('x', 1001))$$, '22001', null, 'an error report message is at most 1000 characters');
select throws_ok($$insert into public.error_reports (organization_id, kind, status, resolved_at) values ('b0000000-0000-4000-8000-00000000000a', 'other', 'resolved', now())$$, '42501', null, 'anon cannot file an already resolved report');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'spam')$$, '23514', null, 'an error report kind comes from the list');
select throws_ok($$select 1 from public.error_reports$$, '42501', null, 'anon cannot read error reports back');
select throws_ok($$update public.error_reports set status = 'dismissed', resolved_at = now()$$, '42501', null, 'anon cannot update error reports');
select throws_ok($$delete from public.error_reports$$, '42501', null, 'anon cannot delete error reports');
select isnt_empty($$select 1 from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000001'$$, 'anon reads a survey by a published organization');
select is_empty($$select 1 from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000002'$$, 'anon cannot read a survey by a pending organization');
select throws_ok($$select created_by from public.quartier_surveys$$, '42501', null, 'anon cannot see which account recorded a survey');
select throws_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (1, 'b0000000-0000-4000-8000-00000000000a', current_date)$$, '42501', null, 'anon cannot record a survey');
select throws_ok($$update public.quartier_surveys set note = 'x'$$, '42501', null, 'anon cannot update surveys');
select throws_ok($$delete from public.quartier_surveys$$, '42501', null, 'anon cannot delete surveys');

-- social worker --------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select is_empty($$select 1 from public.organization_history$$, 'social worker reads no organization history');
select throws_ok($$insert into public.organization_history (organization_id, action, note) values ('b0000000-0000-4000-8000-00000000000a', 'note', 'x')$$, '42501', null, 'social worker cannot write organization history');
select throws_ok($$update public.organization_history set note = 'x'$$, '42501', null, 'social worker cannot update organization history');
select throws_ok($$delete from public.organization_history$$, '42501', null, 'social worker cannot delete organization history');
select is_empty($$select 1 from public.change_requests$$, 'social worker reads no change requests');
select throws_ok($$insert into public.change_requests (organization_id, note) values ('b0000000-0000-4000-8000-00000000000a', 'x')$$, '42501', null, 'social worker cannot create a change request');
select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'closed')$$, 'social worker reports an error');
select is_empty($$select 1 from public.error_reports$$, 'social worker cannot read error reports');
select throws_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (1, 'b0000000-0000-4000-8000-00000000000a', current_date)$$, '42501', null, 'social worker cannot record a survey for an organization they do not belong to');

-- editor A ---------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select results_eq($$select action from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000a' order by id$$, $$values ('created'), ('status_changed')$$, 'editor A reads their organization''s history, written by triggers');
select is_empty($$select 1 from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000c'$$, 'editor A cannot read editor B''s organization history');
select throws_ok($$insert into public.organization_history (organization_id, action, note) values ('b0000000-0000-4000-8000-00000000000a', 'note', 'x')$$, '42501', null, 'editor A cannot write organization history directly');
select throws_ok($$update public.organization_history set note = 'rewritten'$$, '42501', null, 'editor A cannot rewrite organization history');
select throws_ok($$delete from public.organization_history$$, '42501', null, 'editor A cannot delete organization history');
select lives_ok($$insert into public.change_requests (id, organization_id, service_id, changes) values ('80000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', '{"service": {"schedules": "Mo-Fr 09:00-13:00"}}')$$, 'editor A proposes a change to their published service');
select lives_ok($$insert into public.change_requests (id, organization_id, note) values ('80000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-00000000000a', 'Second proposal.')$$, 'editor A proposes another change');
select throws_ok($$insert into public.change_requests (organization_id, note) values ('b0000000-0000-4000-8000-00000000000c', 'x')$$, '42501', null, 'editor A cannot propose changes to editor B''s organization');
select throws_ok($$insert into public.change_requests (organization_id, note, status) values ('b0000000-0000-4000-8000-00000000000a', 'x', 'applied')$$, '42501', null, 'editor A cannot file an already applied change');
select throws_ok($$update public.change_requests set status = 'applied' where id = '80000000-0000-4000-8000-000000000001'$$, '42501', null, 'editor A cannot apply their own change request');
select throws_ok($$update public.change_requests set organization_id = 'b0000000-0000-4000-8000-00000000000c' where id = '80000000-0000-4000-8000-000000000002'$$, '42501', null, 'editor A cannot move their change request to editor B''s organization');
select lives_ok($$select public.withdraw_change_request('80000000-0000-4000-8000-000000000002')$$, 'editor A withdraws their own change request');
select throws_ok($$delete from public.change_requests$$, '42501', null, 'editor A cannot delete change requests');
select results_eq($$select count(*)::int from public.error_reports where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (2)$$, 'editor A reads the error reports on their organization');
select lives_ok($$select public.answer_error_report((select id from public.error_reports where kind = 'wrong_schedule'), 'New hours are online.')$$, 'editor A answers an error report (closing it is for moderators)');
select throws_ok($$delete from public.error_reports$$, '42501', null, 'editor A cannot delete error reports');
select isnt_empty($$select 1 from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000002'$$, 'editor A reads their pending organization''s survey');
select throws_ok($$insert into public.quartier_surveys (id, mdrc, organization_id, checked_on, note) values ('90000000-0000-4000-8000-000000000003', 2, 'b0000000-0000-4000-8000-00000000000a', current_date, 'Walked the streets around the market.')$$, '42501', null, 'editor A cannot record a survey, even for their organization (moderators record them)');
select throws_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (2, 'b0000000-0000-4000-8000-00000000000c', current_date)$$, '42501', null, 'editor A cannot record a survey for editor B''s organization');
select is_empty($$update public.quartier_surveys set note = 'Corrected.' where id = '90000000-0000-4000-8000-000000000001' returning note$$, 'editor A cannot change their organization''s survey');
select is_empty($$delete from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000001' returning mdrc$$, 'editor A cannot delete their organization''s survey');

-- editor B ---------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';

select is_empty($$select 1 from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, 'editor B cannot read editor A''s organization history');
select is_empty($$select 1 from public.change_requests where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, 'editor B cannot read editor A''s change requests');
select throws_ok($$update public.change_requests set note = 'x' where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor B cannot update editor A''s change requests');
select is_empty($$select 1 from public.error_reports$$, 'editor B cannot read error reports on editor A''s organization');
select throws_ok($$update public.error_reports set status = 'dismissed', resolved_at = now() returning 1$$, '42501', null, 'editor B cannot dismiss error reports on editor A''s organization');
select is_empty($$select 1 from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000002'$$, 'editor B cannot read editor A''s pending organization''s survey');
select is_empty($$update public.quartier_surveys set note = 'x' where id = '90000000-0000-4000-8000-000000000001' returning 1$$, 'editor B cannot update editor A''s survey');
select is_empty($$delete from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000001' returning 1$$, 'editor B cannot delete editor A''s survey');

-- moderator --------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select isnt_empty($$select 1 from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000c'$$, 'moderator reads any organization''s history');
select lives_ok($$insert into public.organization_history (organization_id, action, note) values ('b0000000-0000-4000-8000-00000000000c', 'note', 'Called the coordinator.')$$, 'moderator adds a note to the history');
select throws_ok($$insert into public.organization_history (organization_id, action, note, actor_id) values ('b0000000-0000-4000-8000-00000000000c', 'note', 'x', 'a0000000-0000-4000-8000-000000000002')$$, '42501', null, 'moderator cannot write history in someone else''s name');
select throws_ok($$update public.organization_history set note = 'rewritten'$$, '42501', null, 'moderator cannot rewrite organization history');
select throws_ok($$delete from public.organization_history$$, '42501', null, 'moderator cannot delete organization history');
select lives_ok($$update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000b'$$, 'moderator publishes a pending organization');
select results_eq(
	$$select actor_id, diff from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000b' and action = 'status_changed'$$,
	$$values ('a0000000-0000-4000-8000-000000000004'::uuid, '{"status": ["pending", "active"]}'::jsonb)$$,
	'publishing is logged with the moderator as actor and the status change as diff'
);
select results_eq($$select count(*)::int from public.change_requests where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (2)$$, 'moderator reads every change request');
select lives_ok($$select public.decide_change_request('80000000-0000-4000-8000-000000000001', true)$$, 'moderator applies a change request');
select lives_ok($$insert into public.change_requests (id, organization_id, note) values ('80000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-00000000000c', 'Please add the Dutch description.')$$, 'moderator asks Org B for a change');
select lives_ok($$select public.close_error_report((select id from public.error_reports where kind = 'closed'), 'dismissed')$$, 'moderator dismisses an error report');
select lives_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (1, 'b0000000-0000-4000-8000-00000000000c', current_date)$$, 'moderator records a survey for any organization');

-- editor B sees the moderator's request ---------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';
select results_eq($$select note from public.change_requests$$, $$values ('Please add the Dutch description.')$$, 'editor B reads the change a moderator asked of their organization');

-- policy analyst ---------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000005", "role": "authenticated"}';

select is_empty($$select 1 from public.organization_history$$, 'policy analyst reads no organization history');
select throws_ok($$insert into public.organization_history (organization_id, action, note) values ('b0000000-0000-4000-8000-00000000000a', 'note', 'x')$$, '42501', null, 'policy analyst cannot write organization history');
select is_empty($$select 1 from public.change_requests$$, 'policy analyst reads no change requests');
select is_empty($$select 1 from public.error_reports$$, 'policy analyst reads no error reports');
select isnt_empty($$select 1 from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000001'$$, 'policy analyst reads surveys of published organizations');

select * from finish();
rollback;
