-- Moderation digest: the scheduled job (job token, never the service key) tells the moderators'
-- address once about each new submission, in one mail per run, instead of one mail per
-- registration.

create table nabij_private.digested_submissions (
	organization_id uuid primary key references public.organizations (id) on delete cascade,
	digested_at timestamptz not null default now()
);
alter table nabij_private.digested_submissions enable row level security;
comment on table nabij_private.digested_submissions is
	'Pending organizations already announced in a moderation digest, so each is announced once.';

create function public.moderation_digest(p_job_token text)
returns table (organization_id uuid, organization_name text, submitted_at timestamptz, waiting integer)
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform nabij_private.require_job_token(p_job_token);
	return query
	with fresh as (
		insert into nabij_private.digested_submissions (organization_id)
		select o.id
		from public.organizations o
		where o.status = 'pending'
			and not exists (
				select 1 from nabij_private.digested_submissions d where d.organization_id = o.id
			)
		returning digested_submissions.organization_id
	)
	select o.id, o.name, o.created_at,
		(select count(*)::integer from public.organizations p where p.status = 'pending')
	from fresh f
	join public.organizations o on o.id = f.organization_id
	order by o.created_at, o.name;
end;
$$;
comment on function public.moderation_digest(text) is
	'For the scheduled job (job token): the pending submissions not announced before (marking them announced), each with the number of entries waiting in the queue.';
revoke all on function public.moderation_digest(text) from public;
grant execute on function public.moderation_digest(text) to anon, authenticated;
