-- Accounts: one profile per auth user, created by a trigger on auth.users, carrying the user's
-- platform roles (social_worker, org_editor, moderator, policy_analyst, admin). Roles are never
-- taken from sign-up metadata (users control it); only admins and the service role grant them.
-- Profiles hold no e-mail address: it stays in auth.users, which the API roles cannot read.

create function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end;
$$;
comment on function public.set_updated_at() is
	'Trigger: keeps updated_at at the time of the last update.';

create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	display_name text check (char_length(display_name) between 1 and 100),
	email_language text not null default 'fr' check (email_language in ('fr', 'nl', 'en')),
	roles text[] not null default '{}' check (
		roles <@ array['social_worker', 'org_editor', 'moderator', 'policy_analyst', 'admin']::text[]
	),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
comment on table public.profiles is
	'Per-user settings and platform roles; readable only by the user and by admins.';

create trigger profiles_set_updated_at before update on public.profiles
	for each row execute function public.set_updated_at();

create function public.has_role(role_name text) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1
		from public.profiles p
		where p.id = (select auth.uid()) and role_name = any (p.roles)
	);
$$;
comment on function public.has_role(text) is
	'True when the calling user''s profile has the given platform role; false for anonymous callers. Security definer so that policies can call it without granting read access to profiles.';

create function public.handle_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into public.profiles (id, display_name, email_language)
	values (
		new.id,
		nullif(left(btrim(new.raw_user_meta_data ->> 'display_name'), 100), ''),
		case
			when new.raw_user_meta_data ->> 'email_language' in ('fr', 'nl', 'en')
				then new.raw_user_meta_data ->> 'email_language'
			else 'fr'
		end
	);
	return new;
end;
$$;
comment on function public.handle_new_user() is
	'Trigger on auth.users: creates the profile of a new user with no roles; display name and e-mail language come from sign-up metadata.';

create trigger on_auth_user_created after insert on auth.users
	for each row execute function public.handle_new_user();

create function public.profiles_guard_roles() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	-- Only requests made through the API run as anon/authenticated; the service role, the
	-- database owner and migrations may set roles freely.
	if new.roles is distinct from old.roles
		and current_user in ('anon', 'authenticated')
		and not public.has_role('admin') then
		raise exception 'only an admin may change roles'
			using errcode = '42501';
	end if;
	return new;
end;
$$;
comment on function public.profiles_guard_roles() is
	'Trigger: rejects a change of profiles.roles unless the caller is an admin (or a privileged database role).';

create trigger profiles_guard_roles before update on public.profiles
	for each row execute function public.profiles_guard_roles();

revoke all on public.profiles from anon;
revoke insert, delete, truncate, references, trigger on public.profiles from authenticated;
grant select, update on public.profiles to authenticated;

create policy profiles_select on public.profiles
	for select to authenticated
	using (id = (select auth.uid()) or (select public.has_role('admin')));
comment on policy profiles_select on public.profiles is
	'A user reads their own profile; admins read all profiles to manage roles. Nobody else reads another user''s profile.';

create policy profiles_update on public.profiles
	for update to authenticated
	using (id = (select auth.uid()) or (select public.has_role('admin')))
	with check (id = (select auth.uid()) or (select public.has_role('admin')));
comment on policy profiles_update on public.profiles is
	'A user updates their own display name and e-mail language; admins also roles (guarded by a trigger).';
