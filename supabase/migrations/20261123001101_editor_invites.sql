-- Co-editors: an organization's owner invites someone by e-mail; the invitee, signed in with
-- that address, accepts through a link and becomes an editor. Invitations live in the private
-- schema; only these functions read or write them.

create table nabij_private.editor_invites (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	email text not null check (char_length(email) between 3 and 254),
	nonce_hash text not null unique check (nonce_hash ~ '^[0-9a-f]{64}$'),
	invited_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null,
	accepted_by uuid references auth.users (id) on delete set null,
	accepted_at timestamptz,
	created_at timestamptz not null default now()
);
alter table nabij_private.editor_invites enable row level security;
create index editor_invites_organization_id_idx on nabij_private.editor_invites (organization_id);
comment on table nabij_private.editor_invites is
	'Invitations to co-edit an organization: the invitee''s e-mail, the hash of the link''s nonce, expiry and acceptance.';

create function public.create_editor_invite(p_organization_id uuid, p_email text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	raw_nonce text := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
begin
	if p_organization_id not in (select public.owned_organization_ids()) then
		raise exception 'only an owner invites co-editors' using errcode = '42501';
	end if;
	if p_email is null or p_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
		or char_length(p_email) > 254 then
		raise exception 'invalid e-mail address' using errcode = '22023';
	end if;
	insert into nabij_private.editor_invites (organization_id, email, nonce_hash, invited_by, expires_at)
	values (
		p_organization_id, lower(p_email), nabij_private.hash_text(raw_nonce), (select auth.uid()),
		now() + interval '14 days'
	);
	return raw_nonce;
end;
$$;
comment on function public.create_editor_invite(uuid, text) is
	'For an organization''s owner: records an invitation for an e-mail address and returns the secret nonce to put in the invitation link (valid 14 days).';
revoke all on function public.create_editor_invite(uuid, text) from public, anon;
grant execute on function public.create_editor_invite(uuid, text) to authenticated;

create function public.accept_editor_invite(p_nonce text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	invite record;
	me uuid := (select auth.uid());
	my_email text;
begin
	if me is null then
		raise exception 'sign in first' using errcode = '42501';
	end if;
	select i.id, i.organization_id, i.email, i.expires_at, i.accepted_at into invite
	from nabij_private.editor_invites i
	where i.nonce_hash = nabij_private.hash_text(p_nonce);
	if invite.id is null or invite.accepted_at is not null then
		raise exception 'unknown or used invitation' using errcode = '22023';
	end if;
	if invite.expires_at <= now() then
		raise exception 'invitation expired' using errcode = '22023';
	end if;
	select lower(u.email) into my_email from auth.users u where u.id = me;
	if my_email is distinct from invite.email then
		raise exception 'invitation is for another e-mail address' using errcode = '42501';
	end if;
	insert into public.organization_members (organization_id, user_id, member_role)
	values (invite.organization_id, me, 'editor')
	on conflict do nothing;
	update public.profiles p
	set roles = array_append(p.roles, 'org_editor')
	where p.id = me and not ('org_editor' = any (p.roles));
	update nabij_private.editor_invites i
	set accepted_by = me, accepted_at = now()
	where i.id = invite.id;
	return invite.organization_id;
end;
$$;
comment on function public.accept_editor_invite(text) is
	'Accepts an invitation: the signed-in user, whose e-mail must be the invited one, becomes an editor of the organization (and an org editor).';
revoke all on function public.accept_editor_invite(text) from public, anon;
grant execute on function public.accept_editor_invite(text) to authenticated;
