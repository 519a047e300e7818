-- Anonymous visitors read published organizations and surveys, but not which account created
-- them: created_by is a user id, and nobody outside should be able to link entries to accounts.
-- Column privileges do this (policies work on rows only). A column added to these tables later
-- is not readable by anon until it is granted here too, which is the safe default.

revoke select on public.organizations from anon;
grant select (
	id, name, alternate_name, description_fr, description_nl, description_en, legal_status,
	category, trust_tier, vouched_by_organization_id, vouched_at, status, assured_date,
	paused_until, created_at, updated_at
) on public.organizations to anon;

revoke select on public.quartier_surveys from anon;
grant select (id, mdrc, organization_id, checked_on, note, created_at)
	on public.quartier_surveys to anon;
