-- A requester editing their own pending change request could point it at an organization they
-- do not belong to. The policy now keeps the request within the requester's organizations (or
-- any, for moderators), as the insert policy already does.

alter policy change_requests_update_requester on public.change_requests
	using (requested_by = (select auth.uid()) and status = 'pending')
	with check (
		requested_by = (select auth.uid())
		and status in ('pending', 'withdrawn')
		and decided_by is null
		and (
			organization_id in (select public.member_organization_ids())
			or (select public.has_role('moderator'))
		)
	);
comment on policy change_requests_update_requester on public.change_requests is
	'The requester edits or withdraws their own pending request, within their own organizations.';
