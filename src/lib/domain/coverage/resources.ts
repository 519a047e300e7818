import type { CoverageFilters, QuartierInput, ResourceInput, SectorInput } from './types.ts';

/**
 * Whether a resource matches the category and support-kind filters (exact codes; a parent support
 * kind does not match its children).
 *
 * @example matchesFilters(resource, { supportKind: 'home_visits' }) // true if listed
 */
export function matchesFilters(resource: ResourceInput, filters: CoverageFilters): boolean {
	if (filters.category !== undefined && resource.category !== filters.category) return false;
	if (filters.supportKind !== undefined && !resource.support_kinds.includes(filters.supportKind)) {
		return false;
	}
	return true;
}

/**
 * Whether a resource counts as supply: active ones always, paused ones only when asked.
 *
 * @example countsAsSupply({ …resource, status: 'paused' }, false) // false
 */
export function countsAsSupply(resource: ResourceInput, includePaused: boolean): boolean {
	return resource.status === 'active' || (includePaused && resource.status === 'paused');
}

/**
 * Whether the location is only known to the quartier (e.g. a group meeting at someone's home), or
 * has no coordinates at all.
 *
 * @example isQuartierPrecision({ …resource, location_precision: 'quartier' }) // true
 */
export function isQuartierPrecision(resource: ResourceInput): boolean {
	return (
		resource.location_precision === 'quartier' ||
		resource.location_precision === 'quartier_only' ||
		resource.lon === null ||
		resource.lat === null
	);
}

/**
 * One representative `[lon, lat]` point per quartier: the quartier's own `lon`/`lat` when given,
 * else the point of its most populous sector (which lies inside the quartier, unlike a centroid).
 *
 * @example quartierPoints({ quartiers, sectors }).get(1) // [4.352…, 50.846…]
 */
export function quartierPoints({
	quartiers,
	sectors
}: {
	quartiers: readonly QuartierInput[];
	sectors: readonly SectorInput[];
}): Map<number, [number, number]> {
	const best = new Map<number, SectorInput>();
	for (const sector of sectors) {
		const current = best.get(sector.mdrc);
		if (!current || sector.pop_2019 > current.pop_2019) best.set(sector.mdrc, sector);
	}
	const points = new Map<number, [number, number]>();
	for (const [mdrc, sector] of best) points.set(mdrc, [sector.lon, sector.lat]);
	for (const q of quartiers) {
		if (Number.isFinite(q.lon) && Number.isFinite(q.lat)) {
			points.set(q.mdrc, [q.lon as number, q.lat as number]);
		}
	}
	return points;
}

/**
 * Where a resource counts for walking coverage, `[lon, lat]`: its own point, or its quartier's
 * representative point when only the quartier is known. Null when neither is available.
 *
 * @example resourcePoint({ …resource, location_precision: 'quartier', mdrc: 1 }, points) // points.get(1)
 */
export function resourcePoint(
	resource: ResourceInput,
	points: ReadonlyMap<number, [number, number]>
): [number, number] | null {
	if (!isQuartierPrecision(resource)) return [resource.lon as number, resource.lat as number];
	return points.get(resource.mdrc) ?? null;
}
