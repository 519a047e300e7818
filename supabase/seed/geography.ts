// Loaders of the open data in data/ (Brussels geography and indicators, Nabij taxonomy) into the
// row shapes of the database tables. Pure apart from reading files: no database, no network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { interiorPoint } from '#lib/domain/geo/interior-point.ts';
import type { QuartierCollection } from '#lib/domain/geo/quartier.ts';
import { parseCsvRecords } from '#lib/domain/places/csv.ts';

/** The repository's data folder, `data/` (Brussels geography and statistics, taxonomy). */
export function dataDir(): string {
	return fileURLToPath(new URL('../../data/', import.meta.url));
}

function readText(dir: string, file: string): string {
	return readFileSync(join(dir, file), 'utf8');
}

function readCsv(dir: string, file: string): Record<string, string>[] {
	return parseCsvRecords(readText(dir, file));
}

function readGeoJson<P>(dir: string, file: string): FeatureCollection<Polygon | MultiPolygon, P> {
	return JSON.parse(readText(dir, file)) as FeatureCollection<Polygon | MultiPolygon, P>;
}

/** A number, or null for an empty CSV cell. */
function num(value: string | undefined): number | null {
	if (value === undefined || value.trim() === '') return null;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new Error(`not a number: ${value}`);
	return n;
}

function byKey(rows: Record<string, string>[], key: string): Map<string, Record<string, string>> {
	return new Map(rows.map((r) => [r[key] ?? '', r]));
}

export type CommuneRow = {
	nis: string;
	name_fr: string;
	name_nl: string;
	name_de: string;
	geometry: Polygon | MultiPolygon;
	pop_2019: number | null;
};

export type QuartierRow = {
	mdrc: number;
	name_fr: string;
	name_nl: string;
	type: 'residential' | 'park_forest' | 'industrial_infrastructure' | 'cemetery';
	nis_main: string;
	geometry: Polygon | MultiPolygon;
	area_m2: number;
	point_lon: number;
	point_lat: number;
	pop_2019: number | null;
	households: number | null;
	median_income_2019: number | null;
	share_65plus_pct: number | null;
	share_single_person_households_pct: number | null;
};

export type SectorRow = {
	cd_sector: string;
	name_fr: string | null;
	name_nl: string | null;
	mdrc: number;
	nis: string;
	pop_2019: number;
	households: number | null;
	point_lon: number;
	point_lat: number;
	share_65plus_pct: number | null;
	share_single_person_households_pct: number | null;
};

/** The 19 communes with geometry and 2019 population (sectors plus non-localised residents). */
export function loadCommunes(dir = dataDir()): CommuneRow[] {
	const brussels = join(dir, 'brussels');
	const indicators = byKey(readCsv(brussels, 'communes_indicateurs.csv'), 'nis');
	const collection = readGeoJson<{
		nis: string;
		name_fr: string;
		name_nl: string;
		name_de: string;
	}>(brussels, 'communes.geojson');
	return collection.features.map(({ properties: p, geometry }) => ({
		nis: p.nis,
		name_fr: p.name_fr,
		name_nl: p.name_nl,
		name_de: p.name_de,
		geometry,
		pop_2019: num(indicators.get(p.nis)?.pop_2019_total)
	}));
}

/** The quartier polygons as shipped (for quartierAt). */
export function loadQuartierCollection(dir = dataDir()): QuartierCollection {
	return readGeoJson<{ mdrc: number }>(join(dir, 'brussels'), 'quartiers_monitoring.geojson');
}

/** The 145 quartiers with geometry, an interior representative point and their indicators. */
export function loadQuartiers(dir = dataDir()): QuartierRow[] {
	const brussels = join(dir, 'brussels');
	const indicators = byKey(readCsv(brussels, 'quartiers_indicateurs.csv'), 'mdrc');
	const collection = readGeoJson<{
		mdrc: number;
		name_fr: string;
		name_nl: string;
		type: QuartierRow['type'];
		area_m2: number;
		nis_main: string;
	}>(brussels, 'quartiers_monitoring.geojson');
	return collection.features.map((feature) => {
		const p = feature.properties;
		const row = indicators.get(String(p.mdrc));
		const [point_lon, point_lat] = interiorPoint(feature);
		return {
			mdrc: p.mdrc,
			name_fr: p.name_fr,
			name_nl: p.name_nl,
			type: p.type,
			nis_main: p.nis_main,
			geometry: feature.geometry,
			area_m2: p.area_m2,
			point_lon,
			point_lat,
			pop_2019: num(row?.pop_2019),
			households: num(row?.nb_menages_prives),
			median_income_2019: num(row?.ibsa_revenu_median_decla_2019),
			share_65plus_pct: num(row?.ulb_part_65plus_pct),
			share_single_person_households_pct: num(row?.ulb_part_menages_isoles_pct)
		};
	});
}

/** The 724 statistical sectors with population 2019, households and an interior point. */
export function loadSectors(dir = dataDir()): SectorRow[] {
	const brussels = join(dir, 'brussels');
	const indicators = byKey(readCsv(brussels, 'secteurs_indicateurs.csv'), 'cd_sector');
	const ulb = byKey(readCsv(brussels, 'secteurs_ulb_compilation_2011_2018.csv'), 'cd_sector');
	const collection = readGeoJson<{
		cd_sector: string;
		name_fr: string | null;
		name_nl: string | null;
		nis: string;
		mdrc: number;
	}>(brussels, 'secteurs_statistiques.geojson');
	return collection.features.map((feature) => {
		const p = feature.properties;
		const row = indicators.get(p.cd_sector);
		const shares = ulb.get(p.cd_sector);
		const [point_lon, point_lat] = interiorPoint(feature);
		return {
			cd_sector: p.cd_sector,
			name_fr: p.name_fr || null,
			name_nl: p.name_nl || null,
			mdrc: p.mdrc,
			nis: p.nis,
			pop_2019: num(row?.pop_2019) ?? 0,
			households: num(row?.nb_menages_prives),
			point_lon,
			point_lat,
			share_65plus_pct: num(shares?.part_65plus_pct),
			share_single_person_households_pct: num(shares?.part_menages_isoles_pct)
		};
	});
}

/** One street of the OpenStreetMap street index: a point on the street and its commune. */
export type Street = { name_fr: string; name_nl: string; nis: string; lon: number; lat: number };

/** Street names with a point on each, for demo addresses (OpenStreetMap, ODbL). */
export function loadStreets(dir = dataDir()): Street[] {
	return readCsv(join(dir, 'brussels'), 'rues_osm_index.csv')
		.filter((r) => r.name_fr && r.name_nl && Number(r.length_m) >= 50)
		.map((r) => ({
			name_fr: r.name_fr ?? '',
			name_nl: r.name_nl ?? '',
			nis: r.nis ?? '',
			lon: Number(r.lon),
			lat: Number(r.lat)
		}));
}

export type TermRow = {
	code: string;
	sort_order: number;
	label_fr: string;
	label_nl: string;
	label_en: string;
	definition_fr: string;
	definition_nl: string;
	definition_en: string;
};
export type SupportKindRow = TermRow & { parent_code: string | null };
export type LanguageRow = { code: string; label_en: string | null };
export type Taxonomy = {
	categories: TermRow[];
	supportKinds: SupportKindRow[];
	targetGroups: TermRow[];
	languages: LanguageRow[];
};

function term(r: Record<string, string>): TermRow {
	return {
		code: r.code ?? '',
		sort_order: Number(r.sort_order),
		label_fr: r.label_fr ?? '',
		label_nl: r.label_nl ?? '',
		label_en: r.label_en ?? '',
		definition_fr: r.definition_fr ?? '',
		definition_nl: r.definition_nl ?? '',
		definition_en: r.definition_en ?? ''
	};
}

/** Categories, support kinds (parents first), target groups and community languages. */
export function loadTaxonomy(dir = dataDir()): Taxonomy {
	const taxonomy = join(dir, 'taxonomy');
	const supportKinds = readCsv(taxonomy, 'support_kinds.csv')
		.map((r) => ({ ...term(r), parent_code: r.parent_code || null }))
		// Parents first, so one batch insert never references a row it has not inserted yet.
		.sort((a, b) => Number(a.parent_code !== null) - Number(b.parent_code !== null));
	return {
		categories: readCsv(taxonomy, 'categories.csv').map(term),
		supportKinds,
		targetGroups: readCsv(taxonomy, 'target_groups.csv').map(term),
		languages: readCsv(taxonomy, 'community_languages.csv').map((r) => ({
			code: r.code ?? '',
			label_en: r.label_en || null
		}))
	};
}

export type AttributionRow = {
	dataset: string;
	title: string;
	source: string;
	licence: string;
	attribution: string;
	note: string | null;
	sort_order: number;
};

/** Source, licence and attribution of every dataset loaded, from the shared data READMEs. */
export const DATA_ATTRIBUTIONS: AttributionRow[] = [
	{
		dataset: 'quartiers_monitoring',
		title: 'Quartiers du Monitoring / Wijkmonitoring',
		source: 'UrbIS-ADM layer UrbAdm_MONITORING_DISTRICT (Paradigm, for IBSA/perspective.brussels)',
		licence: 'UrbIS open licence (CC BY 4.0 compatible)',
		attribution:
			'Quartiers du Monitoring – IBSA/perspective.brussels; géométrie UrbIS © Paradigm (Région de Bruxelles-Capitale)',
		note: null,
		sort_order: 10
	},
	{
		dataset: 'statbel_sectors',
		title: 'Secteurs statistiques 2022 / Statistische sectoren 2022',
		source:
			'Statbel, sh_statbel_statistical_sectors_31370_20220101; communes and region dissolved from it',
		licence: 'Statbel Licence Open Data (CC BY 4.0 compatible)',
		attribution: 'Secteurs statistiques 2022 – Statbel (DG Statistique – Statistics Belgium)',
		note: null,
		sort_order: 20
	},
	{
		dataset: 'statbel_population_income',
		title: 'Population 2019 and fiscal statistics 2019 per sector',
		source: 'Statbel, population by statistical sector 2019 and fiscal statistics 2019',
		licence: 'Statbel Licence Open Data (CC BY 4.0 compatible)',
		attribution: 'Statbel (DG Statistique – Statistics Belgium)',
		note: null,
		sort_order: 30
	},
	{
		dataset: 'ibsa_monitoring',
		title: 'Monitoring des Quartiers indicators',
		source:
			'IBSA/perspective.brussels, Monitoring des Quartiers export (households; median income 2019)',
		licence: 'IBSA terms: free reuse with the source cited',
		attribution: 'IBSA/perspective.brussels – Monitoring des Quartiers',
		note: 'The households export does not state its reference year (latest available in February 2024).',
		sort_order: 40
	},
	{
		dataset: 'ulb_compilation',
		title: 'ULB IGEAT sector compilation 2011–2018',
		source: 'ULB IGEAT teaching dataset ACP_BXL.xls (course GEOG-F-404)',
		licence: 'CC0 1.0 (repository); underlying producers Statbel and Census 2011',
		attribution: 'Compilation ULB-IGEAT (GEOG-F-404), d’après Statbel',
		note: 'Research compilation with partly undocumented provenance: shares of people aged 65+ and of single-person households. Replace with IBSA indicators before publishing.',
		sort_order: 50
	},
	{
		dataset: 'osm_streets',
		title: 'Street-name index',
		source: 'OpenStreetMap highways within the Brussels region, via EqualStreetNames.Brussels',
		licence: 'ODbL 1.0',
		attribution: '© OpenStreetMap contributors',
		note: 'Used for street-level positions and demo addresses only.',
		sort_order: 60
	},
	{
		dataset: 'nabij_taxonomy',
		title: 'Nabij taxonomy (categories, support kinds, target groups, languages)',
		source: 'Nabij',
		licence: 'CC0 1.0',
		attribution: 'Nabij taxonomy, CC0',
		note: null,
		sort_order: 70
	}
];

export type IndicatorSourceRow = {
	indicator: string;
	label_en: string;
	unit: 'persons' | 'households' | 'eur' | 'percent' | 'm2';
	reference_year: number | null;
	dataset: string;
	caveat: string | null;
};

/** Which dataset and year each indicator column of quartiers and sectors comes from. */
export const INDICATOR_SOURCES: IndicatorSourceRow[] = [
	{
		indicator: 'pop_2019',
		label_en: 'Legal population on 1 January 2019',
		unit: 'persons',
		reference_year: 2019,
		dataset: 'statbel_population_income',
		caveat: 'Quartier values sum their sectors; 3,147 residents are not localised.'
	},
	{
		indicator: 'households',
		label_en: 'Private households',
		unit: 'households',
		reference_year: null,
		dataset: 'ibsa_monitoring',
		caveat:
			'Reference year not stated; 34 small sectors are suppressed, so sums undercount slightly.'
	},
	{
		indicator: 'median_income_2019',
		label_en: 'Median net taxable income per declaration, 2019 (IBSA indicator 2336)',
		unit: 'eur',
		reference_year: 2019,
		dataset: 'ibsa_monitoring',
		caveat: 'Empty for the 27 non-residential quartiers.'
	},
	{
		indicator: 'share_65plus_pct',
		label_en: 'Share of residents aged 65 and over',
		unit: 'percent',
		reference_year: 2018,
		dataset: 'ulb_compilation',
		caveat: 'Research compilation; quartier values weighted by population 2018.'
	},
	{
		indicator: 'share_single_person_households_pct',
		label_en: 'Share of single-person households',
		unit: 'percent',
		reference_year: 2011,
		dataset: 'ulb_compilation',
		caveat:
			'Research compilation, most likely Census 2011; quartier values weighted by households 2011.'
	},
	{
		indicator: 'area_m2',
		label_en: 'Area',
		unit: 'm2',
		reference_year: 2022,
		dataset: 'quartiers_monitoring',
		caveat: null
	}
];
