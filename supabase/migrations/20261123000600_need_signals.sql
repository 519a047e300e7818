-- Need signals: a social worker records, anonymously, that someone in a quartier looked for a
-- kind of support (in a language, for a target group) and whether it was found. No user id, no
-- free text, no timestamp finer than the day: nothing can point back to a resident or to the
-- social worker's caseload. Nobody reads single signals through the API; policy analysts read
-- counts of at least a minimum size through need_signal_counts().

create table public.need_signals (
	id bigint generated always as identity primary key,
	mdrc integer not null references public.quartiers (mdrc),
	support_kind text not null references public.support_kinds (code),
	language text check (language ~ '^[a-z]{2,3}$'),
	target_group text references public.target_groups (code),
	outcome text not null check (outcome in ('found', 'not_found')),
	created_on date not null default current_date
);
alter table public.need_signals enable row level security;
create index need_signals_mdrc_idx on public.need_signals (mdrc);
create index need_signals_support_kind_idx on public.need_signals (support_kind);
create index need_signals_target_group_idx on public.need_signals (target_group);
create index need_signals_created_on_idx on public.need_signals (created_on);
comment on table public.need_signals is
	'Anonymous unmet-need records from social workers: quartier, support kind, language, target group, outcome, day. No personal data.';

create function public.need_signals_stamp_day() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	-- A signal recorded through the API is dated today, never backdated to match a visit.
	if current_user in ('anon', 'authenticated') then
		new.created_on := current_date;
	end if;
	return new;
end;
$$;
comment on function public.need_signals_stamp_day() is
	'Trigger: need signals recorded through the API always carry the current day.';

create trigger need_signals_stamp_day before insert on public.need_signals
	for each row execute function public.need_signals_stamp_day();

revoke all on public.need_signals from anon;
revoke select, update, delete, truncate, references, trigger on public.need_signals
	from authenticated;
grant insert on public.need_signals to authenticated;

create policy need_signals_insert on public.need_signals
	for insert to authenticated
	with check ((select public.has_role('social_worker')));
comment on policy need_signals_insert on public.need_signals is
	'Social workers record need signals. There is no select policy: single signals are never read through the API.';

create function public.need_signal_counts(
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
begin
	-- Inside a security definer function current_user is the owner; the role setting still
	-- names the API role the request runs as.
	if current_setting('role', true) in ('anon', 'authenticated')
		and not (public.has_role('policy_analyst') or public.has_role('admin')) then
		raise exception 'need signal counts are for policy analysts' using errcode = '42501';
	end if;
	return query
	select s.mdrc, s.support_kind, s.language, s.target_group, s.outcome, count(*) as signal_count
	from public.need_signals s
	where (from_date is null or s.created_on >= from_date)
		and (to_date is null or s.created_on <= to_date)
	group by s.mdrc, s.support_kind, s.language, s.target_group, s.outcome
	-- Small cells are suppressed; a caller may raise the threshold, never lower it below 3.
	having count(*) >= greatest(coalesce(min_count, 5), 3)
	order by s.mdrc, s.support_kind, s.outcome;
end;
$$;
comment on function public.need_signal_counts(integer, date, date) is
	'Need signals counted per quartier, support kind, language, target group and outcome over an optional date range; cells below max(min_count, 3) are left out. For policy analysts and admins.';

revoke execute on function public.need_signal_counts(integer, date, date) from public, anon;
grant execute on function public.need_signal_counts(integer, date, date) to authenticated, service_role;
