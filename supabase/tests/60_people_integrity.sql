-- What people send and who belongs where, for every role: error reports (one RPC, throttled per
-- entry, hour and source; members answer, moderators close; closed reports purged), need signals
-- (50 a day per social worker; counts over whole past weeks, minimum never below the floor),
-- memberships (invitation only), surveys (moderators, in their own name) and account deletion
-- (published entries and their history stay). Each rule: the sanctioned path works, the direct
-- path is refused.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(77);

select tests.create_fixture();
insert into nabij_private.job_tokens (name, token_hash)
	values ('pgtap', nabij_private.hash_text('pgtap-job-token'));
-- A leaving editor with a published entry and a never-published registration of their own.
insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000008', 'leaving@test.invalid');
update public.profiles set roles = '{org_editor}' where id = 'a0000000-0000-4000-8000-000000000008';
insert into public.organizations (id, name, description_fr, category, created_by) values
	('b0000000-0000-4000-8000-00000000000e', 'Org E', 'Published, only the leaver.', 'self_organisation', 'a0000000-0000-4000-8000-000000000008'),
	('b0000000-0000-4000-8000-00000000000f', 'Org F', 'Pending, only the leaver.', 'self_organisation', 'a0000000-0000-4000-8000-000000000008');
update public.organizations set status = 'active' where id = 'b0000000-0000-4000-8000-00000000000e';

-- anon ---------------------------------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'closed', '  Closed since June.  ')$$, 'anon files an error report through report_error');
select throws_ok($$insert into public.error_reports (organization_id, kind) values ('b0000000-0000-4000-8000-00000000000a', 'closed')$$, '42501', null, 'anon cannot insert an error report directly');
select throws_ok($$insert into public.error_reports (organization_id, kind) select 'b0000000-0000-4000-8000-00000000000a', 'other' from generate_series(1, 200)$$, '42501', null, 'anon cannot insert 200 error reports in one statement');
select results_eq($$select count(public.report_error('b0000000-0000-4000-8000-00000000000a', 'other'))::int from generate_series(1, 4)$$, $$values (4)$$, 'anon files four more reports on the same entry within the hour');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'other')$$, 'PT429', null, 'the sixth anonymous report on an entry within the hour is refused (HTTP 429)');
select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000c', 'other')$$, 'the limit is per entry: anon still reports another entry');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000b', 'closed')$$, '22023', null, 'anon cannot report a pending entry');
select throws_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000c', 'other', repeat('x', 1001))$$, '22001', null, 'a report message is at most 1000 characters');
select throws_ok($$select public.answer_error_report(gen_random_uuid(), 'x')$$, '42501', null, 'anon cannot answer error reports');
select throws_ok($$select public.close_error_report(gen_random_uuid(), 'dismissed')$$, '42501', null, 'anon cannot close error reports');
select throws_ok($$select public.purge_closed_error_reports('wrong', 1)$$, '42501', null, 'purging closed reports needs the job token');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000007')$$, '42501', null, 'anon cannot add members');
select throws_ok($$select public.delete_my_account()$$, '42501', null, 'anon has no account to delete');

reset role;
select results_eq($$select message from public.error_reports where kind = 'closed'$$, $$values ('Closed since June.')$$, 'a report message is stored trimmed');
select is_empty($$select 1 from nabij_private.report_throttle t where t.source_hash ~ '[^0-9a-f]'$$, 'the quota records a hash, not who reported');

-- social worker ------------------------------------------------------------------------------------
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'wrong_contact')$$, 'a signed-in social worker has their own quota on an entry the anonymous quota has used up');
select is_empty($$select 1 from public.error_reports$$, 'social worker cannot read error reports');
select throws_ok($$select public.answer_error_report((select id from public.error_reports limit 1), 'x')$$, '42501', null, 'social worker cannot answer error reports');
select throws_ok($$select public.close_error_report(gen_random_uuid(), 'dismissed')$$, '42501', null, 'social worker cannot close error reports');
select lives_ok($$insert into public.need_signals (mdrc, support_kind, outcome) select 1, 'home_visits', 'not_found' from generate_series(1, 50)$$, 'social worker records 50 need signals in a day');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'found')$$, 'PT429', null, 'the 51st need signal of the day is refused (HTTP 429)');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) select 2, 'home_visits', 'found' from generate_series(1, 300)$$, 'PT429', null, 'hundreds of need signals in one statement are refused');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000001')$$, '42501', null, 'social worker cannot make themself a member');
select throws_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (1, 'b0000000-0000-4000-8000-00000000000a', current_date)$$, '42501', null, 'social worker cannot record a survey');
select throws_ok($$select * from public.need_signal_counts()$$, '42501', null, 'social worker cannot read need signal counts');

reset role;
select results_eq($$select count(*)::int from public.need_signals$$, $$values (50)$$, 'exactly 50 need signals were stored');
-- Counts leave out the current week: move the 50 two weeks back, and add 10 recorded today.
update public.need_signals set created_on = created_on - 14;
set local "request.jwt.claims" to '{}';
insert into public.need_signals (mdrc, support_kind, outcome)
	select 1, 'home_visits', 'not_found' from generate_series(1, 10);

-- editor A (member and owner of Org A) ---------------------------------------------------------------
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select results_eq($$select count(*)::int from public.error_reports where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, $$values (6)$$, 'editor A reads the reports about their entry');
select lives_ok($$select public.answer_error_report((select id from public.error_reports where kind = 'closed'), 'We reopened in September.')$$, 'editor A answers a report about their entry');
select results_eq($$select reply, status from public.error_reports where kind = 'closed'$$, $$values ('We reopened in September.', 'open')$$, 'the answer is stored and the report stays open');
select throws_ok($$select public.close_error_report((select id from public.error_reports where kind = 'closed'), 'dismissed')$$, '42501', null, 'editor A cannot dismiss a report about their own entry');
select throws_ok($$update public.error_reports set status = 'dismissed', resolved_at = now() where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'editor A cannot dismiss reports by a direct update');
select throws_ok($$delete from public.error_reports$$, '42501', null, 'editor A cannot delete reports');
select throws_ok($$insert into public.organization_members (organization_id, user_id, member_role) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000006', 'editor')$$, '42501', null, 'owner A cannot add an arbitrary user id to their organization');
select throws_ok($$update public.organization_members set user_id = 'a0000000-0000-4000-8000-000000000006' where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, '42501', null, 'owner A cannot turn a membership into someone else''s');
select throws_ok($$insert into public.quartier_surveys (mdrc, organization_id, checked_on) values (1, 'b0000000-0000-4000-8000-00000000000a', current_date)$$, '42501', null, 'editor A cannot record a survey');
select throws_ok($$select created_by from public.quartier_surveys$$, '42501', null, 'editor A cannot see who recorded surveys');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'found')$$, '42501', null, 'editor A (not a social worker) cannot record need signals');
select lives_ok($$select set_config('tests.invite_nonce', public.create_editor_invite('b0000000-0000-4000-8000-00000000000a', 'no.role@test.invalid'), true)$$, 'owner A invites a co-editor by e-mail');

-- editor B (not a member of Org A) -------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';

select is_empty($$select 1 from public.error_reports where organization_id = 'b0000000-0000-4000-8000-00000000000a'$$, 'editor B cannot read reports about Org A');
select throws_ok($$select public.answer_error_report((select id from public.error_reports where kind = 'closed'), 'x')$$, '42501', null, 'editor B cannot answer reports about Org A');
select throws_ok($$select public.accept_editor_invite(current_setting('tests.invite_nonce'))$$, '42501', null, 'editor B cannot accept an invitation made for another address');

-- the invited user -----------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000007", "role": "authenticated"}';

select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000007')$$, '42501', null, 'the invitee cannot join by a direct insert');
select results_eq($$select public.accept_editor_invite(current_setting('tests.invite_nonce'))$$, $$values ('b0000000-0000-4000-8000-00000000000a'::uuid)$$, 'the invitee joins by accepting the invitation');
select results_eq($$select member_role from public.organization_members where user_id = 'a0000000-0000-4000-8000-000000000007'$$, $$values ('editor')$$, 'the invitee is now an editor of Org A');

-- moderator ------------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select lives_ok($$select public.close_error_report((select id from public.error_reports where kind = 'closed'), 'resolved')$$, 'moderator resolves a report');
select throws_ok($$select public.close_error_report((select id from public.error_reports where kind = 'closed'), 'dismissed')$$, '22023', null, 'a closed report cannot be closed again');
select throws_ok($$select public.close_error_report((select id from public.error_reports where kind = 'wrong_contact'), 'open')$$, '22023', null, 'a report closes only as resolved or dismissed');
select throws_ok($$update public.error_reports set status = 'dismissed', resolved_at = now()$$, '42501', null, 'moderators close reports through close_error_report only');
select lives_ok($$insert into public.quartier_surveys (id, mdrc, organization_id, checked_on, created_by) values ('90000000-0000-4000-8000-000000000009', 1, 'b0000000-0000-4000-8000-00000000000c', current_date, 'a0000000-0000-4000-8000-000000000002')$$, 'moderator records a survey (naming someone else as its author)');
select results_eq($$update public.quartier_surveys set note = 'Walked the market streets.' where id = '90000000-0000-4000-8000-000000000009' returning note$$, $$values ('Walked the market streets.')$$, 'moderator corrects a survey');
select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000c', 'a0000000-0000-4000-8000-000000000004')$$, '42501', null, 'moderator cannot add members directly');
select throws_ok($$select * from public.need_signal_counts()$$, '42501', null, 'moderator cannot read need signal counts');

reset role;
select results_eq($$select created_by from public.quartier_surveys where id = '90000000-0000-4000-8000-000000000009'$$, $$values ('a0000000-0000-4000-8000-000000000004'::uuid)$$, 'the survey is recorded in the moderator''s name, whatever the request said');

-- policy analyst -------------------------------------------------------------------------------------
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000005", "role": "authenticated"}';

select results_eq($$select sum(signal_count)::int from public.need_signal_counts()$$, $$values (50)$$, 'policy analyst reads counts of past weeks; today''s signals are not counted yet');
select results_eq($$select sum(signal_count)::int from public.need_signal_counts(5, date_trunc('week', (now() at time zone 'Europe/Brussels')::date - 14)::date, date_trunc('week', (now() at time zone 'Europe/Brussels')::date - 14)::date + 6)$$, $$values (50)$$, 'policy analyst reads counts over one whole week');
select is_empty($$select 1 from public.need_signal_counts(5, date_trunc('week', (now() at time zone 'Europe/Brussels')::date)::date, date_trunc('week', (now() at time zone 'Europe/Brussels')::date)::date + 6)$$, 'the current week is never counted');
select results_eq($$select sum(signal_count)::int from public.need_signal_counts(50)$$, $$values (50)$$, 'policy analyst may raise the minimum count');
select throws_ok($$select * from public.need_signal_counts(min_count => 1)$$, '22023', null, 'policy analyst cannot lower the minimum count to 1');
select throws_ok($$select * from public.need_signal_counts(min_count => 4)$$, '22023', null, 'policy analyst cannot lower the minimum count below the floor of 5');
select throws_ok($$select * from public.need_signal_counts(5, date '2026-11-04', date '2026-11-04')$$, '22023', null, 'a one-day range is refused');
select throws_ok($$select * from public.need_signal_counts(5, date '2026-11-02', date '2026-11-05')$$, '22023', null, 'a range that ends mid-week is refused');
select throws_ok($$select * from public.need_signal_counts(5, date '2026-11-30', date '2026-11-22')$$, '22023', null, 'a range that ends before it starts is refused');
select lives_ok($$select * from public.need_signal_counts(5, date '2026-11-01', date '2026-11-30')$$, 'a whole month is accepted');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'found')$$, '42501', null, 'policy analyst cannot record need signals');
select is_empty($$select 1 from public.error_reports$$, 'policy analyst reads no error reports');

-- admin ----------------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000006", "role": "authenticated"}';

select throws_ok($$insert into public.organization_members (organization_id, user_id) values ('b0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000006')$$, '42501', null, 'not even an admin adds members without an invitation');
select throws_ok($$select public.close_error_report((select id from public.error_reports where kind = 'wrong_contact'), 'dismissed')$$, '42501', null, 'an admin who is not a moderator cannot close reports');
select isnt_empty($$select * from public.need_signal_counts()$$, 'admin reads need signal counts');

-- the leaving editor ---------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000008", "role": "authenticated"}';

select is_empty($$delete from public.organizations where id = 'b0000000-0000-4000-8000-00000000000e' returning 1$$, 'the editor cannot delete their published entry directly');
select results_eq($$select public.delete_my_account()$$, $$values (1)$$, 'deleting the account deletes only the never-published registration');

reset role;
select results_eq($$select status, created_by from public.organizations where id = 'b0000000-0000-4000-8000-00000000000e'$$, $$values ('active', null::uuid)$$, 'the published entry stays published, without a dangling creator id');
select is_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000f'$$, 'the never-published registration is gone');
select results_eq($$select action from public.organization_history where organization_id = 'b0000000-0000-4000-8000-00000000000e' order by id$$, $$values ('created'), ('status_changed'), ('note')$$, 'the entry keeps its history, which says moderators now maintain it');
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select isnt_empty($$select 1 from public.organizations where id = 'b0000000-0000-4000-8000-00000000000e'$$, 'the public still sees the entry');

-- retention and quota windows ------------------------------------------------------------------------
reset role;
update public.error_reports set resolved_at = now() - interval '100 days' where kind = 'closed';
update nabij_private.report_throttle set filed_at = filed_at - interval '2 hours';
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';
select results_eq($$select public.purge_closed_error_reports('pgtap-job-token', 90)$$, $$values (1)$$, 'the job deletes reports closed longer ago than the retention period');
select lives_ok($$select public.report_error('b0000000-0000-4000-8000-00000000000a', 'other')$$, 'an hour later anonymous reports on the entry are accepted again');
reset role;
select results_eq($$select count(*)::int from public.error_reports where status = 'open'$$, $$values (7)$$, 'open reports are kept');

select * from finish();
rollback;
