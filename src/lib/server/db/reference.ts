// Reference data: the geography (quartiers, statistical sectors, communes) and the taxonomy
// (categories, support kinds, target groups). Public, read through the visitor's client (RLS
// applies), and written only by the seed, so the large reads are kept once per server process
// with one cache helper and read with one pager. geography.ts, taxonomy.ts and coverage.ts
// re-export what their callers use.
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { QuartierInput, SectorInput } from '#lib/domain/coverage/index.ts';
import type { QuartierCollection } from '#lib/domain/geo/quartier.ts';
import type { Locale } from '#lib/i18n/locales.ts';
import { cachedLoad } from '../cache.ts';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';
import { readAll } from './pages.ts';

/** A quartier's names, main commune and representative point (no geometry). */
export type QuartierSummary = {
	mdrc: number;
	name_fr: string;
	name_nl: string;
	nis_main: string;
	point_lon: number;
	point_lat: number;
};

/** A commune's names. */
export type CommuneSummary = { nis: string; name_fr: string; name_nl: string };

/** A quartier with its outline, as the coverage engine and the map need it. */
export interface QuartierWithGeometry extends QuartierInput {
	geometry: Polygon | MultiPolygon;
}

export interface Commune {
	nis: string;
	name_fr: string;
	name_nl: string;
}

/** The static geography: 145 quartiers, 724 sectors, 19 communes. */
export interface Geography {
	quartiers: QuartierWithGeometry[];
	sectors: SectorInput[];
	communes: Commune[];
}

/** A category or support kind code with its labels. */
export interface TaxonomyTerm {
	code: string;
	label_fr: string;
	label_nl: string;
	label_en: string;
}

/** The taxonomy as the coverage dashboard filters on it. */
export interface CoverageTaxonomy {
	categories: TaxonomyTerm[];
	/** Only the kinds (second level), not the groups. */
	supportKinds: TaxonomyTerm[];
}

/** A numeric column's value as a number: numeric columns may arrive as strings, depending on the server's JSON encoding. */
export function toNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

// A quartier's outline as stored (jsonb): checked, since the map and the engine rely on it.
const outlineSchema = z.looseObject({
	type: z.enum(['Polygon', 'MultiPolygon']),
	coordinates: z.array(z.array(z.unknown()))
});

function isOutline(geometry: unknown): geometry is Polygon | MultiPolygon {
	return outlineSchema.safeParse(geometry).success;
}

function outline(mdrc: number, geometry: unknown): Polygon | MultiPolygon {
	if (!isOutline(geometry)) throw new Error(`quartier ${mdrc} has no polygon outline`);
	return geometry;
}

function fetchQuartierList(supabase: Db): Promise<QuartierSummary[]> {
	return readAll((from, to) =>
		supabase
			.from('quartiers')
			.select('mdrc, name_fr, name_nl, nis_main, point_lon, point_lat')
			.order('mdrc')
			.range(from, to)
	);
}

const quartierListCache = cachedLoad(fetchQuartierList, { keep: (q) => q.length > 0 });

/**
 * The 145 quartiers with names and representative points, ordered by code. Read once per
 * process, like the rest of the geography: the finder asks for it on every page.
 */
export function listQuartiers(supabase: Db): Promise<QuartierSummary[]> {
	return quartierListCache.get(supabase);
}

/** The 19 communes with their names, ordered by NIS code. */
export async function listCommunes(supabase: Db): Promise<CommuneSummary[]> {
	return readAll((from, to) =>
		supabase.from('communes').select('nis, name_fr, name_nl').order('nis').range(from, to)
	);
}

async function fetchGeography(supabase: Db): Promise<Geography> {
	const [quartiers, sectors, communes] = await Promise.all([
		readAll((from, to) =>
			supabase
				.from('quartiers')
				.select(
					'mdrc, name_fr, name_nl, type, nis_main, geometry, point_lon, point_lat, pop_2019, households, median_income_2019, share_65plus_pct, share_single_person_households_pct'
				)
				.order('mdrc')
				.range(from, to)
		),
		readAll((from, to) =>
			supabase
				.from('sectors')
				.select('cd_sector, mdrc, pop_2019, point_lon, point_lat')
				.order('cd_sector')
				.range(from, to)
		),
		readAll((from, to) =>
			supabase.from('communes').select('nis, name_fr, name_nl').order('nis').range(from, to)
		)
	]);
	return {
		quartiers: quartiers.map((q) => ({
			mdrc: q.mdrc,
			name_fr: q.name_fr,
			name_nl: q.name_nl,
			type: q.type,
			nis_main: q.nis_main,
			geometry: outline(q.mdrc, q.geometry),
			lon: q.point_lon,
			lat: q.point_lat,
			pop_2019: toNumber(q.pop_2019) ?? 0,
			households: toNumber(q.households),
			median_income_2019: toNumber(q.median_income_2019),
			share_65plus_pct: toNumber(q.share_65plus_pct),
			share_single_households_pct: toNumber(q.share_single_person_households_pct)
		})),
		sectors: sectors.map((s) => ({
			cd_sector: s.cd_sector,
			mdrc: s.mdrc,
			pop_2019: toNumber(s.pop_2019) ?? 0,
			lon: s.point_lon,
			lat: s.point_lat
		})),
		communes
	};
}

// An empty read (a database not seeded yet) is not kept, so a database seeded later is picked up.
const geographyCache = cachedLoad(fetchGeography, { keep: (g) => g.quartiers.length > 0 });

/**
 * Quartiers (with geometry and indicators), sectors (population and representative point) and
 * communes. Read once per server process; an empty or failed read is not kept.
 */
export function geography(supabase: Db): Promise<Geography> {
	return geographyCache.get(supabase);
}

async function fetchQuartierCollection(supabase: Db): Promise<QuartierCollection> {
	const rows = await readAll((from, to) =>
		supabase.from('quartiers').select('mdrc, geometry').order('mdrc').range(from, to)
	);
	return {
		type: 'FeatureCollection',
		features: rows.map((row) => ({
			type: 'Feature',
			properties: { mdrc: row.mdrc },
			geometry: outline(row.mdrc, row.geometry)
		}))
	};
}

const quartierCollectionCache = cachedLoad(fetchQuartierCollection, {
	keep: (c) => c.features.length > 0
});

/**
 * The quartier polygons as a GeoJSON collection (for `quartierAt`), read once per process and
 * kept in memory (about 0.7 MB); a failed read is retried on the next call.
 */
export function quartierCollection(supabase: Db): Promise<QuartierCollection> {
	return quartierCollectionCache.get(supabase);
}

/** A taxonomy term with its labels in the three interface languages. */
export type Term = {
	code: string;
	label_fr: string;
	label_nl: string;
	label_en: string;
};

/** A support kind; groups have no parent. */
export type SupportKindTerm = Term & { parent_code: string | null };

/** The whole taxonomy the finder filters on, each list in its display order. */
export type Taxonomy = {
	categories: Term[];
	supportKinds: SupportKindTerm[];
	targetGroups: Term[];
};

const LABELS = 'code, label_fr, label_nl, label_en';

async function fetchFinderTaxonomy(supabase: Db): Promise<Taxonomy> {
	const [categories, supportKinds, targetGroups] = await Promise.all([
		supabase.from('categories').select(LABELS).order('sort_order'),
		supabase.from('support_kinds').select(`${LABELS}, parent_code`).order('sort_order'),
		supabase.from('target_groups').select(LABELS).order('sort_order')
	]);
	return {
		categories: orThrow(categories) ?? [],
		supportKinds: orThrow(supportKinds) ?? [],
		targetGroups: orThrow(targetGroups) ?? []
	};
}

// The taxonomy changes only with a migration (there is no editor in the app), which comes with a
// new deployment; every finder page, slip and detail page needs it.
const finderTaxonomyCache = cachedLoad(fetchFinderTaxonomy, {
	keep: (t) => t.categories.length > 0
});

/** Categories, support kinds and target groups, in sort order; read once per process. */
export function load(supabase: Db): Promise<Taxonomy> {
	return finderTaxonomyCache.get(supabase);
}

/** A term's label in a locale, or its code when the term is unknown. */
export function labelOf(terms: Term[], code: string, locale: Locale): string {
	const term = terms.find((t) => t.code === code);
	return term ? term[`label_${locale}`] : code;
}

async function fetchTaxonomy(supabase: Db): Promise<CoverageTaxonomy> {
	const columns = 'code, label_fr, label_nl, label_en';
	const [categories, kinds] = await Promise.all([
		supabase.from('categories').select(columns).order('sort_order'),
		supabase
			.from('support_kinds')
			.select(columns)
			.not('parent_code', 'is', null)
			.order('sort_order')
	]);
	return { categories: orThrow(categories) ?? [], supportKinds: orThrow(kinds) ?? [] };
}

const coverageTaxonomyCache = cachedLoad(fetchTaxonomy, { keep: (t) => t.categories.length > 0 });

/** Organisation categories and support kinds with their labels, read once per process. */
export function coverageTaxonomy(supabase: Db): Promise<CoverageTaxonomy> {
	return coverageTaxonomyCache.get(supabase);
}

/** Forgets the kept geography and taxonomy (after a reseed, or between test databases). */
export function clearReferenceCache(): void {
	geographyCache.clear();
	quartierListCache.clear();
	quartierCollectionCache.clear();
	finderTaxonomyCache.clear();
	coverageTaxonomyCache.clear();
}
