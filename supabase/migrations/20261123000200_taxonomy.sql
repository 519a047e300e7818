-- Taxonomy: organisation categories, support kinds (two levels) and target groups, loaded from
-- the shared taxonomy CSVs. Codes are stable keys stored in entries, URLs and need signals;
-- labels and definitions may change. Languages are ISO 639 codes in text[] columns, no table.

create table public.categories (
	code text primary key check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
	sort_order integer not null unique,
	label_fr text not null check (char_length(label_fr) between 1 and 120),
	label_nl text not null check (char_length(label_nl) between 1 and 120),
	label_en text not null check (char_length(label_en) between 1 and 120),
	definition_fr text not null check (char_length(definition_fr) between 1 and 1000),
	definition_nl text not null check (char_length(definition_nl) between 1 and 1000),
	definition_en text not null check (char_length(definition_en) between 1 and 1000)
);
alter table public.categories enable row level security;
comment on table public.categories is
	'What kind of organization an entry is (self_organisation, community_pension_antenna, ...); one per organization.';

create table public.support_kinds (
	code text primary key check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
	parent_code text references public.support_kinds (code),
	sort_order integer not null unique,
	label_fr text not null check (char_length(label_fr) between 1 and 120),
	label_nl text not null check (char_length(label_nl) between 1 and 120),
	label_en text not null check (char_length(label_en) between 1 and 120),
	definition_fr text not null check (char_length(definition_fr) between 1 and 1000),
	definition_nl text not null check (char_length(definition_nl) between 1 and 1000),
	definition_en text not null check (char_length(definition_en) between 1 and 1000),
	check (parent_code is distinct from code)
);
alter table public.support_kinds enable row level security;
create index support_kinds_parent_code_idx on public.support_kinds (parent_code);
comment on table public.support_kinds is
	'What a service offers to people; groups have no parent_code, kinds have a group as parent (two levels).';

create table public.target_groups (
	code text primary key check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
	sort_order integer not null unique,
	label_fr text not null check (char_length(label_fr) between 1 and 120),
	label_nl text not null check (char_length(label_nl) between 1 and 120),
	label_en text not null check (char_length(label_en) between 1 and 120),
	definition_fr text not null check (char_length(definition_fr) between 1 and 1000),
	definition_nl text not null check (char_length(definition_nl) between 1 and 1000),
	definition_en text not null check (char_length(definition_en) between 1 and 1000)
);
alter table public.target_groups enable row level security;
comment on table public.target_groups is
	'Who a service is designed for or especially welcomes; describes offers, never residents.';

revoke insert, update, delete, truncate, references, trigger
	on public.categories, public.support_kinds, public.target_groups
	from anon, authenticated;
grant select on public.categories, public.support_kinds, public.target_groups
	to anon, authenticated;

create policy categories_select on public.categories
	for select to anon, authenticated using (true);
comment on policy categories_select on public.categories is 'The taxonomy is public.';

create policy support_kinds_select on public.support_kinds
	for select to anon, authenticated using (true);
comment on policy support_kinds_select on public.support_kinds is 'The taxonomy is public.';

create policy target_groups_select on public.target_groups
	for select to anon, authenticated using (true);
comment on policy target_groups_select on public.target_groups is 'The taxonomy is public.';
