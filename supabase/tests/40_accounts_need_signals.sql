-- Accounts and need signals: profiles (own profile only, roles granted by admins), e-mail
-- addresses out of reach, need signals written by social workers only and read only as
-- suppressed counts by policy analysts.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(39);

-- Fixture shared by the test files (supabase/tests/helpers/fixture.sql): users for each role,
-- two org editors with an active and a pending organization each, services, locations (one
-- quartier-only), links and contact channels; rolled back with the test.
select tests.create_fixture();
select results_eq(
	$$select display_name, roles from public.profiles where id = 'a0000000-0000-4000-8000-000000000007'$$,
	$$values ('No role', '{}'::text[])$$,
	'a new user gets a profile without roles, whatever their sign-up metadata claims'
);

-- anon ---------------------------------------------------------------------------------------
set local role anon;
set local "request.jwt.claims" to '{"role": "anon"}';

select throws_ok($$select 1 from public.profiles$$, '42501', null, 'anon cannot read profiles');
select throws_ok($$update public.profiles set display_name = 'x'$$, '42501', null, 'anon cannot update profiles');
select throws_ok($$select email from auth.users$$, '42501', null, 'anon cannot read e-mail addresses');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'not_found')$$, '42501', null, 'anon cannot record a need signal');
select throws_ok($$select 1 from public.need_signals$$, '42501', null, 'anon cannot read need signals');
select throws_ok($$select * from public.need_signal_counts()$$, '42501', null, 'anon cannot read need signal counts');

-- social worker --------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated"}';

select results_eq($$select id from public.profiles$$, $$values ('a0000000-0000-4000-8000-000000000001'::uuid)$$, 'social worker reads only their own profile');
select results_eq($$update public.profiles set display_name = 'Sam', email_language = 'nl' where id = 'a0000000-0000-4000-8000-000000000001' returning display_name, email_language$$, $$values ('Sam', 'nl')$$, 'social worker updates their own display name and e-mail language');
select throws_ok($$update public.profiles set roles = '{social_worker,admin}' where id = 'a0000000-0000-4000-8000-000000000001'$$, '42501', null, 'social worker cannot grant themself a role');
select is_empty($$update public.profiles set display_name = 'x' where id = 'a0000000-0000-4000-8000-000000000002' returning 1$$, 'social worker cannot update another user''s profile');
select throws_ok($$insert into public.profiles (id) values ('a0000000-0000-4000-8000-000000000099')$$, '42501', null, 'profiles are not inserted through the API');
select throws_ok($$delete from public.profiles$$, '42501', null, 'profiles are not deleted through the API');
select throws_ok($$select email from auth.users$$, '42501', null, 'signed-in users cannot read e-mail addresses');
select lives_ok($$insert into public.need_signals (mdrc, support_kind, language, target_group, outcome) select 1, 'home_visits', 'ar', 'older_people', 'not_found' from generate_series(1, 5)$$, 'social worker records need signals');
select lives_ok($$insert into public.need_signals (mdrc, support_kind, language, outcome) select 2, 'social_contact', 'nl', 'found' from generate_series(1, 2)$$, 'social worker records found signals');
select lives_ok($$insert into public.need_signals (mdrc, support_kind, language, outcome, created_on) select 2, 'home_visits', 'tr', 'not_found', date '2020-01-01' from generate_series(1, 3)$$, 'social worker records signals (a backdated day is ignored)');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'no_such_kind', 'found')$$, '23503', null, 'a need signal uses a known support kind');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, language, outcome) values (1, 'home_visits', 'arabic', 'found')$$, '23514', null, 'a need signal language is an ISO 639 code');
select throws_ok($$select 1 from public.need_signals$$, '42501', null, 'social worker cannot read single need signals');
select throws_ok($$update public.need_signals set outcome = 'found'$$, '42501', null, 'social worker cannot update need signals');
select throws_ok($$delete from public.need_signals$$, '42501', null, 'social worker cannot delete need signals');
select throws_ok($$select * from public.need_signal_counts()$$, '42501', null, 'social worker cannot read need signal counts');

-- editor A -----------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000002", "role": "authenticated"}';

select is_empty($$select 1 from public.profiles where id <> 'a0000000-0000-4000-8000-000000000002'$$, 'editor A cannot read other users'' profiles');
select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'found')$$, '42501', null, 'an org editor who is not a social worker cannot record need signals');

-- editor B -----------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000003", "role": "authenticated"}';

select is_empty($$select 1 from public.profiles where id = 'a0000000-0000-4000-8000-000000000002'$$, 'editor B cannot read editor A''s profile');

-- moderator ----------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000004", "role": "authenticated"}';

select is_empty($$select 1 from public.profiles where id <> 'a0000000-0000-4000-8000-000000000004'$$, 'moderator cannot read other users'' profiles');
select throws_ok($$update public.profiles set roles = '{moderator,admin}' where id = 'a0000000-0000-4000-8000-000000000004'$$, '42501', null, 'moderator cannot grant themself admin');
select throws_ok($$select * from public.need_signal_counts()$$, '42501', null, 'moderator cannot read need signal counts');

-- The signals above are dated today; counts leave out the current week, so move them two weeks
-- back, as if they had been recorded then.
reset role;
select results_eq($$select count(*)::int from public.need_signals where created_on = (now() at time zone 'Europe/Brussels')::date$$, $$values (10)$$, 'backdating was ignored: all signals fall on today');
update public.need_signals set created_on = created_on - 14;

-- policy analyst -----------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000005", "role": "authenticated"}';

select throws_ok($$insert into public.need_signals (mdrc, support_kind, outcome) values (1, 'home_visits', 'found')$$, '42501', null, 'policy analyst cannot record need signals');
select throws_ok($$select 1 from public.need_signals$$, '42501', null, 'policy analyst cannot read single need signals');
select results_eq(
	$$select mdrc, support_kind, language, target_group, outcome, signal_count from public.need_signal_counts()$$,
	$$values (1, 'home_visits', 'ar', 'older_people', 'not_found', 5::bigint)$$,
	'policy analyst reads counts of at least 5 by default'
);
select throws_ok(
	$$select * from public.need_signal_counts(min_count => 1)$$, '22023', null,
	'a minimum below the configured floor (5) is refused'
);
select is_empty($$select 1 from public.profiles where id <> 'a0000000-0000-4000-8000-000000000005'$$, 'policy analyst cannot read other users'' profiles');

-- admin --------------------------------------------------------------------------------------------
reset role;
set local role authenticated;
set local "request.jwt.claims" to '{"sub": "a0000000-0000-4000-8000-000000000006", "role": "authenticated"}';

select results_eq($$select count(*)::int from public.profiles where id::text like 'a0000000-0000-4000-8000-00000000000%'$$, $$values (7)$$, 'admin reads all profiles to manage roles');
select results_eq($$update public.profiles set roles = '{org_editor}' where id = 'a0000000-0000-4000-8000-000000000007' returning roles$$, $$values ('{org_editor}'::text[])$$, 'admin grants a role');
select isnt_empty($$select * from public.need_signal_counts()$$, 'admin reads need signal counts');

-- deleting an account removes its profile -----------------------------------------------------------
reset role;
delete from auth.users where id = 'a0000000-0000-4000-8000-000000000007';
select is_empty($$select 1 from public.profiles where id = 'a0000000-0000-4000-8000-000000000007'$$, 'deleting an auth user deletes their profile');

select * from finish();
rollback;
