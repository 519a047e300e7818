import type { PostgrestError } from '@supabase/supabase-js';
import type { Db } from './client.ts';
import type { QuartierCollection } from '#lib/domain/geo/quartier.ts';
import { orThrow } from './errors.ts';

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

// Fewer rows than any API row cap in one request; more are read in further pages.
const PAGE = 100;

/** Every row of an ordered reference table, page by page, whatever the API's row cap. */
async function allRows<T>(
	fetch: (from: number, to: number) => PromiseLike<{ data: unknown; error: PostgrestError | null }>
): Promise<T[]> {
	const rows: T[] = [];
	for (;;) {
		const page = orThrow(await fetch(rows.length, rows.length + PAGE - 1)) as T[];
		rows.push(...page);
		if (page.length < PAGE) return rows;
	}
}

/** The 145 quartiers with names and representative points, ordered by code. */
export async function listQuartiers(supabase: Db): Promise<QuartierSummary[]> {
	return allRows<QuartierSummary>((from, to) =>
		supabase
			.from('quartiers')
			.select('mdrc, name_fr, name_nl, nis_main, point_lon, point_lat')
			.order('mdrc')
			.range(from, to)
	);
}

/** The 19 communes with their names, ordered by NIS code. */
export async function listCommunes(supabase: Db): Promise<CommuneSummary[]> {
	return orThrow(
		await supabase.from('communes').select('nis, name_fr, name_nl').order('nis')
	) as CommuneSummary[];
}

// Public reference data that only the seed writes: read once per server process.
let quartierShapes: Promise<QuartierCollection> | undefined;

/**
 * The quartier polygons as a GeoJSON collection (for `quartierAt`), read once per process and
 * kept in memory (about 0.7 MB); a failed read is retried on the next call.
 */
export function quartierCollection(supabase: Db): Promise<QuartierCollection> {
	quartierShapes ??= (async () => {
		const rows = await allRows<{
			mdrc: number;
			geometry: QuartierCollection['features'][number]['geometry'];
		}>((from, to) =>
			supabase.from('quartiers').select('mdrc, geometry').order('mdrc').range(from, to)
		);
		return {
			type: 'FeatureCollection',
			features: rows.map((row) => ({
				type: 'Feature',
				properties: { mdrc: row.mdrc },
				geometry: row.geometry
			}))
		} satisfies QuartierCollection;
	})().catch((error: unknown) => {
		quartierShapes = undefined;
		throw error;
	});
	return quartierShapes;
}
