-- Every date the database writes or compares with "today" is Brussels's date. current_date
-- follows the session's time zone, which is UTC on a Supabase project: between midnight and 01:00
-- (02:00 in summer) a liveness answer or a resumed entry was dated the day before, a need signal
-- fell on the previous day (and week) and the daily quota was counted against yesterday.
-- Setting the time zone on each function keeps its body unchanged; confirm_organization_active
-- got the same setting in 20261206400000.
alter function public.organizations_guard() set timezone to 'Europe/Brussels';
alter function public.liveness_answer(text, text, date) set timezone to 'Europe/Brussels';
alter function public.liveness_collect(text, integer, integer) set timezone to 'Europe/Brussels';
alter function public.liveness_mark_dormant(text, integer) set timezone to 'Europe/Brussels';
alter function public.need_signals_stamp_day() set timezone to 'Europe/Brussels';
alter function public.need_signals_enforce_quota() set timezone to 'Europe/Brussels';
alter function public.need_signal_counts(integer, date, date) set timezone to 'Europe/Brussels';
alter function public.purge_closed_error_reports(text, integer) set timezone to 'Europe/Brussels';

-- The stamping trigger overrides any value; the default says the same for readers of the table.
alter table public.need_signals
	alter column created_on set default ((now() at time zone 'Europe/Brussels')::date);
