-- Bootstrap 10: the tables Supabase Auth (GoTrue v2) keeps in the auth schema, with GoTrue's own
-- column names and types, so migrations written for Supabase (triggers on auth.users, foreign
-- keys to auth.users(id)) run unchanged; plus the local mailbox in the private schema _local.
-- Runs after 00_roles.sql as the database owner. Idempotent: every object is created only when
-- missing, and ownership and grants are (re)applied each time.

grant usage on schema extensions to supabase_auth_admin;

do $$
begin
	create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
exception
	when duplicate_object then null;
end
$$;

do $$
begin
	create type auth.code_challenge_method as enum ('s256', 'plain');
exception
	when duplicate_object then null;
end
$$;

do $$
begin
	create type auth.one_time_token_type as enum (
		'confirmation_token',
		'reauthentication_token',
		'recovery_token',
		'email_change_token_new',
		'email_change_token_current',
		'phone_change_token'
	);
exception
	when duplicate_object then null;
end
$$;

create table if not exists auth.users (
	instance_id uuid,
	id uuid not null default gen_random_uuid() primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255),
	confirmation_sent_at timestamptz,
	recovery_token varchar(255),
	recovery_sent_at timestamptz,
	email_change_token_new varchar(255),
	email_change varchar(255),
	email_change_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_super_admin boolean,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	phone_change text default '',
	phone_change_token varchar(255) default '',
	phone_change_sent_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	email_change_token_current varchar(255) default '',
	email_change_confirm_status smallint default 0
		check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
	banned_until timestamptz,
	reauthentication_token varchar(255) default '',
	reauthentication_sent_at timestamptz,
	is_sso_user boolean not null default false,
	deleted_at timestamptz,
	is_anonymous boolean not null default false
);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
comment on column auth.users.is_sso_user is 'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.';

create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);
create unique index if not exists confirmation_token_idx on auth.users (confirmation_token)
	where confirmation_token !~ '^[0-9 ]*$';
create unique index if not exists recovery_token_idx on auth.users (recovery_token)
	where recovery_token !~ '^[0-9 ]*$';

create table if not exists auth.identities (
	provider_id text not null,
	user_id uuid not null references auth.users (id) on delete cascade,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz,
	created_at timestamptz,
	updated_at timestamptz,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid not null default gen_random_uuid() primary key,
	constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
comment on table auth.identities is 'Auth: Stores identities associated to a user.';
comment on column auth.identities.email is 'Auth: Email is a generated column that references the optional email property in the identity_data';
create index if not exists identities_user_id_idx on auth.identities (user_id);
create index if not exists identities_email_idx on auth.identities (email text_pattern_ops);

create table if not exists auth.sessions (
	id uuid not null primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz,
	updated_at timestamptz,
	factor_id uuid,
	aal auth.aal_level,
	not_after timestamptz,
	refreshed_at timestamp,
	user_agent text,
	ip inet,
	tag text
);
comment on table auth.sessions is 'Auth: Stores session data associated to a user.';
comment on column auth.sessions.not_after is 'Auth: Not after is a nullable column that contains a timestamp after which the session should be regarded as expired.';
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
	instance_id uuid,
	id bigserial primary key,
	token varchar(255) unique,
	user_id varchar(255),
	revoked boolean,
	created_at timestamptz,
	updated_at timestamptz,
	parent varchar(255),
	session_id uuid references auth.sessions (id) on delete cascade
);
comment on table auth.refresh_tokens is 'Auth: Store of tokens used to refresh JWT tokens once they expire.';
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

create table if not exists auth.mfa_amr_claims (
	session_id uuid not null references auth.sessions (id) on delete cascade,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	authentication_method text not null,
	id uuid not null,
	constraint amr_id_pk primary key (id),
	constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method)
);
comment on table auth.mfa_amr_claims is 'auth: stores authenticator method reference claims for multi factor authentication';

create table if not exists auth.flow_state (
	id uuid primary key,
	user_id uuid,
	auth_code text not null,
	code_challenge_method auth.code_challenge_method not null,
	code_challenge text not null,
	provider_type text not null,
	provider_access_token text,
	provider_refresh_token text,
	created_at timestamptz,
	updated_at timestamptz,
	authentication_method text not null,
	auth_code_issued_at timestamptz
);
comment on table auth.flow_state is 'Auth: Stores metadata for PKCE logins.';
create index if not exists idx_auth_code on auth.flow_state (auth_code);
create index if not exists idx_user_id_auth_method on auth.flow_state (user_id, authentication_method);

create table if not exists auth.one_time_tokens (
	id uuid primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	token_type auth.one_time_token_type not null,
	token_hash text not null check (char_length(token_hash) > 0),
	relates_to text not null,
	created_at timestamp without time zone not null default now(),
	updated_at timestamp without time zone not null default now(),
	constraint one_time_tokens_user_id_token_type_key unique (user_id, token_type)
);
comment on table auth.one_time_tokens is 'Auth: One-time tokens (confirmation, recovery, email change) by their hash.';
create index if not exists one_time_tokens_token_hash_hash_idx on auth.one_time_tokens using hash (token_hash);

-- The auth server's role owns its tables, as on Supabase; the API roles get nothing, so
-- auth.users is reachable only through the auth endpoints and security-definer functions.
alter table auth.users owner to supabase_auth_admin;
alter table auth.identities owner to supabase_auth_admin;
alter table auth.sessions owner to supabase_auth_admin;
alter table auth.refresh_tokens owner to supabase_auth_admin;
alter sequence auth.refresh_tokens_id_seq owner to supabase_auth_admin;
alter table auth.mfa_amr_claims owner to supabase_auth_admin;
alter table auth.flow_state owner to supabase_auth_admin;
alter table auth.one_time_tokens owner to supabase_auth_admin;
alter type auth.aal_level owner to supabase_auth_admin;
alter type auth.code_challenge_method owner to supabase_auth_admin;
alter type auth.one_time_token_type owner to supabase_auth_admin;

revoke all on auth.users, auth.identities, auth.sessions, auth.refresh_tokens, auth.mfa_amr_claims,
	auth.flow_state, auth.one_time_tokens from public, anon, authenticated, service_role;
revoke all on sequence auth.refresh_tokens_id_seq from public, anon, authenticated, service_role;

-- The role running the bootstrap and migrations (postgres on Supabase) keeps full access, so
-- migrations can reference auth.users and add triggers to it even when it is not a superuser.
do $$
begin
	execute format(
		'grant all on auth.users, auth.identities, auth.sessions, auth.refresh_tokens,
			auth.mfa_amr_claims, auth.flow_state, auth.one_time_tokens to %I',
		current_user
	);
end
$$;

-- auth.email() as Supabase still ships it for older policies.
create or replace function auth.email() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';
alter function auth.email() owner to supabase_auth_admin;
grant execute on function auth.email() to anon, authenticated, service_role;

-- The local mailbox: every mail the gateway "sends" lands here, so developers read it at
-- /mailbox and tests read it through listMail(). It persists with the database.
create schema if not exists _local;
create table if not exists _local.mailbox (
	id uuid not null default gen_random_uuid() primary key,
	"to" text not null,
	subject text not null,
	text text not null,
	html text not null,
	created_at timestamptz not null default clock_timestamp()
);
comment on table _local.mailbox is 'Mails sent by the local gateway, read at /mailbox; never exposed through the REST API.';
create index if not exists mailbox_to_created_at_idx on _local.mailbox (lower("to"), created_at desc);
revoke all on schema _local from public, anon, authenticated, service_role;
revoke all on _local.mailbox from public, anon, authenticated, service_role;
grant usage on schema _local to supabase_auth_admin;
grant select, insert, delete on _local.mailbox to supabase_auth_admin;
