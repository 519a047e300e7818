-- Accounts, self-registration and freshness: functions the app calls through supabase-js that
-- need more than the caller's own rights, each checking who may call it.
-- * become_org_editor: a signed-in user registers their organization themselves (the insert
--   policy on organizations asks for org_editor; entries still start pending and self-declared).
-- * delete_my_account: a user removes their account and the entries only they maintain.
-- * organization_editor_contacts: moderators e-mail an entry's editors (addresses stay in auth).
-- * liveness_*: the freshness job (authenticated by a job token whose SHA-256 is stored in
--   nabij_private.job_tokens, never by the service key) and the one-click "still active?" links.
-- The private schema is not exposed through the API: no grants to anon or authenticated.

create schema if not exists nabij_private;
revoke all on schema nabij_private from public;
comment on schema nabij_private is
	'Tables only reachable through security-definer functions: job tokens and liveness checks.';

create table nabij_private.job_tokens (
	name text primary key check (name ~ '^[a-z][a-z0-9_]{1,62}$'),
	token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
	created_at timestamptz not null default now()
);
alter table nabij_private.job_tokens enable row level security;
comment on table nabij_private.job_tokens is
	'SHA-256 (hex) of the secret tokens that scheduled jobs present; set by the operator, e.g. insert into nabij_private.job_tokens values (''jobs'', encode(sha256(convert_to(''<token>'', ''UTF8'')), ''hex'')).';

create table nabij_private.liveness_checks (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	nonce_hash text not null unique check (nonce_hash ~ '^[0-9a-f]{64}$'),
	sent_at timestamptz not null default now(),
	expires_at timestamptz not null,
	answered_at timestamptz,
	answer text check (answer in ('active', 'paused', 'stopped')),
	check ((answer is null) = (answered_at is null))
);
alter table nabij_private.liveness_checks enable row level security;
create index liveness_checks_organization_id_idx
	on nabij_private.liveness_checks (organization_id, sent_at desc);
comment on table nabij_private.liveness_checks is
	'One "still active?" question sent to an organization''s editors: the hash of the link''s random nonce, its expiry and the answer.';

create function nabij_private.hash_text(value text) returns text
language sql
immutable
set search_path = ''
as $$
	select encode(sha256(convert_to(value, 'UTF8')), 'hex');
$$;
comment on function nabij_private.hash_text(text) is 'SHA-256 of a text, as 64 hex digits.';

create function nabij_private.require_job_token(token text) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
	if token is null or not exists (
		select 1 from nabij_private.job_tokens t where t.token_hash = nabij_private.hash_text(token)
	) then
		raise exception 'invalid job token' using errcode = '42501';
	end if;
end;
$$;
comment on function nabij_private.require_job_token(text) is
	'Raises 42501 unless the token is one of the stored job tokens.';

-- On the local gateway only (its private _local schema exists), a known development token and a
-- way for the app's local mailer to drop mail into the developer mailbox.
do $$
begin
	if to_regclass('_local.mailbox') is not null then
		insert into nabij_private.job_tokens (name, token_hash)
		values ('local_development', nabij_private.hash_text('nabij-local-jobs-token'))
		on conflict do nothing;
		execute $fn$
			create function public.local_mailbox_deposit(
				p_to text, p_subject text, p_text text, p_html text
			) returns void
			language sql
			security definer
			set search_path = ''
			as $body$
				insert into _local.mailbox ("to", subject, text, html)
				values (left(p_to, 320), left(p_subject, 300), left(p_text, 20000), left(p_html, 40000));
			$body$
		$fn$;
		execute 'comment on function public.local_mailbox_deposit(text, text, text, text) is '
			|| quote_literal('Local gateway only: the app''s development mailer stores a mail in the developer mailbox.');
		execute 'revoke all on function public.local_mailbox_deposit(text, text, text, text) from public';
		execute 'grant execute on function public.local_mailbox_deposit(text, text, text, text) to anon, authenticated';
	end if;
end;
$$;

create function public.become_org_editor() returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if (select auth.uid()) is null then
		raise exception 'sign in first' using errcode = '42501';
	end if;
	update public.profiles p
	set roles = array_append(p.roles, 'org_editor')
	where p.id = (select auth.uid()) and not ('org_editor' = any (p.roles));
end;
$$;
comment on function public.become_org_editor() is
	'Gives the calling user the org_editor role so they can register their own organization; what they register starts pending and self-declared, and a moderator publishes it.';
revoke all on function public.become_org_editor() from public, anon;
grant execute on function public.become_org_editor() to authenticated;

create function public.delete_my_account() returns integer
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
	-- Entries nobody else maintains go with the account; shared ones stay with the others.
	delete from public.organizations o
	where o.id in (select m.organization_id from public.organization_members m where m.user_id = me)
		and not exists (
			select 1 from public.organization_members m
			where m.organization_id = o.id and m.user_id <> me
		);
	get diagnostics removed = row_count;
	delete from auth.users u where u.id = me;
	return removed;
end;
$$;
comment on function public.delete_my_account() is
	'Deletes the calling user''s account, profile and memberships, and the organizations of which they are the only member; returns how many organizations were deleted.';
revoke all on function public.delete_my_account() from public, anon;
grant execute on function public.delete_my_account() to authenticated;

create function public.organization_editor_contacts(p_organization_id uuid)
returns table (email text, email_language text, display_name text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if not public.has_role('moderator') then
		raise exception 'only moderators read editors'' addresses' using errcode = '42501';
	end if;
	return query
	select u.email::text, p.email_language, p.display_name
	from public.organization_members m
	join auth.users u on u.id = m.user_id
	join public.profiles p on p.id = m.user_id
	where m.organization_id = p_organization_id and u.email is not null;
end;
$$;
comment on function public.organization_editor_contacts(uuid) is
	'For moderators: e-mail address and e-mail language of an organization''s editors, to notify them of a decision.';
revoke all on function public.organization_editor_contacts(uuid) from public, anon;
grant execute on function public.organization_editor_contacts(uuid) to authenticated;

create function public.liveness_collect(
	p_job_token text, p_confirm_after_days integer, p_link_valid_days integer
)
returns table (
	organization_id uuid, organization_name text, email text, email_language text,
	nonce text, expires_at timestamptz
)
language plpgsql
security definer
set search_path = ''
as $$
declare
	org record;
	raw_nonce text;
	expiry timestamptz;
begin
	perform nabij_private.require_job_token(p_job_token);
	if p_confirm_after_days < 1 or p_link_valid_days not between 1 and 60 then
		raise exception 'invalid periods' using errcode = '22023';
	end if;
	for org in
		select o.id, o.name
		from public.organizations o
		where (
				o.status in ('active', 'dormant')
				or (o.status = 'paused' and (o.paused_until is null or o.paused_until <= current_date))
			)
			and coalesce(o.assured_date, o.created_at::date) <= current_date - p_confirm_after_days
			and not exists (
				select 1 from nabij_private.liveness_checks c
				where c.organization_id = o.id and c.expires_at > now() and c.answered_at is null
			)
	loop
		raw_nonce := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
		expiry := now() + make_interval(days => p_link_valid_days);
		insert into nabij_private.liveness_checks (organization_id, nonce_hash, expires_at)
		values (org.id, nabij_private.hash_text(raw_nonce), expiry);
		return query
		select org.id, org.name, u.email::text, p.email_language, raw_nonce, expiry
		from public.organization_members m
		join auth.users u on u.id = m.user_id
		join public.profiles p on p.id = m.user_id
		where m.organization_id = org.id and u.email is not null;
	end loop;
end;
$$;
comment on function public.liveness_collect(text, integer, integer) is
	'For the freshness job (job token): opens a "still active?" check for every published organization not confirmed for p_confirm_after_days and without an open check, and returns one row per editor with the link nonce to e-mail.';
revoke all on function public.liveness_collect(text, integer, integer) from public;
grant execute on function public.liveness_collect(text, integer, integer) to anon, authenticated;

create function public.liveness_mark_dormant(p_job_token text, p_dormant_after_days integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	changed integer;
begin
	perform nabij_private.require_job_token(p_job_token);
	if p_dormant_after_days < 1 then
		raise exception 'invalid period' using errcode = '22023';
	end if;
	update public.organizations o
	set status = 'dormant'
	where (
			o.status = 'active'
			or (o.status = 'paused' and (o.paused_until is null or o.paused_until <= current_date))
		)
		and coalesce(o.assured_date, o.created_at::date) <= current_date - p_dormant_after_days;
	get diagnostics changed = row_count;
	return changed;
end;
$$;
comment on function public.liveness_mark_dormant(text, integer) is
	'For the freshness job (job token): published organizations not confirmed for p_dormant_after_days become dormant; returns how many.';
revoke all on function public.liveness_mark_dormant(text, integer) from public;
grant execute on function public.liveness_mark_dormant(text, integer) to anon, authenticated;

create function public.liveness_check(p_nonce text)
returns table (
	organization_id uuid, organization_name text, status text, expires_at timestamptz,
	answer text
)
language sql
stable
security definer
set search_path = ''
as $$
	select o.id, o.name, o.status, c.expires_at, c.answer
	from nabij_private.liveness_checks c
	join public.organizations o on o.id = c.organization_id
	where c.nonce_hash = nabij_private.hash_text(p_nonce);
$$;
comment on function public.liveness_check(text) is
	'The organization a "still active?" link is about, for its confirmation page; the nonce is the secret.';
revoke all on function public.liveness_check(text) from public;
grant execute on function public.liveness_check(text) to anon, authenticated;

create function public.liveness_answer(p_nonce text, p_answer text, p_paused_until date)
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
	select c.id, c.organization_id, c.expires_at into chk
	from nabij_private.liveness_checks c
	where c.nonce_hash = nabij_private.hash_text(p_nonce);
	if chk.id is null then
		raise exception 'unknown liveness link' using errcode = '22023';
	end if;
	if chk.expires_at <= now() then
		raise exception 'liveness link expired' using errcode = '22023';
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
		raise exception 'entry is no longer published' using errcode = '22023';
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
	'Answers a "still active?" link without signing in: active confirms the entry (assured today), paused pauses it until a date, stopped closes it. Refuses unknown and expired links.';
revoke all on function public.liveness_answer(text, text, date) from public;
grant execute on function public.liveness_answer(text, text, date) to anon, authenticated;
