-- The directory, after Open Referral HSDS 3.0: organizations, their members, contact channels,
-- services, locations and the service_at_location join.
-- An entry is published while its organization's status is active, paused or dormant. Anyone
-- reads published entries; members read and edit their own organization's entries, published or
-- not; moderators read everything and alone publish, vouch and verify (enforced by a trigger,
-- since policies cannot compare old and new values).
-- A quartier-only location (a group meeting at someone's home) never stores its exact point:
-- a trigger replaces it with the quartier's representative point, so no role can read it.

create table public.organizations (
	id uuid primary key default gen_random_uuid(),
	name text not null check (char_length(btrim(name)) between 2 and 200),
	alternate_name text check (char_length(alternate_name) between 1 and 200),
	description_fr text check (char_length(description_fr) between 1 and 2000),
	description_nl text check (char_length(description_nl) between 1 and 2000),
	description_en text check (char_length(description_en) between 1 and 2000),
	legal_status text check (
		legal_status in (
			'non_profit_association', 'de_facto_association', 'foundation', 'cooperative',
			'public_body', 'other'
		)
	),
	category text not null references public.categories (code),
	trust_tier text not null default 'self_declared'
		check (trust_tier in ('self_declared', 'vouched', 'verified')),
	vouched_by_organization_id uuid references public.organizations (id) on delete set null,
	vouched_at timestamptz,
	status text not null default 'pending' check (
		status in ('pending', 'active', 'paused', 'dormant', 'closed', 'rejected', 'archived')
	),
	assured_date date,
	paused_until date,
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (coalesce(description_fr, description_nl, description_en) is not null),
	check (trust_tier <> 'vouched' or vouched_by_organization_id is not null),
	check ((vouched_by_organization_id is null) = (vouched_at is null)),
	check (vouched_by_organization_id is distinct from id)
);
alter table public.organizations enable row level security;
create index organizations_status_idx on public.organizations (status);
create index organizations_created_by_idx on public.organizations (created_by);
create index organizations_vouched_by_idx on public.organizations (vouched_by_organization_id);
create index organizations_category_idx on public.organizations (category);
comment on table public.organizations is
	'A self-organisation, initiative, antenna or centre (HSDS organization). Published while status is active, paused or dormant.';

create table public.organization_members (
	organization_id uuid not null references public.organizations (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	member_role text not null default 'editor' check (member_role in ('editor', 'owner')),
	created_at timestamptz not null default now(),
	primary key (organization_id, user_id)
);
alter table public.organization_members enable row level security;
create index organization_members_user_id_idx on public.organization_members (user_id);
comment on table public.organization_members is
	'Who may edit an organization''s entries: editors edit, owners also manage members.';

create function public.member_organization_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select m.organization_id
	from public.organization_members m
	where m.user_id = (select auth.uid());
$$;
comment on function public.member_organization_ids() is
	'Organizations the calling user belongs to (editor or owner). Security definer so policies on organization_members itself can use it without recursion.';

create function public.owned_organization_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select m.organization_id
	from public.organization_members m
	where m.user_id = (select auth.uid()) and m.member_role = 'owner';
$$;
comment on function public.owned_organization_ids() is
	'Organizations the calling user owns, i.e. may manage the members of.';

create function public.organization_status_transition_allowed(from_status text, to_status text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select (from_status, to_status) in (
		('pending', 'active'), ('pending', 'rejected'), ('pending', 'archived'),
		('active', 'paused'), ('active', 'dormant'), ('active', 'closed'), ('active', 'archived'),
		('paused', 'active'), ('paused', 'dormant'), ('paused', 'closed'), ('paused', 'archived'),
		('dormant', 'active'), ('dormant', 'paused'), ('dormant', 'closed'), ('dormant', 'archived'),
		('closed', 'active'), ('closed', 'archived'),
		('rejected', 'pending'), ('rejected', 'archived')
	);
$$;
comment on function public.organization_status_transition_allowed(text, text) is
	'The organization life cycle: pending is published (active) or rejected by a moderator; published entries pause, go dormant, close; everything ends archived, which is final.';

create function public.organization_status_transition_by_member(from_status text, to_status text)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select (from_status, to_status) in (
		('active', 'paused'), ('paused', 'active'), ('dormant', 'active'),
		('active', 'closed'), ('paused', 'closed'), ('dormant', 'closed'),
		('rejected', 'pending')
	);
$$;
comment on function public.organization_status_transition_by_member(text, text) is
	'Status changes a member may make without a moderator: pause, resume or confirm a published entry, close it, resubmit a rejected one. Publishing (pending to active) is for moderators.';

create function public.organizations_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	-- Requests through the API run as anon/authenticated; the service role, the owner and
	-- scheduled jobs are trusted.
	is_request boolean := current_user in ('anon', 'authenticated');
	is_moderator boolean := public.has_role('moderator');
begin
	if tg_op = 'UPDATE' then
		new.created_by := old.created_by;
		new.created_at := old.created_at;
		if new.status is distinct from old.status then
			if not public.organization_status_transition_allowed(old.status, new.status) then
				raise exception 'organization status cannot change from % to %', old.status, new.status
					using errcode = '23514';
			end if;
			if is_request and not is_moderator
				and not public.organization_status_transition_by_member(old.status, new.status) then
				raise exception 'only a moderator may change status from % to %', old.status, new.status
					using errcode = '42501';
			end if;
			-- Resuming or publishing is a confirmation that the entry is still valid.
			if new.status = 'active' and new.assured_date is not distinct from old.assured_date then
				new.assured_date := current_date;
			end if;
		end if;
		if is_request and not is_moderator and (
			new.trust_tier is distinct from old.trust_tier
			or new.vouched_by_organization_id is distinct from old.vouched_by_organization_id
			or new.vouched_at is distinct from old.vouched_at
		) then
			raise exception 'only a moderator may change the trust tier'
				using errcode = '42501';
		end if;
		if new.vouched_by_organization_id is distinct from old.vouched_by_organization_id then
			new.vouched_at := case when new.vouched_by_organization_id is null then null else now() end;
		end if;
	else
		if new.vouched_by_organization_id is not null and new.vouched_at is null then
			new.vouched_at := now();
		end if;
	end if;
	return new;
end;
$$;
comment on function public.organizations_guard() is
	'Trigger: enforces the status life cycle, keeps publishing and trust changes for moderators, stamps vouched_at and assured_date.';

create trigger organizations_guard before insert or update on public.organizations
	for each row execute function public.organizations_guard();
create trigger organizations_set_updated_at before update on public.organizations
	for each row execute function public.set_updated_at();

create function public.organizations_add_creator() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.created_by is not null then
		insert into public.organization_members (organization_id, user_id, member_role)
		values (new.id, new.created_by, 'owner')
		on conflict do nothing;
	end if;
	return null;
end;
$$;
comment on function public.organizations_add_creator() is
	'Trigger: the user who registers an organization becomes its owner.';

create trigger organizations_add_creator after insert on public.organizations
	for each row execute function public.organizations_add_creator();

create table public.services (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	name text not null check (char_length(btrim(name)) between 2 and 200),
	description_fr text check (char_length(description_fr) between 1 and 2000),
	description_nl text check (char_length(description_nl) between 1 and 2000),
	description_en text check (char_length(description_en) between 1 and 2000),
	support_kinds text[] not null check (cardinality(support_kinds) between 1 and 20),
	target_groups text[] not null default '{}' check (cardinality(target_groups) <= 20),
	-- ISO 639-1 where it exists, else 639-3 (or the collective 639-5 code ber).
	languages text[] not null check (
		cardinality(languages) between 1 and 30
		and array_to_string(languages, ',') ~ '^[a-z]{2,3}(,[a-z]{2,3})*$'
	),
	eligibility_description text check (char_length(eligibility_description) between 1 and 1000),
	accessibility text check (char_length(accessibility) between 1 and 500),
	cost text not null default 'free' check (cost in ('free', 'contribution', 'paid')),
	cost_note text check (char_length(cost_note) between 1 and 300),
	accepting_new text not null default 'open' check (accepting_new in ('open', 'waitlist', 'full')),
	-- OpenStreetMap opening_hours syntax, parsed in TypeScript.
	schedules text check (char_length(schedules) between 1 and 500),
	schedule_kind text not null default 'hours'
		check (schedule_kind in ('hours', 'by_appointment', 'irregular')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (id, organization_id),
	check (schedule_kind <> 'hours' or schedules is not null)
);
alter table public.services enable row level security;
create index services_organization_id_idx on public.services (organization_id);
create index services_support_kinds_idx on public.services using gin (support_kinds);
create index services_target_groups_idx on public.services using gin (target_groups);
create index services_languages_idx on public.services using gin (languages);
comment on table public.services is
	'What an organization offers to people (HSDS service): support kinds, target groups, languages, cost, schedule, whether it accepts new people.';

create function public.services_validate_codes() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	unknown text;
begin
	select u.kind_code into unknown
	from unnest(new.support_kinds) as u (kind_code)
	where not exists (select 1 from public.support_kinds k where k.code = u.kind_code)
	limit 1;
	if unknown is not null then
		raise exception 'unknown support kind %', unknown using errcode = '23503';
	end if;
	select u.group_code into unknown
	from unnest(new.target_groups) as u (group_code)
	where not exists (select 1 from public.target_groups g where g.code = u.group_code)
	limit 1;
	if unknown is not null then
		raise exception 'unknown target group %', unknown using errcode = '23503';
	end if;
	return new;
end;
$$;
comment on function public.services_validate_codes() is
	'Trigger: the array columns support_kinds and target_groups may hold only taxonomy codes (foreign keys cannot reach array elements).';

create trigger services_validate_codes before insert or update on public.services
	for each row execute function public.services_validate_codes();
create trigger services_set_updated_at before update on public.services
	for each row execute function public.set_updated_at();

create table public.locations (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	name text check (char_length(name) between 1 and 200),
	address text check (char_length(address) between 1 and 300),
	location_precision text not null default 'exact'
		check (location_precision in ('exact', 'street', 'quartier')),
	lon double precision not null check (lon between 4.24 and 4.49),
	lat double precision not null check (lat between 50.76 and 50.92),
	-- Computed at write time with quartierAt (Turf point in polygon).
	mdrc integer not null references public.quartiers (mdrc),
	service_area_mdrc integer[] not null default '{}' check (cardinality(service_area_mdrc) <= 145),
	partner_venue_name text check (char_length(partner_venue_name) between 1 and 200),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (id, organization_id),
	check (location_precision <> 'quartier' or address is null)
);
alter table public.locations enable row level security;
create index locations_organization_id_idx on public.locations (organization_id);
create index locations_mdrc_idx on public.locations (mdrc);
comment on table public.locations is
	'Where a service happens (HSDS location): a public point, its precision and its quartier; quartier-only locations carry the quartier''s representative point, never a private address.';

create function public.locations_prepare() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	unknown integer;
begin
	if new.location_precision = 'quartier' then
		-- Privacy: the exact point of a home meeting is never stored.
		select q.point_lon, q.point_lat into new.lon, new.lat
		from public.quartiers q
		where q.mdrc = new.mdrc;
		new.address := null;
	end if;
	select u.area_mdrc into unknown
	from unnest(new.service_area_mdrc) as u (area_mdrc)
	where not exists (select 1 from public.quartiers q where q.mdrc = u.area_mdrc)
	limit 1;
	if unknown is not null then
		raise exception 'unknown quartier % in service area', unknown using errcode = '23503';
	end if;
	return new;
end;
$$;
comment on function public.locations_prepare() is
	'Trigger: a quartier-only location gets its quartier''s representative point instead of the submitted one; service_area_mdrc may hold only quartier codes.';

create trigger locations_prepare before insert or update on public.locations
	for each row execute function public.locations_prepare();
create trigger locations_set_updated_at before update on public.locations
	for each row execute function public.set_updated_at();

create table public.service_at_location (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null,
	service_id uuid not null,
	location_id uuid not null,
	created_at timestamptz not null default now(),
	unique (service_id, location_id),
	foreign key (service_id, organization_id)
		references public.services (id, organization_id) on delete cascade,
	foreign key (location_id, organization_id)
		references public.locations (id, organization_id) on delete cascade
);
alter table public.service_at_location enable row level security;
create index service_at_location_organization_id_idx on public.service_at_location (organization_id);
create index service_at_location_location_id_idx on public.service_at_location (location_id);
comment on table public.service_at_location is
	'Which service happens at which location (HSDS service_at_location); both belong to the same organization.';

create table public.contact_channels (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	service_id uuid,
	kind text not null check (kind in ('phone', 'email', 'website', 'whatsapp', 'relay')),
	value text not null check (char_length(value) between 3 and 300),
	label text check (char_length(label) between 1 and 100),
	public boolean not null default false,
	sort_order integer not null default 0,
	created_at timestamptz not null default now(),
	foreign key (service_id, organization_id)
		references public.services (id, organization_id) on delete cascade,
	check (
		case kind
			when 'email' then value ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
			when 'phone' then value ~ '^\+?[0-9][0-9 ./()-]{5,24}$'
			when 'whatsapp' then value ~ '^\+?[0-9][0-9 ./()-]{5,24}$'
			when 'website' then value ~ '^https?://[^[:space:]]+$'
			else true
		end
	)
);
alter table public.contact_channels enable row level security;
create index contact_channels_organization_id_idx on public.contact_channels (organization_id);
create index contact_channels_service_id_idx on public.contact_channels (service_id);
comment on table public.contact_channels is
	'How to reach an organization or one of its services. public = false means: shown only to signed-in social workers, moderators and the organization''s members (e.g. a professionals-only line or a volunteer''s number).';

-- Write privileges: anonymous callers never write the directory; RLS decides for the rest.
revoke insert, update, delete, truncate, references, trigger
	on public.organizations, public.organization_members, public.services, public.locations,
	public.service_at_location, public.contact_channels
	from anon;
revoke truncate, references, trigger
	on public.organizations, public.organization_members, public.services, public.locations,
	public.service_at_location, public.contact_channels
	from authenticated;
revoke all on public.organization_members from anon;

-- organizations
create policy organizations_select_anon on public.organizations
	for select to anon
	using (status in ('active', 'paused', 'dormant'));
comment on policy organizations_select_anon on public.organizations is
	'Anonymous visitors read published organizations only.';

create policy organizations_select_authenticated on public.organizations
	for select to authenticated
	using (
		status in ('active', 'paused', 'dormant')
		or id in (select public.member_organization_ids())
		or created_by = (select auth.uid())
		or (select public.has_role('moderator'))
		or (select public.has_role('admin'))
	);
comment on policy organizations_select_authenticated on public.organizations is
	'Signed-in users read published organizations, their own in any status, and moderators and admins read all.';

create policy organizations_insert on public.organizations
	for insert to authenticated
	with check (
		(select public.has_role('moderator'))
		or (
			(select public.has_role('org_editor'))
			and created_by = (select auth.uid())
			and status = 'pending'
			and trust_tier = 'self_declared'
			and vouched_by_organization_id is null
		)
	);
comment on policy organizations_insert on public.organizations is
	'Org editors register organizations as pending and self-declared; moderators may register in any state.';

create policy organizations_update on public.organizations
	for update to authenticated
	using (id in (select public.member_organization_ids()) or (select public.has_role('moderator')))
	with check (
		id in (select public.member_organization_ids()) or (select public.has_role('moderator'))
	);
comment on policy organizations_update on public.organizations is
	'Members edit their organization and moderators any; status and trust changes are further restricted by the organizations_guard trigger.';

create policy organizations_delete on public.organizations
	for delete to authenticated
	using (
		(status in ('pending', 'rejected') and id in (select public.owned_organization_ids()))
		or (select public.has_role('admin'))
	);
comment on policy organizations_delete on public.organizations is
	'Owners may delete a registration that was never published; published entries are archived, not deleted (admins excepted).';

-- organization_members
create policy organization_members_select on public.organization_members
	for select to authenticated
	using (
		user_id = (select auth.uid())
		or organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
		or (select public.has_role('admin'))
	);
comment on policy organization_members_select on public.organization_members is
	'Members see who else belongs to their organizations; moderators and admins see all memberships.';

create policy organization_members_insert on public.organization_members
	for insert to authenticated
	with check (
		organization_id in (select public.owned_organization_ids())
		or (select public.has_role('moderator'))
		or (select public.has_role('admin'))
	);
comment on policy organization_members_insert on public.organization_members is
	'Owners add members to their organizations; moderators and admins to any.';

create policy organization_members_update on public.organization_members
	for update to authenticated
	using (
		organization_id in (select public.owned_organization_ids())
		or (select public.has_role('admin'))
	)
	with check (
		organization_id in (select public.owned_organization_ids())
		or (select public.has_role('admin'))
	);
comment on policy organization_members_update on public.organization_members is
	'Owners change member roles in their organizations; admins in any.';

create policy organization_members_delete on public.organization_members
	for delete to authenticated
	using (
		user_id = (select auth.uid())
		or organization_id in (select public.owned_organization_ids())
		or (select public.has_role('moderator'))
		or (select public.has_role('admin'))
	);
comment on policy organization_members_delete on public.organization_members is
	'A member may leave; owners remove members; moderators and admins remove anyone.';

-- services: visible when their organization is visible to the caller (the subquery runs under
-- the caller's organizations policies), written by members and moderators.
create policy services_select on public.services
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy services_select on public.services is
	'A service is readable exactly when its organization is readable by the caller.';

create policy services_insert on public.services
	for insert to authenticated
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy services_insert on public.services is
	'Members add services to their organizations; moderators to any.';

create policy services_update on public.services
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy services_update on public.services is
	'Members edit their organizations'' services; moderators any.';

create policy services_delete on public.services
	for delete to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy services_delete on public.services is
	'Members remove their organizations'' services; moderators any.';

-- locations
create policy locations_select on public.locations
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy locations_select on public.locations is
	'A location is readable exactly when its organization is readable by the caller; quartier-only locations hold no private point to read.';

create policy locations_insert on public.locations
	for insert to authenticated
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy locations_insert on public.locations is
	'Members add locations to their organizations; moderators to any.';

create policy locations_update on public.locations
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy locations_update on public.locations is
	'Members edit their organizations'' locations; moderators any.';

create policy locations_delete on public.locations
	for delete to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy locations_delete on public.locations is
	'Members remove their organizations'' locations; moderators any.';

-- service_at_location
create policy service_at_location_select on public.service_at_location
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy service_at_location_select on public.service_at_location is
	'A service-location link is readable exactly when its organization is readable by the caller.';

create policy service_at_location_insert on public.service_at_location
	for insert to authenticated
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy service_at_location_insert on public.service_at_location is
	'Members link their services and locations; moderators any.';

create policy service_at_location_update on public.service_at_location
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy service_at_location_update on public.service_at_location is
	'Members relink their services and locations; moderators any.';

create policy service_at_location_delete on public.service_at_location
	for delete to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy service_at_location_delete on public.service_at_location is
	'Members unlink their services and locations; moderators any.';

-- contact_channels
create policy contact_channels_select_anon on public.contact_channels
	for select to anon
	using (public and exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy contact_channels_select_anon on public.contact_channels is
	'Anonymous visitors read only public channels of published organizations.';

create policy contact_channels_select_authenticated on public.contact_channels
	for select to authenticated
	using (
		exists (select 1 from public.organizations o where o.id = organization_id)
		and (
			public
			or organization_id in (select public.member_organization_ids())
			or (select public.has_role('social_worker'))
			or (select public.has_role('moderator'))
			or (select public.has_role('admin'))
		)
	);
comment on policy contact_channels_select_authenticated on public.contact_channels is
	'Signed-in users read public channels of organizations they can see; non-public ones only social workers, moderators, admins and the organization''s members.';

create policy contact_channels_insert on public.contact_channels
	for insert to authenticated
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy contact_channels_insert on public.contact_channels is
	'Members add channels to their organizations; moderators to any.';

create policy contact_channels_update on public.contact_channels
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy contact_channels_update on public.contact_channels is
	'Members edit their organizations'' channels; moderators any.';

create policy contact_channels_delete on public.contact_channels
	for delete to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy contact_channels_delete on public.contact_channels is
	'Members remove their organizations'' channels; moderators any.';
