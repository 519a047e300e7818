-- "Still active" confirms an entry with today's date in Brussels. current_date follows the
-- session's time zone, which is UTC on a Supabase project, so between midnight and 01:00 (02:00
-- in summer) a confirmation was dated the day before. The function now runs in Brussels time.
-- Other uses of current_date (liveness answers, pauses, need-signal days and quotas) still read
-- the session's date.
alter function public.confirm_organization_active(uuid) set timezone to 'Europe/Brussels';

comment on function public.confirm_organization_active(uuid) is
	'A member states that their published organization is still active: assured_date becomes today in Brussels (a dormant entry becomes active). The only way besides a liveness answer to change assured_date.';
