// Data for the coverage dashboard, read through the visitor's Supabase client (RLS applies).
// Geography and taxonomy are read-only reference data: loaded once per server process and kept
// in memory. Resources, field checks and need signals change and are read on every request.
import type { PostgrestError } from '@supabase/supabase-js';
import type { Db } from './client.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type {
	NeedSignalCountInput,
	QuartierInput,
	ResourceInput,
	ResourceStatus,
	SectorInput,
	SurveyInput
} from '#lib/domain/coverage/index.ts';
import { orThrow } from './errors.ts';

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

export interface Taxonomy {
	categories: TaxonomyTerm[];
	/** Only the kinds (second level), not the groups. */
	supportKinds: TaxonomyTerm[];
}

/** A field check with the organisation that made it. */
export interface Survey extends SurveyInput {
	note: string | null;
}

// Rows asked for per request. A Supabase project answers at most `max_rows` rows per request
// (1,000 by default) whatever the range asked, so reading goes on from the last row received.
const REQUEST_ROWS = 10_000;
// No Supabase project caps responses below this: a shorter answer is the end of the table.
const MIN_SERVER_CAP = 1000;

type Page<T> = (
	from: number,
	to: number
) => PromiseLike<{ data: T[] | null; error: PostgrestError | null }>;

/** All rows of an ordered query, in as few requests as the server allows. */
async function readAll<T>(page: Page<T>): Promise<T[]> {
	const rows: T[] = [];
	for (;;) {
		const batch = orThrow(await page(rows.length, rows.length + REQUEST_ROWS - 1)) ?? [];
		rows.push(...batch);
		if (batch.length < MIN_SERVER_CAP) return rows;
	}
}

// numeric columns may arrive as strings, depending on the server's JSON encoding.
function toNumber(value: unknown): number | null {
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

// need_signals.outcome is text with a check constraint.
const signalOutcome = z.enum(['found', 'not_found']);

// resource_index lists published entries only; `status` is text in the schema.
const PUBLISHED: readonly string[] = ['active', 'paused', 'dormant'] satisfies ResourceStatus[];
function isPublished(status: string): status is ResourceStatus {
	return PUBLISHED.includes(status);
}

let geographyCache: Promise<Geography> | null = null;
let taxonomyCache: Promise<Taxonomy> | null = null;

/** Forgets the cached geography and taxonomy (after a reseed, or between test databases). */
export function clearReferenceCache(): void {
	geographyCache = null;
	taxonomyCache = null;
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

/**
 * Quartiers (with geometry and indicators), sectors (population and representative point) and
 * communes. Read once per server process; an empty or failed read is not kept, so a database
 * seeded later is picked up.
 */
export function geography(supabase: Db): Promise<Geography> {
	if (!geographyCache) {
		const loading = fetchGeography(supabase);
		geographyCache = loading;
		loading.then(
			(g) => {
				if (g.quartiers.length === 0 && geographyCache === loading) geographyCache = null;
			},
			() => {
				if (geographyCache === loading) geographyCache = null;
			}
		);
	}
	return geographyCache;
}

async function fetchTaxonomy(supabase: Db): Promise<Taxonomy> {
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

/** Organisation categories and support kinds with their labels, read once per process. */
export function taxonomy(supabase: Db): Promise<Taxonomy> {
	if (!taxonomyCache) {
		const loading = fetchTaxonomy(supabase);
		taxonomyCache = loading;
		loading.then(
			(t) => {
				if (t.categories.length === 0 && taxonomyCache === loading) taxonomyCache = null;
			},
			() => {
				if (taxonomyCache === loading) taxonomyCache = null;
			}
		);
	}
	return taxonomyCache;
}

/**
 * Every published resource (service at a location) with only the columns coverage needs. Large
 * pages: paging with offsets re-reads the view for every page.
 */
export async function resources(supabase: Db): Promise<ResourceInput[]> {
	const rows = await readAll((from, to) =>
		supabase
			.from('resource_index')
			.select(
				'id, category, support_kinds, lon, lat, mdrc, location_precision, status, assured_date, service_area_mdrc'
			)
			.order('id')
			.range(from, to)
	);
	return rows.flatMap((r) => {
		const status = r.status;
		// Not published (the view never lists those): it does not count as coverage.
		if (!isPublished(status)) return [];
		return [
			{
				id: String(r.id),
				category: r.category,
				support_kinds: r.support_kinds ?? [],
				lon: toNumber(r.lon),
				lat: toNumber(r.lat),
				mdrc: r.mdrc,
				location_precision: r.location_precision,
				status,
				assured_date: r.assured_date,
				service_area_mdrc: r.service_area_mdrc ?? []
			}
		];
	});
}

/** Every field check the visitor may read, with the name of the organisation that made it. */
export async function surveys(supabase: Db): Promise<Survey[]> {
	const rows = await readAll((from, to) =>
		supabase
			.from('quartier_surveys')
			.select('id, mdrc, checked_on, note, organizations(name)')
			.order('id')
			.range(from, to)
	);
	return rows.map((r) => {
		const organization = r.organizations as { name: string } | { name: string }[] | null;
		const name = Array.isArray(organization) ? organization[0]?.name : organization?.name;
		return { mdrc: r.mdrc, checked_on: r.checked_on, organization_name: name ?? '', note: r.note };
	});
}

/**
 * Need signals counted per quartier, support kind and outcome (summed over language and target
 * group). The database leaves out cells below `minCount` (at least 3) and refuses callers who
 * are not policy analysts or admins.
 */
export async function needSignals(
	supabase: Db,
	{ minCount = 5 }: { minCount?: number } = {}
): Promise<NeedSignalCountInput[]> {
	const rows = orThrow(await supabase.rpc('need_signal_counts', { min_count: minCount })) ?? [];
	return rows.map((r) => ({
		mdrc: r.mdrc,
		support_kind: r.support_kind,
		outcome: signalOutcome.parse(r.outcome),
		// bigint: may arrive as a string, depending on the server's JSON encoding.
		count: toNumber(r.signal_count) ?? 0
	}));
}
