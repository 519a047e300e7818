-- Moderation and upkeep: the append-only organization history, change requests on published
-- entries, anonymous error reports from the public, and quartier surveys (an organization
-- recording that it checked a quartier for offers, so "nothing here" can be told apart from
-- "nobody looked"). Error reports carry no name, e-mail or IP address by design.

create table public.organization_history (
	id bigint generated always as identity primary key,
	organization_id uuid not null references public.organizations (id) on delete cascade,
	actor_id uuid default auth.uid() references auth.users (id) on delete set null,
	action text not null check (
		action in (
			'created', 'status_changed', 'trust_changed', 'note', 'change_requested', 'confirmed'
		)
	),
	diff jsonb not null default '{}' check (jsonb_typeof(diff) = 'object'),
	note text check (char_length(note) between 1 and 1000),
	created_at timestamptz not null default now()
);
alter table public.organization_history enable row level security;
create index organization_history_organization_id_idx
	on public.organization_history (organization_id, created_at);
create index organization_history_actor_id_idx on public.organization_history (actor_id);
comment on table public.organization_history is
	'Append-only log of what happened to an organization: who, when, what, and the changed values. There are no update or delete policies.';

create function public.organizations_record_history() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		insert into public.organization_history (organization_id, actor_id, action, diff)
		values (
			new.id, (select auth.uid()), 'created',
			jsonb_build_object('status', new.status, 'trust_tier', new.trust_tier)
		);
		return null;
	end if;
	if new.status is distinct from old.status then
		insert into public.organization_history (organization_id, actor_id, action, diff)
		values (
			new.id, (select auth.uid()), 'status_changed',
			jsonb_build_object('status', jsonb_build_array(old.status, new.status))
		);
	end if;
	if new.trust_tier is distinct from old.trust_tier
		or new.vouched_by_organization_id is distinct from old.vouched_by_organization_id then
		insert into public.organization_history (organization_id, actor_id, action, diff)
		values (
			new.id, (select auth.uid()), 'trust_changed',
			jsonb_build_object(
				'trust_tier', jsonb_build_array(old.trust_tier, new.trust_tier),
				'vouched_by_organization_id',
				jsonb_build_array(old.vouched_by_organization_id, new.vouched_by_organization_id)
			)
		);
	end if;
	if new.assured_date is distinct from old.assured_date and new.status is not distinct from old.status then
		insert into public.organization_history (organization_id, actor_id, action, diff)
		values (
			new.id, (select auth.uid()), 'confirmed',
			jsonb_build_object('assured_date', jsonb_build_array(old.assured_date, new.assured_date))
		);
	end if;
	return null;
end;
$$;
comment on function public.organizations_record_history() is
	'Trigger: writes creation, status, trust and confirmation changes of organizations to organization_history, whoever made them.';

create trigger organizations_record_history after insert or update on public.organizations
	for each row execute function public.organizations_record_history();

create table public.change_requests (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	service_id uuid,
	location_id uuid,
	requested_by uuid default auth.uid() references auth.users (id) on delete set null,
	changes jsonb not null default '{}' check (jsonb_typeof(changes) = 'object'),
	note text check (char_length(note) between 1 and 2000),
	status text not null default 'pending'
		check (status in ('pending', 'applied', 'rejected', 'withdrawn')),
	decided_by uuid references auth.users (id) on delete set null,
	decided_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	foreign key (service_id, organization_id)
		references public.services (id, organization_id) on delete cascade,
	foreign key (location_id, organization_id)
		references public.locations (id, organization_id) on delete cascade,
	check (changes <> '{}'::jsonb or note is not null)
);
alter table public.change_requests enable row level security;
create index change_requests_organization_id_idx on public.change_requests (organization_id);
create index change_requests_requested_by_idx on public.change_requests (requested_by);
create index change_requests_status_idx on public.change_requests (status);
comment on table public.change_requests is
	'Proposed changes to a published entry (by its members) or changes a moderator asks for, awaiting a decision.';

create trigger change_requests_set_updated_at before update on public.change_requests
	for each row execute function public.set_updated_at();

create table public.error_reports (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	service_id uuid,
	location_id uuid,
	kind text not null check (
		kind in (
			'closed', 'wrong_contact', 'wrong_address', 'wrong_schedule', 'wrong_description', 'other'
		)
	),
	message text check (char_length(message) between 1 and 1000),
	status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
	created_at timestamptz not null default now(),
	resolved_at timestamptz,
	foreign key (service_id, organization_id)
		references public.services (id, organization_id) on delete cascade,
	foreign key (location_id, organization_id)
		references public.locations (id, organization_id) on delete cascade,
	check ((status = 'open') = (resolved_at is null))
);
alter table public.error_reports enable row level security;
create index error_reports_organization_id_idx on public.error_reports (organization_id, status);
comment on table public.error_reports is
	'Anonymous reports that a published entry is wrong. Deliberately without name, e-mail or IP address columns.';

create table public.quartier_surveys (
	id uuid primary key default gen_random_uuid(),
	mdrc integer not null references public.quartiers (mdrc),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	checked_on date not null check (checked_on >= date '2020-01-01'),
	note text check (char_length(note) between 1 and 1000),
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now()
);
alter table public.quartier_surveys enable row level security;
create index quartier_surveys_mdrc_idx on public.quartier_surveys (mdrc, checked_on);
create index quartier_surveys_organization_id_idx on public.quartier_surveys (organization_id);
comment on table public.quartier_surveys is
	'An organization''s statement that it checked a quartier for offers on a date, so coverage maps can tell "no offer" from "not surveyed".';

revoke all on public.organization_history, public.change_requests from anon;
revoke update, delete, truncate, references, trigger on public.organization_history
	from authenticated;
revoke delete, truncate, references, trigger on public.change_requests from authenticated;
revoke select, update, delete, truncate, references, trigger on public.error_reports from anon;
grant insert on public.error_reports to anon;
revoke delete, truncate, references, trigger on public.error_reports from authenticated;
revoke insert, update, delete, truncate, references, trigger on public.quartier_surveys from anon;
revoke truncate, references, trigger on public.quartier_surveys from authenticated;

-- organization_history: readable by the organization's members and by moderators; written by
-- the trigger above and by moderators' notes; never updated or deleted.
create policy organization_history_select on public.organization_history
	for select to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
		or (select public.has_role('admin'))
	);
comment on policy organization_history_select on public.organization_history is
	'Members read their organization''s history; moderators and admins read all history.';

create policy organization_history_insert on public.organization_history
	for insert to authenticated
	with check ((select public.has_role('moderator')) and actor_id = (select auth.uid()));
comment on policy organization_history_insert on public.organization_history is
	'Moderators add entries in their own name; automatic entries come from a trigger.';

-- change_requests
create policy change_requests_select on public.change_requests
	for select to authenticated
	using (
		requested_by = (select auth.uid())
		or organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy change_requests_select on public.change_requests is
	'The requester, the organization''s members and moderators read a change request.';

create policy change_requests_insert on public.change_requests
	for insert to authenticated
	with check (
		requested_by = (select auth.uid())
		and status = 'pending'
		and decided_by is null
		and (
			organization_id in (select public.member_organization_ids())
			or (select public.has_role('moderator'))
		)
	);
comment on policy change_requests_insert on public.change_requests is
	'Members propose changes to their organization''s entries and moderators ask for changes, always as pending and in their own name.';

create policy change_requests_update_moderator on public.change_requests
	for update to authenticated
	using ((select public.has_role('moderator')))
	with check ((select public.has_role('moderator')));
comment on policy change_requests_update_moderator on public.change_requests is
	'Moderators decide on change requests.';

create policy change_requests_update_requester on public.change_requests
	for update to authenticated
	using (requested_by = (select auth.uid()) and status = 'pending')
	with check (
		requested_by = (select auth.uid()) and status in ('pending', 'withdrawn') and decided_by is null
	);
comment on policy change_requests_update_requester on public.change_requests is
	'The requester edits or withdraws their own pending request.';

-- error_reports
create policy error_reports_insert on public.error_reports
	for insert to anon, authenticated
	with check (
		status = 'open'
		and exists (
			select 1 from public.organizations o
			where o.id = organization_id and o.status in ('active', 'paused', 'dormant')
		)
	);
comment on policy error_reports_insert on public.error_reports is
	'Anyone, signed in or not, reports an error on a published entry; reports start open.';

create policy error_reports_select on public.error_reports
	for select to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy error_reports_select on public.error_reports is
	'The organization''s members and moderators read error reports; reporters cannot read them back.';

create policy error_reports_update on public.error_reports
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy error_reports_update on public.error_reports is
	'The organization''s members and moderators resolve or dismiss error reports.';

-- quartier_surveys
create policy quartier_surveys_select on public.quartier_surveys
	for select to anon, authenticated
	using (exists (select 1 from public.organizations o where o.id = organization_id));
comment on policy quartier_surveys_select on public.quartier_surveys is
	'A survey is readable when its organization is readable by the caller.';

create policy quartier_surveys_insert on public.quartier_surveys
	for insert to authenticated
	with check (
		created_by = (select auth.uid())
		and (
			organization_id in (select public.member_organization_ids())
			or (select public.has_role('moderator'))
		)
	);
comment on policy quartier_surveys_insert on public.quartier_surveys is
	'Members record surveys for their organization, moderators for any, in their own name.';

create policy quartier_surveys_update on public.quartier_surveys
	for update to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	)
	with check (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy quartier_surveys_update on public.quartier_surveys is
	'Members correct their organization''s surveys; moderators any.';

create policy quartier_surveys_delete on public.quartier_surveys
	for delete to authenticated
	using (
		organization_id in (select public.member_organization_ids())
		or (select public.has_role('moderator'))
	);
comment on policy quartier_surveys_delete on public.quartier_surveys is
	'Members remove their organization''s surveys; moderators any.';
