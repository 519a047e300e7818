-- Geography and reference data: the 19 communes, the 145 Monitoring des Quartiers units and the
-- 724 statistical sectors of the Brussels-Capital Region, with their indicators, the sources
-- and licences of every dataset, and application-wide settings.
-- Geometry is GeoJSON in jsonb (no PostGIS: it is missing from PGlite); point-in-polygon and
-- distances are computed in TypeScript with Turf. Everyone reads these tables; only the seed,
-- with the service key, writes them.

create table public.data_attributions (
	dataset text primary key check (dataset ~ '^[a-z][a-z0-9_]{1,62}$'),
	title text not null check (char_length(title) between 1 and 200),
	source text not null check (char_length(source) between 1 and 500),
	licence text not null check (char_length(licence) between 1 and 200),
	attribution text not null check (char_length(attribution) between 1 and 500),
	note text check (char_length(note) <= 1000),
	sort_order integer not null default 0
);
alter table public.data_attributions enable row level security;
comment on table public.data_attributions is
	'Source, licence and required attribution text of each dataset shown or used by Nabij.';

create table public.indicator_sources (
	indicator text primary key check (indicator ~ '^[a-z][a-z0-9_]{1,62}$'),
	label_en text not null check (char_length(label_en) between 1 and 200),
	unit text not null check (unit in ('persons', 'households', 'eur', 'percent', 'm2')),
	reference_year integer check (reference_year between 1990 and 2100),
	dataset text not null references public.data_attributions (dataset),
	caveat text check (char_length(caveat) <= 1000)
);
alter table public.indicator_sources enable row level security;
create index indicator_sources_dataset_idx on public.indicator_sources (dataset);
comment on table public.indicator_sources is
	'Source dataset, reference year and caveat of each indicator column of quartiers and sectors.';

create table public.communes (
	nis text primary key check (nis ~ '^21[0-9]{3}$'),
	name_fr text not null check (char_length(name_fr) between 1 and 100),
	name_nl text not null check (char_length(name_nl) between 1 and 100),
	name_de text not null check (char_length(name_de) between 1 and 100),
	geometry jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
	pop_2019 integer check (pop_2019 >= 0)
);
alter table public.communes enable row level security;
comment on table public.communes is
	'The 19 municipalities of the Brussels-Capital Region (Statbel NIS code), GeoJSON geometry in WGS84.';

create table public.quartiers (
	mdrc integer primary key check (mdrc between 1 and 999),
	name_fr text not null check (char_length(name_fr) between 1 and 100),
	name_nl text not null check (char_length(name_nl) between 1 and 100),
	type text not null check (type in ('residential', 'park_forest', 'industrial_infrastructure', 'cemetery')),
	nis_main text not null references public.communes (nis),
	geometry jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
	area_m2 double precision not null check (area_m2 > 0),
	-- A point guaranteed inside the quartier (Turf pointOnFeature): where a quartier-only
	-- location is drawn and what the finder measures distances from.
	point_lon double precision not null check (point_lon between 4.24 and 4.49),
	point_lat double precision not null check (point_lat between 50.76 and 50.92),
	pop_2019 integer check (pop_2019 >= 0),
	households integer check (households >= 0),
	median_income_2019 numeric(10, 2) check (median_income_2019 >= 0),
	share_65plus_pct numeric(5, 2) check (share_65plus_pct between 0 and 100),
	share_single_person_households_pct numeric(5, 2)
		check (share_single_person_households_pct between 0 and 100)
);
alter table public.quartiers enable row level security;
create index quartiers_nis_main_idx on public.quartiers (nis_main);
comment on table public.quartiers is
	'The 145 Monitoring des Quartiers units (mdrc), with geometry, representative point and indicators; sources per indicator in indicator_sources.';

create table public.sectors (
	cd_sector text primary key check (cd_sector ~ '^21[0-9]{3}[A-Z0-9-]{4}$'),
	-- Statbel leaves a few sectors unnamed.
	name_fr text check (char_length(name_fr) between 1 and 100),
	name_nl text check (char_length(name_nl) between 1 and 100),
	mdrc integer not null references public.quartiers (mdrc),
	nis text not null references public.communes (nis),
	pop_2019 integer not null check (pop_2019 >= 0),
	households integer check (households >= 0),
	point_lon double precision not null check (point_lon between 4.24 and 4.49),
	point_lat double precision not null check (point_lat between 50.76 and 50.92),
	share_65plus_pct numeric(5, 2) check (share_65plus_pct between 0 and 100),
	share_single_person_households_pct numeric(5, 2)
		check (share_single_person_households_pct between 0 and 100)
);
alter table public.sectors enable row level security;
create index sectors_mdrc_idx on public.sectors (mdrc);
create index sectors_nis_idx on public.sectors (nis);
comment on table public.sectors is
	'The 724 Statbel statistical sectors (2022): population 2019 and a representative point, for population-weighted coverage; ULB shares are a research compilation (see indicator_sources).';

create table public.app_settings (
	key text primary key check (key ~ '^[a-z][a-z0-9_]{1,62}$'),
	value jsonb not null,
	updated_at timestamptz not null default now()
);
alter table public.app_settings enable row level security;
comment on table public.app_settings is
	'Application-wide flags readable by everyone, e.g. demo_data = true when fictional entries are loaded.';

-- Reference tables: everyone reads, nobody but the service role (which bypasses RLS) writes.
-- TRUNCATE ignores RLS, so it is revoked along with the other write privileges.
revoke insert, update, delete, truncate, references, trigger
	on public.data_attributions, public.indicator_sources, public.communes, public.quartiers,
	public.sectors, public.app_settings
	from anon, authenticated;
grant select
	on public.data_attributions, public.indicator_sources, public.communes, public.quartiers,
	public.sectors, public.app_settings
	to anon, authenticated;

create policy data_attributions_select on public.data_attributions
	for select to anon, authenticated using (true);
comment on policy data_attributions_select on public.data_attributions is
	'Attributions are public: every page showing the data must be able to credit it.';

create policy indicator_sources_select on public.indicator_sources
	for select to anon, authenticated using (true);
comment on policy indicator_sources_select on public.indicator_sources is
	'Indicator sources are public.';

create policy communes_select on public.communes
	for select to anon, authenticated using (true);
comment on policy communes_select on public.communes is 'Communes are public open data.';

create policy quartiers_select on public.quartiers
	for select to anon, authenticated using (true);
comment on policy quartiers_select on public.quartiers is 'Quartiers are public open data.';

create policy sectors_select on public.sectors
	for select to anon, authenticated using (true);
comment on policy sectors_select on public.sectors is 'Statistical sectors are public open data.';

create policy app_settings_select on public.app_settings
	for select to anon, authenticated using (true);
comment on policy app_settings_select on public.app_settings is
	'Settings are public flags (no secrets may be stored here).';
