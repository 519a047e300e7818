-- Schema-wide guarantees: row level security on every table in public, security_invoker views,
-- pinned search_path on security definer functions, comments on every table, function and
-- policy, no TRUNCATE for the API roles, append-only history and no personal-data columns in
-- the anonymous tables.
begin;
-- pgTAP lives in extensions on Supabase; a fresh session may not have it on its path yet.
set local search_path to "$user", public, extensions;
select plan(15);

select is_empty(
	$$select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
	'every table in public has row level security enabled'
);
select isnt_empty(
	$$select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity$$,
	'public has tables (the check above is not vacuous)'
);
select is_empty(
	$$select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind = 'v'
		and not coalesce(c.reloptions @> array['security_invoker=true'], false)$$,
	'every view in public runs with the caller''s rights (security_invoker)'
);
select is_empty(
	$$select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = 'public' and p.prosecdef
		and not coalesce(p.proconfig @> array['search_path=""'], false)$$,
	'every security definer function in public pins search_path to empty'
);
select is_empty(
	$$select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'v')
		and obj_description(c.oid, 'pg_class') is null$$,
	'every table and view in public has a comment'
);
select is_empty(
	$$select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		left join pg_depend d on d.objid = p.oid and d.deptype = 'e'
		where n.nspname = 'public' and d.objid is null
		and obj_description(p.oid, 'pg_proc') is null$$,
	'every function in public has a comment'
);
select is_empty(
	$$select polname from pg_policy where obj_description(oid, 'pg_policy') is null$$,
	'every policy has a comment'
);
select is_empty(
	$$select c.relname, r.rolname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		cross join (values ('anon'), ('authenticated')) as r (rolname)
		where n.nspname = 'public' and c.relkind = 'r'
		and has_table_privilege(r.rolname, c.oid, 'TRUNCATE')$$,
	'anon and authenticated cannot TRUNCATE any table (TRUNCATE bypasses RLS)'
);
select is_empty(
	$$select polname from pg_policy
		where polrelid = 'public.organization_history'::regclass and polcmd in ('w', 'd', '*')$$,
	'organization_history has no update or delete policy (append-only)'
);
select is_empty(
	$$select c.relname, r.rolname, p.privilege_type
		from pg_class c
		cross join (values ('anon'), ('authenticated')) as r (rolname)
		cross join (values ('UPDATE'), ('DELETE')) as p (privilege_type)
		where c.oid = 'public.organization_history'::regclass
		and has_table_privilege(r.rolname, c.oid, p.privilege_type)$$,
	'anon and authenticated hold no UPDATE or DELETE privilege on organization_history'
);
select columns_are('public', 'need_signals',
	array['id', 'mdrc', 'support_kind', 'language', 'target_group', 'outcome', 'created_on'],
	'need_signals has exactly its anonymous columns: no user, no free text, no time finer than the day');
select columns_are('public', 'error_reports',
	array['id', 'organization_id', 'service_id', 'location_id', 'kind', 'message', 'status', 'created_at', 'resolved_at', 'reply', 'replied_at'],
	'error_reports has no name, e-mail or IP address column');
select col_type_is('public', 'need_signals', 'created_on', 'date', 'need signals are dated to the day only');
select has_trigger('auth', 'users', 'on_auth_user_created', 'a profile is created for every new auth user');
select is_empty(
	$$select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = 'public' and p.proname = 'need_signal_counts'
		and has_function_privilege('anon', p.oid, 'EXECUTE')$$,
	'anon cannot execute need_signal_counts'
);

select * from finish();
rollback;
