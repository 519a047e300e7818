-- Bootstrap 00: what a Supabase project provides before any migration runs — the API roles,
-- the extensions and auth schemas, auth.uid()/auth.role()/auth.jwt(), Supabase's default
-- privileges in public and the Supabase CLI's migration history table.
-- Idempotent: roles are cluster-wide, so several databases of one PostgreSQL cluster (tests)
-- share them, and the file may run again on a database that already has it.

do $$
begin
	if not exists (select 1 from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticator') then
		create role authenticator login noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
		-- The gateway reaches this role with SET ROLE from the owner connection, so it never logs in.
		create role supabase_auth_admin nologin noinherit createrole;
	end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Extensions live in their own schema, as on Supabase.
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role, supabase_auth_admin;

do $$
begin
	execute format(
		'alter database %I set search_path = "$user", public, extensions',
		current_database()
	);
end
$$;

-- The auth schema belongs to the auth server's role; the API roles may use its functions.
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin;

-- auth.uid(), auth.role() and auth.jwt() exactly as Supabase defines them: the newer
-- request.jwt.claims JSON first-class, the older per-claim settings still honoured.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';

create or replace function auth.role() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

-- Supabase's default privileges in public: the API roles get table, function and sequence
-- privileges on everything the owner creates; RLS policies then decide which rows they see.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- The Supabase CLI's migration history, so `supabase migration list` reads the same table.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
	version text not null primary key
);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
