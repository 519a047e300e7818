// Published entries in and around one quartier, for the quartier sheet: a light first read of
// everything that could be near (to place, group and count), the full rows only for what prints.
import { z } from 'zod';
import type { SheetCandidate } from '#lib/domain/sheet/group.ts';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';
import { PAGE_ROWS } from './resources.ts';

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

const CANDIDATE_COLUMNS =
	'id, organization_name, lon, lat, mdrc, location_precision, support_kinds, service_area_mdrc';

const precisionSchema = z.enum(['exact', 'street', 'quartier']);

/**
 * Published entries located in quartier `mdrc`, with a point in `bbox` (the outline grown by the
 * nearby radius), or serving the quartier through their service area; RLS applies as the caller.
 * Quartier-only entries carry their quartier's point, as the view gives it. At most `limit` rows,
 * ordered by id, so the same quartier always gives the same sheet.
 *
 * @example await nearQuartier(locals.supabase, { mdrc: 1, bbox: [4.343, 50.841, 4.362, 50.852] })
 */
export async function nearQuartier(
	supabase: Db,
	{ mdrc, bbox, limit = PAGE_ROWS }: { mdrc: number; bbox: BBox; limit?: number }
): Promise<SheetCandidate[]> {
	// Full precision: a rounded edge would take in (or leave out) a point just outside (or inside).
	const [minLon, minLat, maxLon, maxLat] = bbox.map(String);
	const rows = orThrow(
		await supabase
			.from('resource_index')
			.select(CANDIDATE_COLUMNS)
			.or(
				`mdrc.eq.${mdrc},service_area_mdrc.cs.{${mdrc}},` +
					`and(lon.gte.${minLon},lon.lte.${maxLon},lat.gte.${minLat},lat.lte.${maxLat})`
			)
			.order('id')
			.range(0, Math.min(limit, PAGE_ROWS) - 1)
	);
	return (rows ?? []).map((row) => ({
		...row,
		location_precision: precisionSchema.parse(row.location_precision)
	}));
}
