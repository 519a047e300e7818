-- Content and trust integrity: the database, not the app, keeps published entries moderated,
-- trust tiers meaningful and "confirmed on" dates real.
-- * A published (active, paused, dormant) organization that is not verified changes its content
--   (organization fields, services, locations, service_at_location, contact channels) only
--   through a change request a moderator applies. Drafts (pending, rejected) stay editable by
--   their members; verified organizations keep direct editing; moderators edit entries they are
--   not a member of.
-- * Change requests are frozen once submitted (no updates through the API): the requester may
--   withdraw one, a moderator applies or rejects it, each through a function. Applying derives
--   every target row from the request's own organization and its service_id column, never from
--   ids inside `changes`, whose shape is checked when the request is submitted.
-- * assured_date changes only through a liveness answer or confirm_organization_active; a
--   liveness link answers once.
-- * verified is for admins; a vouch names one of the moderator's own organizations; nobody
--   publishes, vouches for or verifies an organization they are a member of; organizations
--   inserted through the API start pending and self-declared, whoever inserts them.
-- * register_organization writes a whole registration in one transaction.
-- Errors carry a stable reason in HINT (e.g. moderation_required) that the app translates.
-- Functions running as their owner (security definer) are the sanctioned paths: the triggers
-- below only restrict requests that run as anon or authenticated.

-- Who may change an organization's content directly ---------------------------------------------

create function public.organization_content_locked(p_organization_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1
		from public.organizations o
		where o.id = p_organization_id
			and o.status in ('active', 'paused', 'dormant')
			and o.trust_tier <> 'verified'
			and not (
				public.has_role('moderator')
				and not exists (
					select 1 from public.organization_members m
					where m.organization_id = o.id and m.user_id = (select auth.uid())
				)
			)
	);
$$;
comment on function public.organization_content_locked(uuid) is
	'True when the caller may not change the organization''s content directly: it is published and not verified, and the caller is not a moderator outside the organization. Such changes go through a change request.';
revoke all on function public.organization_content_locked(uuid) from public;
grant execute on function public.organization_content_locked(uuid) to anon, authenticated;

create function public.directory_content_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	affected uuid[] := '{}';
	org uuid;
begin
	-- Requests through the API run as anon/authenticated; functions running as their owner
	-- (registration, applying a change request) and scheduled jobs are the sanctioned paths.
	if current_user not in ('anon', 'authenticated') then
		return case when tg_op = 'DELETE' then old else new end;
	end if;
	if tg_op in ('UPDATE', 'DELETE') then
		affected := affected || old.organization_id;
	end if;
	if tg_op in ('INSERT', 'UPDATE') then
		affected := affected || new.organization_id;
	end if;
	foreach org in array affected loop
		if public.organization_content_locked(org) then
			raise exception 'a published entry changes through a change request'
				using errcode = '42501', hint = 'moderation_required';
		end if;
	end loop;
	return case when tg_op = 'DELETE' then old else new end;
end;
$$;
comment on function public.directory_content_guard() is
	'Trigger on services, locations, service_at_location and contact_channels: refuses direct writes by API requests to a published, unverified organization''s content (see organization_content_locked).';

create trigger services_content_guard before insert or update or delete on public.services
	for each row execute function public.directory_content_guard();
create trigger locations_content_guard before insert or update or delete on public.locations
	for each row execute function public.directory_content_guard();
create trigger service_at_location_content_guard
	before insert or update or delete on public.service_at_location
	for each row execute function public.directory_content_guard();
create trigger contact_channels_content_guard
	before insert or update or delete on public.contact_channels
	for each row execute function public.directory_content_guard();

-- Organizations: content, freshness and trust ---------------------------------------------------

create function public.organizations_content_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	is_member boolean;
begin
	if current_user not in ('anon', 'authenticated') then
		return new;
	end if;
	if tg_op = 'INSERT' then
		-- Whoever inserts through the API (moderators too), an entry starts as a draft.
		if new.status <> 'pending' or new.trust_tier <> 'self_declared'
			or new.vouched_by_organization_id is not null or new.assured_date is not null
			or new.paused_until is not null then
			raise exception 'a new organization starts pending and self-declared'
				using errcode = '42501', hint = 'starts_pending';
		end if;
		return new;
	end if;
	is_member := old.id in (select public.member_organization_ids());
	if (
		new.name, new.alternate_name, new.description_fr, new.description_nl, new.description_en,
		new.legal_status, new.category
	) is distinct from (
		old.name, old.alternate_name, old.description_fr, old.description_nl, old.description_en,
		old.legal_status, old.category
	) and public.organization_content_locked(old.id) then
		raise exception 'a published entry changes through a change request'
			using errcode = '42501', hint = 'moderation_required';
	end if;
	-- Runs before organizations_guard, which stamps assured_date when an entry (re)becomes active.
	if new.assured_date is distinct from old.assured_date then
		raise exception 'assured_date changes only through a confirmation'
			using errcode = '42501', hint = 'confirmation_required';
	end if;
	if new.status is distinct from old.status and is_member
		and not public.organization_status_transition_by_member(old.status, new.status) then
		raise exception 'a member cannot change the status of their own organization from % to %',
			old.status, new.status
			using errcode = '42501', hint = 'own_organization';
	end if;
	if (new.trust_tier, new.vouched_by_organization_id) is distinct from
		(old.trust_tier, old.vouched_by_organization_id) then
		if is_member then
			raise exception 'nobody changes the trust tier of their own organization'
				using errcode = '42501', hint = 'own_organization';
		end if;
		if (new.trust_tier = 'verified' or old.trust_tier = 'verified')
			and not public.has_role('admin') then
			raise exception 'only an admin verifies an organization'
				using errcode = '42501', hint = 'admin_only';
		end if;
		if new.vouched_by_organization_id is not null
			and new.vouched_by_organization_id is distinct from old.vouched_by_organization_id
			and new.vouched_by_organization_id not in (select public.member_organization_ids()) then
			raise exception 'a vouch names one of your own organizations'
				using errcode = '42501', hint = 'vouch_own_only';
		end if;
	end if;
	return new;
end;
$$;
comment on function public.organizations_content_guard() is
	'Trigger on organizations (before organizations_guard): API inserts start pending and self-declared; content of published unverified entries changes only through change requests; assured_date only through confirmations; members neither publish nor change the trust of their own organization; verified is for admins; a vouch names one of the caller''s organizations.';

create trigger organizations_content_guard before insert or update on public.organizations
	for each row execute function public.organizations_content_guard();

-- Freshness: "still active" ------------------------------------------------------------------

create function public.confirm_organization_active(p_organization_id uuid) returns date
language plpgsql
security definer
set search_path = ''
as $$
declare
	current_status text;
begin
	if p_organization_id is null
		or p_organization_id not in (select public.member_organization_ids()) then
		raise exception 'only a member confirms their organization'
			using errcode = '42501', hint = 'not_member';
	end if;
	select o.status into current_status from public.organizations o where o.id = p_organization_id
		for update;
	if current_status not in ('active', 'paused', 'dormant') then
		raise exception 'only a published entry is confirmed'
			using errcode = '22023', hint = 'not_published';
	end if;
	-- A dormant entry that is confirmed is active again (organizations_guard allows it).
	update public.organizations o
	set assured_date = current_date,
		status = case when o.status = 'dormant' then 'active' else o.status end
	where o.id = p_organization_id;
	return current_date;
end;
$$;
comment on function public.confirm_organization_active(uuid) is
	'A member states that their published organization is still active: assured_date becomes today (a dormant entry becomes active). The only way besides a liveness answer to change assured_date.';
revoke all on function public.confirm_organization_active(uuid) from public, anon;
grant execute on function public.confirm_organization_active(uuid) to authenticated;

create function nabij_private.liveness_checks_answer_once() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if old.answered_at is not null then
		raise exception 'liveness link already answered'
			using errcode = '22023', hint = 'already_answered';
	end if;
	return new;
end;
$$;
comment on function nabij_private.liveness_checks_answer_once() is
	'Trigger: an answered liveness check is never changed again, so a link answers once.';

create trigger liveness_checks_answer_once before update on nabij_private.liveness_checks
	for each row execute function nabij_private.liveness_checks_answer_once();

create or replace function public.liveness_answer(p_nonce text, p_answer text, p_paused_until date)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	chk record;
	current_status text;
	next_status text;
begin
	select c.id, c.organization_id, c.expires_at, c.answered_at into chk
	from nabij_private.liveness_checks c
	where c.nonce_hash = nabij_private.hash_text(p_nonce)
	for update;
	if chk.id is null then
		raise exception 'unknown liveness link' using errcode = '22023', hint = 'invalid_link';
	end if;
	if chk.answered_at is not null then
		raise exception 'liveness link already answered'
			using errcode = '22023', hint = 'already_answered';
	end if;
	if chk.expires_at <= now() then
		raise exception 'liveness link expired' using errcode = '22023', hint = 'expired_link';
	end if;
	if p_answer not in ('active', 'paused', 'stopped') then
		raise exception 'invalid answer' using errcode = '22023';
	end if;
	if p_answer = 'paused' and (
		p_paused_until is null or p_paused_until <= current_date
		or p_paused_until > current_date + 366
	) then
		raise exception 'a pause needs a return date within a year' using errcode = '22023';
	end if;
	select o.status into current_status from public.organizations o where o.id = chk.organization_id;
	if current_status not in ('active', 'paused', 'dormant') then
		raise exception 'entry is no longer published'
			using errcode = '22023', hint = 'not_published';
	end if;
	next_status := case p_answer when 'active' then 'active' when 'paused' then 'paused' else 'closed' end;
	update public.organizations o
	set status = next_status,
		assured_date = case when p_answer = 'stopped' then o.assured_date else current_date end,
		paused_until = case when p_answer = 'paused' then p_paused_until else null end
	where o.id = chk.organization_id;
	update nabij_private.liveness_checks c
	set answer = p_answer, answered_at = now()
	where c.id = chk.id;
	return next_status;
end;
$$;
comment on function public.liveness_answer(text, text, date) is
	'Answers a "still active?" link once, without signing in: active confirms the entry (assured today), paused pauses it until a date, stopped closes it. Refuses unknown, expired and already answered links.';

-- Change requests: frozen when submitted, decided through functions ------------------------------

create function public.change_requests_validate() returns trigger
language plpgsql
set search_path = ''
as $$
declare
	part text;
	field text;
begin
	for part in select jsonb_object_keys(new.changes) loop
		if part not in ('organization', 'service')
			or jsonb_typeof(new.changes -> part) <> 'object' then
			raise exception 'a change request changes the organization or its service only'
				using errcode = '23514', hint = 'invalid_change';
		end if;
		for field in select jsonb_object_keys(new.changes -> part) loop
			if not (
				(part = 'organization' and field in (
					'name', 'alternate_name', 'description_fr', 'description_nl', 'description_en'
				))
				or (part = 'service' and field in (
					'accepting_new', 'eligibility_description', 'schedules', 'schedule_kind'
				))
			) or jsonb_typeof(new.changes -> part -> field) not in ('string', 'null') then
				raise exception 'a change request cannot change %.%', part, field
					using errcode = '23514', hint = 'invalid_change';
			end if;
		end loop;
	end loop;
	return new;
end;
$$;
comment on function public.change_requests_validate() is
	'Trigger: a change request''s changes hold only text values for the editable organization and service fields, never row ids; the target rows come from the request''s own organization.';

create trigger change_requests_validate before insert on public.change_requests
	for each row execute function public.change_requests_validate();

-- No update through the API: what a moderator reviews is what was submitted.
drop policy change_requests_update_moderator on public.change_requests;
drop policy change_requests_update_requester on public.change_requests;
revoke update on public.change_requests from authenticated;

create function public.withdraw_change_request(p_change_request_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	request record;
begin
	select cr.id, cr.requested_by, cr.status into request
	from public.change_requests cr
	where cr.id = p_change_request_id
	for update;
	if request.id is null or request.requested_by is distinct from (select auth.uid()) then
		raise exception 'only the requester withdraws a change request'
			using errcode = '42501', hint = 'not_requester';
	end if;
	if request.status <> 'pending' then
		raise exception 'the change request is no longer pending'
			using errcode = '22023', hint = 'change_not_pending';
	end if;
	update public.change_requests cr set status = 'withdrawn' where cr.id = request.id;
end;
$$;
comment on function public.withdraw_change_request(uuid) is
	'The requester withdraws their own pending change request.';
revoke all on function public.withdraw_change_request(uuid) from public, anon;
grant execute on function public.withdraw_change_request(uuid) to authenticated;

create function public.decide_change_request(p_change_request_id uuid, p_apply boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	request record;
	org_patch jsonb;
	service_patch jsonb;
	target_service uuid;
begin
	if not public.has_role('moderator') then
		raise exception 'only moderators decide on change requests'
			using errcode = '42501', hint = 'moderator_only';
	end if;
	select cr.* into request
	from public.change_requests cr
	where cr.id = p_change_request_id
	for update;
	if request.id is null then
		raise exception 'unknown change request' using errcode = '22023', hint = 'change_not_pending';
	end if;
	if request.organization_id in (select public.member_organization_ids()) then
		raise exception 'nobody decides on their own organization''s change request'
			using errcode = '42501', hint = 'own_organization';
	end if;
	if request.status <> 'pending' then
		raise exception 'the change request is no longer pending'
			using errcode = '22023', hint = 'change_not_pending';
	end if;
	if p_apply then
		org_patch := coalesce(request.changes -> 'organization', '{}'::jsonb);
		service_patch := coalesce(request.changes -> 'service', '{}'::jsonb);
		if org_patch <> '{}'::jsonb then
			update public.organizations o
			set name = case when org_patch ? 'name' then org_patch ->> 'name' else o.name end,
				alternate_name = case when org_patch ? 'alternate_name'
					then nullif(org_patch ->> 'alternate_name', '') else o.alternate_name end,
				description_fr = case when org_patch ? 'description_fr'
					then nullif(org_patch ->> 'description_fr', '') else o.description_fr end,
				description_nl = case when org_patch ? 'description_nl'
					then nullif(org_patch ->> 'description_nl', '') else o.description_nl end,
				description_en = case when org_patch ? 'description_en'
					then nullif(org_patch ->> 'description_en', '') else o.description_en end
			where o.id = request.organization_id;
		end if;
		if service_patch <> '{}'::jsonb then
			-- The request's own service (its foreign key keeps it in the organization), else the
			-- organization's first service.
			select s.id into target_service
			from public.services s
			where s.organization_id = request.organization_id
				and (request.service_id is null or s.id = request.service_id)
			order by s.created_at, s.id
			limit 1;
			if target_service is null then
				raise exception 'the organization has no service to change'
					using errcode = '22023', hint = 'invalid_change';
			end if;
			update public.services s
			set accepting_new = case when service_patch ? 'accepting_new'
					then service_patch ->> 'accepting_new' else s.accepting_new end,
				eligibility_description = case when service_patch ? 'eligibility_description'
					then nullif(service_patch ->> 'eligibility_description', '')
					else s.eligibility_description end,
				schedules = case when service_patch ? 'schedules'
					then nullif(service_patch ->> 'schedules', '') else s.schedules end,
				schedule_kind = case when service_patch ? 'schedule_kind'
					then service_patch ->> 'schedule_kind' else s.schedule_kind end
			where s.id = target_service;
		end if;
		insert into public.organization_history (organization_id, actor_id, action, note, diff)
		values (
			request.organization_id, (select auth.uid()), 'note', 'change request applied',
			jsonb_build_object('change_request_id', request.id) || request.changes
		);
	end if;
	update public.change_requests cr
	set status = case when p_apply then 'applied' else 'rejected' end,
		decided_by = (select auth.uid()),
		decided_at = now()
	where cr.id = request.id;
end;
$$;
comment on function public.decide_change_request(uuid, boolean) is
	'For moderators outside the organization: applies (p_apply) or rejects a pending change request exactly as submitted. Targets are the request''s organization and its service (the service_id column, else the first service), never ids inside changes.';
revoke all on function public.decide_change_request(uuid, boolean) from public, anon;
grant execute on function public.decide_change_request(uuid, boolean) to authenticated;

-- Registration in one transaction ----------------------------------------------------------------

create function public.register_organization(
	p_organization jsonb, p_service jsonb, p_location jsonb, p_channels jsonb
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	org_id uuid;
	service_id uuid;
	location_id uuid;
begin
	if me is null or not (public.has_role('org_editor') or public.has_role('moderator')) then
		raise exception 'only org editors register organizations'
			using errcode = '42501', hint = 'org_editor_only';
	end if;
	if jsonb_typeof(p_organization) <> 'object' or jsonb_typeof(p_service) <> 'object'
		or jsonb_typeof(p_location) <> 'object' or jsonb_typeof(p_channels) <> 'array'
		or jsonb_array_length(p_channels) > 20 then
		raise exception 'invalid registration' using errcode = '22023', hint = 'invalid';
	end if;
	insert into public.organizations (
		name, category, legal_status, description_fr, description_nl, description_en,
		created_by, status, trust_tier
	) values (
		p_organization ->> 'name', p_organization ->> 'category',
		p_organization ->> 'legal_status', p_organization ->> 'description_fr',
		p_organization ->> 'description_nl', p_organization ->> 'description_en',
		me, 'pending', 'self_declared'
	)
	returning id into org_id;
	-- organizations_add_creator made the caller its owner.
	insert into public.services (
		organization_id, name, description_fr, description_nl, description_en, support_kinds,
		target_groups, languages, eligibility_description, cost, cost_note, accepting_new,
		schedules, schedule_kind
	) values (
		org_id, p_organization ->> 'name', p_organization ->> 'description_fr',
		p_organization ->> 'description_nl', p_organization ->> 'description_en',
		array(select jsonb_array_elements_text(coalesce(p_service -> 'support_kinds', '[]'))),
		array(select jsonb_array_elements_text(coalesce(p_service -> 'target_groups', '[]'))),
		array(select jsonb_array_elements_text(coalesce(p_service -> 'languages', '[]'))),
		p_service ->> 'eligibility_description', coalesce(p_service ->> 'cost', 'free'),
		p_service ->> 'cost_note', coalesce(p_service ->> 'accepting_new', 'open'),
		p_service ->> 'schedules', coalesce(p_service ->> 'schedule_kind', 'hours')
	)
	returning id into service_id;
	insert into public.locations (
		organization_id, name, address, location_precision, lon, lat, mdrc, partner_venue_name
	) values (
		org_id, p_location ->> 'name', p_location ->> 'address',
		coalesce(p_location ->> 'location_precision', 'quartier'),
		(p_location ->> 'lon')::double precision, (p_location ->> 'lat')::double precision,
		(p_location ->> 'mdrc')::integer, p_location ->> 'partner_venue_name'
	)
	returning id into location_id;
	insert into public.service_at_location (organization_id, service_id, location_id)
	values (org_id, service_id, location_id);
	insert into public.contact_channels (organization_id, kind, value, public, sort_order)
	select org_id, c.value ->> 'kind', c.value ->> 'value',
		coalesce((c.value ->> 'public')::boolean, false), (c.ordinality - 1)::integer
	from jsonb_array_elements(p_channels) with ordinality as c (value, ordinality);
	return org_id;
end;
$$;
comment on function public.register_organization(jsonb, jsonb, jsonb, jsonb) is
	'Registers an organization in one transaction: the organization (pending, self-declared, created by and owned by the caller), one service named after it, one location, their link and the contact channels in the given order. For org editors and moderators.';
revoke all on function public.register_organization(jsonb, jsonb, jsonb, jsonb) from public, anon;
grant execute on function public.register_organization(jsonb, jsonb, jsonb, jsonb) to authenticated;
