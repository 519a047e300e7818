-- What people send and who belongs where, enforced for every client of the API, not only the app:
-- * Error reports: filed one at a time through report_error(), which throttles each source (an
--   account, or all anonymous callers together) per organization and hour; members of the
--   organization read and answer reports about it, only moderators close them; closed reports
--   are deleted after a retention period by the scheduled job.
-- * Need signals: at most a configured number per social worker per day; counts only over whole
--   weeks (a month is the weeks that start in it), never the current week, and never with a
--   minimum cell size below the configured floor.
-- * Memberships: nobody becomes a member but through an invitation they accept (or by
--   registering the organization); owners change roles, never user ids.
-- * Surveys: recorded by moderators, in their own name.
-- * quartier_surveys.created_by: hidden from signed-in callers too.
-- * Deleting an account deletes only entries that were never published; published ones stay,
--   with their history, and moderators maintain them.
-- Limits live in app_settings (readable by all, written by the service role) with defaults here.

-- Shared helpers ----------------------------------------------------------------------------------

create function nabij_private.setting_int(p_key text, p_default integer) returns integer
language sql
stable
set search_path = ''
as $$
	select coalesce(
		(select (s.value #>> '{}')::integer from public.app_settings s
			where s.key = p_key and jsonb_typeof(s.value) = 'number'),
		p_default
	);
$$;
comment on function nabij_private.setting_int(text, integer) is
	'An integer limit from app_settings, or the default when the operator has not set it.';

create table nabij_private.instance_salt (
	id boolean primary key default true check (id),
	salt text not null default replace(gen_random_uuid()::text, '-', '')
);
alter table nabij_private.instance_salt enable row level security;
insert into nabij_private.instance_salt default values;
comment on table nabij_private.instance_salt is
	'One random value per database, mixed into the hashes that identify a source for quotas, so quota rows do not hold user ids.';

create function nabij_private.source_hash(p_user_id uuid) returns text
language sql
stable
set search_path = ''
as $$
	select nabij_private.hash_text(
		(select s.salt from nabij_private.instance_salt s) || ':'
			|| coalesce(p_user_id::text, 'anonymous')
	);
$$;
comment on function nabij_private.source_hash(uuid) is
	'Salted hash naming who is counted against a quota: an account, or every anonymous caller together (null).';

-- Error reports -----------------------------------------------------------------------------------

alter table public.error_reports
	add column reply text check (char_length(reply) between 1 and 1000),
	add column replied_at timestamptz,
	add check ((reply is null) = (replied_at is null));
comment on column public.error_reports.reply is
	'The answer of the organization''s members or a moderator, shown to moderators when they close the report.';

drop policy error_reports_insert on public.error_reports;
drop policy error_reports_update on public.error_reports;
revoke insert, update on public.error_reports from anon, authenticated;

create index error_reports_resolved_at_idx on public.error_reports (resolved_at)
	where resolved_at is not null;

create table nabij_private.report_throttle (
	id bigint generated always as identity primary key,
	organization_id uuid not null references public.organizations (id) on delete cascade,
	source_hash text not null,
	filed_at timestamptz not null default now()
);
alter table nabij_private.report_throttle enable row level security;
create index report_throttle_source_idx
	on nabij_private.report_throttle (organization_id, source_hash, filed_at);
comment on table nabij_private.report_throttle is
	'When each source filed a report about an organization, for the hourly limit; not linked to the report, purged after a day.';

create function public.report_error(
	p_organization_id uuid,
	p_kind text,
	p_message text default null,
	p_service_id uuid default null,
	p_location_id uuid default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	source text := nabij_private.source_hash((select auth.uid()));
	hourly_limit integer := nabij_private.setting_int('error_reports_per_source_hour', 5);
	message text := nullif(btrim(p_message), '');
	report_id uuid;
begin
	if not exists (
		select 1 from public.organizations o
		where o.id = p_organization_id and o.status in ('active', 'paused', 'dormant')
	) then
		raise exception 'reports are about published entries' using errcode = '22023';
	end if;
	if char_length(message) > 1000 then
		raise exception 'a report message is at most 1000 characters' using errcode = '22001';
	end if;
	-- Two requests from one source must not both see room for one more report.
	perform pg_advisory_xact_lock(hashtextextended(p_organization_id::text || source, 0));
	if (
		select count(*) from nabij_private.report_throttle t
		where t.organization_id = p_organization_id and t.source_hash = source
			and t.filed_at > now() - interval '1 hour'
	) >= hourly_limit then
		-- PT429: PostgREST answers HTTP 429.
		raise exception 'too many reports about this entry; try again later' using errcode = 'PT429';
	end if;
	insert into public.error_reports (organization_id, service_id, location_id, kind, message)
	values (p_organization_id, p_service_id, p_location_id, p_kind, message)
	returning id into report_id;
	insert into nabij_private.report_throttle (organization_id, source_hash)
	values (p_organization_id, source);
	return report_id;
end;
$$;
comment on function public.report_error(uuid, text, text, uuid, uuid) is
	'Files one error report about a published entry, for anyone. A source (an account, or all anonymous callers together) files at most error_reports_per_source_hour (default 5) per organization per hour; the message is trimmed and at most 1000 characters.';
revoke all on function public.report_error(uuid, text, text, uuid, uuid) from public;
grant execute on function public.report_error(uuid, text, text, uuid, uuid) to anon, authenticated;

create function public.answer_error_report(p_report_id uuid, p_reply text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	org uuid;
	answer_text text := nullif(btrim(p_reply), '');
begin
	select r.organization_id into org
	from public.error_reports r
	where r.id = p_report_id and r.status = 'open';
	if org is null
		or not (org in (select public.member_organization_ids()) or public.has_role('moderator')) then
		raise exception 'no open report of yours with this id' using errcode = '42501';
	end if;
	if answer_text is null or char_length(answer_text) > 1000 then
		raise exception 'an answer is 1 to 1000 characters' using errcode = '22023';
	end if;
	update public.error_reports r
	set reply = answer_text, replied_at = now()
	where r.id = p_report_id;
end;
$$;
comment on function public.answer_error_report(uuid, text) is
	'The organization''s members (or a moderator) answer an open error report about it; closing is for moderators.';
revoke all on function public.answer_error_report(uuid, text) from public, anon;
grant execute on function public.answer_error_report(uuid, text) to authenticated;

create function public.close_error_report(p_report_id uuid, p_status text) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not public.has_role('moderator') then
		raise exception 'only moderators close error reports' using errcode = '42501';
	end if;
	if p_status not in ('resolved', 'dismissed') then
		raise exception 'a report closes as resolved or dismissed' using errcode = '22023';
	end if;
	update public.error_reports r
	set status = p_status, resolved_at = now()
	where r.id = p_report_id and r.status = 'open';
	if not found then
		raise exception 'no open report with this id' using errcode = '22023';
	end if;
end;
$$;
comment on function public.close_error_report(uuid, text) is
	'Moderators close an open error report as resolved or dismissed.';
revoke all on function public.close_error_report(uuid, text) from public, anon;
grant execute on function public.close_error_report(uuid, text) to authenticated;

create function public.purge_closed_error_reports(p_job_token text, p_retention_days integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	removed integer;
begin
	perform nabij_private.require_job_token(p_job_token);
	if p_retention_days not between 1 and 3650 then
		raise exception 'invalid retention period' using errcode = '22023';
	end if;
	delete from public.error_reports r
	where r.status <> 'open' and r.resolved_at < now() - make_interval(days => p_retention_days);
	get diagnostics removed = row_count;
	-- Quota bookkeeping is only needed for the current hour and day.
	delete from nabij_private.report_throttle t where t.filed_at < now() - interval '1 day';
	delete from nabij_private.need_signal_quota q where q.day < current_date - 1;
	return removed;
end;
$$;
comment on function public.purge_closed_error_reports(text, integer) is
	'For the scheduled job (job token): deletes error reports closed more than p_retention_days ago (data minimisation) and stale quota rows; returns how many reports.';
revoke all on function public.purge_closed_error_reports(text, integer) from public;
grant execute on function public.purge_closed_error_reports(text, integer) to anon, authenticated;

-- Need signals ------------------------------------------------------------------------------------

create table nabij_private.need_signal_quota (
	source_hash text not null,
	day date not null,
	signal_count integer not null check (signal_count >= 0),
	primary key (source_hash, day)
);
alter table nabij_private.need_signal_quota enable row level security;
comment on table nabij_private.need_signal_quota is
	'How many need signals each social worker (salted hash) recorded on a day, for the daily limit; purged after a day.';

create function public.need_signals_enforce_quota() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	used integer;
begin
	-- Only API callers have a user id; the service role and the seed are not counted.
	if me is null then
		return new;
	end if;
	insert into nabij_private.need_signal_quota as q (source_hash, day, signal_count)
	values (nabij_private.source_hash(me), current_date, 1)
	on conflict (source_hash, day) do update set signal_count = q.signal_count + 1
	returning q.signal_count into used;
	if used > nabij_private.setting_int('need_signals_per_day', 50) then
		raise exception 'too many need signals today' using errcode = 'PT429';
	end if;
	return new;
end;
$$;
comment on function public.need_signals_enforce_quota() is
	'Trigger: a social worker records at most need_signals_per_day (default 50) need signals a day; one row too many refuses the whole statement.';

create trigger need_signals_enforce_quota before insert on public.need_signals
	for each row execute function public.need_signals_enforce_quota();

create or replace function public.need_signal_counts(
	min_count integer default 5,
	from_date date default null,
	to_date date default null
)
returns table (
	mdrc integer,
	support_kind text,
	language text,
	target_group text,
	outcome text,
	signal_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	floor_count integer := nabij_private.setting_int('need_signal_min_count_floor', 5);
	-- Monday of the last complete week: the current week is never counted, so asking again
	-- tomorrow cannot reveal today's signals.
	last_week date := date_trunc('week', current_date)::date - 7;
	first_monday date;
	last_monday date;
begin
	-- Inside a security definer function current_user is the owner; the role setting still
	-- names the API role the request runs as.
	if current_setting('role', true) in ('anon', 'authenticated')
		and not (public.has_role('policy_analyst') or public.has_role('admin')) then
		raise exception 'need signal counts are for policy analysts' using errcode = '42501';
	end if;
	if coalesce(min_count, floor_count) < floor_count then
		raise exception 'the minimum count is at least %', floor_count using errcode = '22023';
	end if;
	if from_date is not null
		and not (extract(isodow from from_date) = 1 or extract(day from from_date) = 1) then
		raise exception 'a range starts on a Monday or on the first of a month' using errcode = '22023';
	end if;
	if to_date is not null and not (
		extract(isodow from to_date) = 7
		or to_date = (date_trunc('month', to_date) + interval '1 month - 1 day')::date
	) then
		raise exception 'a range ends on a Sunday or on the last day of a month' using errcode = '22023';
	end if;
	if from_date > to_date then
		raise exception 'a range ends after it starts' using errcode = '22023';
	end if;
	-- Counted are the whole weeks whose Monday lies in the range (a month: the weeks that start
	-- in it), so any two answers differ by whole weeks, never by a day.
	first_monday := date_trunc('week', from_date + 6)::date;
	last_monday := least(date_trunc('week', to_date)::date, last_week);
	return query
	select s.mdrc, s.support_kind, s.language, s.target_group, s.outcome, count(*) as signal_count
	from public.need_signals s
	where (first_monday is null or s.created_on >= first_monday)
		and s.created_on < coalesce(last_monday, last_week) + 7
	group by s.mdrc, s.support_kind, s.language, s.target_group, s.outcome
	having count(*) >= coalesce(min_count, floor_count)
	order by s.mdrc, s.support_kind, s.outcome;
end;
$$;
comment on function public.need_signal_counts(integer, date, date) is
	'Need signals counted per quartier, support kind, language, target group and outcome, over whole past weeks (from a Monday or first of a month to a Sunday or last of a month; the current week never); cells below min_count are left out and min_count may not go below need_signal_min_count_floor (default 5). For policy analysts and admins.';

-- Memberships -------------------------------------------------------------------------------------

-- Members come only from registering an organization (organizations_add_creator) and from
-- accepting an invitation (accept_editor_invite), both security definer.
drop policy organization_members_insert on public.organization_members;
revoke insert on public.organization_members from authenticated;
-- Owners change a member's role, never whose membership it is.
revoke update on public.organization_members from authenticated;
grant update (member_role) on public.organization_members to authenticated;

-- Surveys -----------------------------------------------------------------------------------------

drop policy quartier_surveys_insert on public.quartier_surveys;
drop policy quartier_surveys_update on public.quartier_surveys;
drop policy quartier_surveys_delete on public.quartier_surveys;

create policy quartier_surveys_insert on public.quartier_surveys
	for insert to authenticated
	with check ((select public.has_role('moderator')));
comment on policy quartier_surveys_insert on public.quartier_surveys is
	'Moderators record surveys (in their own name: a trigger sets created_by).';

create policy quartier_surveys_update on public.quartier_surveys
	for update to authenticated
	using ((select public.has_role('moderator')))
	with check ((select public.has_role('moderator')));
comment on policy quartier_surveys_update on public.quartier_surveys is
	'Moderators correct surveys.';

create policy quartier_surveys_delete on public.quartier_surveys
	for delete to authenticated
	using ((select public.has_role('moderator')));
comment on policy quartier_surveys_delete on public.quartier_surveys is
	'Moderators remove surveys.';

create function public.quartier_surveys_stamp_creator() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		if (select auth.uid()) is not null then
			new.created_by := (select auth.uid());
		end if;
	elsif exists (select 1 from auth.users u where u.id = old.created_by) then
		-- Kept as recorded; only an account deletion (foreign key set null) clears it.
		new.created_by := old.created_by;
	end if;
	return new;
end;
$$;
comment on function public.quartier_surveys_stamp_creator() is
	'Trigger: a survey recorded through the API is in the caller''s name, and created_by never changes afterwards except to null when that account is deleted.';

create trigger quartier_surveys_stamp_creator before insert or update on public.quartier_surveys
	for each row execute function public.quartier_surveys_stamp_creator();

-- Hidden user ids ---------------------------------------------------------------------------------

-- Signed-in callers no longer read who recorded a survey (moderators do not need it either: the
-- history keeps who did what). organizations.created_by stays readable to signed-in callers: PostgREST
-- answers every write that returns rows with RETURNING *, which needs SELECT on every column, so a
-- column privilege would break the app's own inserts and updates of organizations.
revoke select on public.quartier_surveys from authenticated;
grant select (id, mdrc, organization_id, checked_on, note, created_at)
	on public.quartier_surveys to authenticated;

-- Account deletion --------------------------------------------------------------------------------

-- organizations_guard keeps created_by on every update, which would also undo the foreign key's
-- "on delete set null" and leave a dangling id; this later trigger lets that one change through.
create function public.organizations_release_creator() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.created_by is not null
		and not exists (select 1 from auth.users u where u.id = new.created_by) then
		new.created_by := null;
	end if;
	return new;
end;
$$;
comment on function public.organizations_release_creator() is
	'Trigger: clears created_by when that account no longer exists (the account was deleted).';

create trigger organizations_release_creator before update on public.organizations
	for each row execute function public.organizations_release_creator();

create or replace function public.delete_my_account() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := (select auth.uid());
	removed integer;
begin
	if me is null then
		raise exception 'sign in first' using errcode = '42501';
	end if;
	-- Registrations only this person maintains and that were never published (pending or
	-- rejected never went live) go with the account.
	delete from public.organizations o
	where o.status in ('pending', 'rejected')
		and o.id in (select m.organization_id from public.organization_members m where m.user_id = me)
		and not exists (
			select 1 from public.organization_members m
			where m.organization_id = o.id and m.user_id <> me
		);
	get diagnostics removed = row_count;
	-- Entries that were published stay, with their history; with no editor left, moderators
	-- maintain them (they edit any entry) and the history says why.
	insert into public.organization_history (organization_id, actor_id, action, note)
	select o.id, null, 'note',
		'The last editor deleted their account; moderators now maintain this entry.'
	from public.organizations o
	where o.id in (select m.organization_id from public.organization_members m where m.user_id = me)
		and not exists (
			select 1 from public.organization_members m
			where m.organization_id = o.id and m.user_id <> me
		);
	delete from auth.users u where u.id = me;
	return removed;
end;
$$;
comment on function public.delete_my_account() is
	'Deletes the calling user''s account, profile and memberships, and the never-published registrations of which they are the only member; published entries and their history stay, maintained by moderators. Returns how many registrations were deleted.';
