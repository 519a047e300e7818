-- A version of the finder's data, drawn anew with every write to finder_entries, so a server may
-- keep search answers and reuse one only while the version it was computed at still stands (a
-- cache that is never stale). Random rather than counted: two databases (a test's, a restored
-- backup) never share a version by chance. finder_entries is written by finder_entries_refresh
-- alone (the keeping triggers), and finder_search reads only it, finder_region and categories
-- (whose changes rewrite the entries), so marking its write statements is enough.

alter table public.finder_region add column version uuid not null default gen_random_uuid();
comment on column public.finder_region.version is
	'Drawn anew by every statement that writes finder_entries; an answer of finder_search (or finder_schedule_texts) computed at a version still holds while the version is unchanged.';

create function public.finder_entries_mark_version() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.finder_region set version = gen_random_uuid();
	return null;
end;
$$;
comment on function public.finder_entries_mark_version() is
	'Statement trigger on finder_entries: draws a new finder_region.version.';
revoke all on function public.finder_entries_mark_version() from public, anon, authenticated;

create trigger finder_entries_version after insert or update or delete on public.finder_entries
	for each statement execute function public.finder_entries_mark_version();
create trigger finder_entries_version_truncate after truncate on public.finder_entries
	for each statement execute function public.finder_entries_mark_version();
