// A bucket grid over points in a local equirectangular projection, so that "is there a point
// within r metres?" looks at a handful of cells instead of every point.

/** Mean Earth radius in metres, the value Turf's `distance` uses. */
export const EARTH_RADIUS_METERS = 6371008.8;

const DEG = Math.PI / 180;
// Cell keys pack two non-negative cell numbers into one safe integer.
const KEY_OFFSET = 2 ** 25;
const KEY_STRIDE = 2 ** 26;
// Guards the cell range against rounding; distances themselves are checked exactly.
const RANGE_MARGIN = 1 + 1e-6;

/**
 * Great-circle (haversine) distance between two `[lon, lat]` points in metres, the same formula and
 * Earth radius as Turf's `distance`.
 *
 * @example haversineMeters([4.3517, 50.8465], [4.3572, 50.8466]) // ≈ 387 (Grand-Place → Parc)
 */
export function haversineMeters(from: readonly [number, number], to: readonly [number, number]) {
	const dLat = (to[1] - from[1]) * DEG;
	const dLon = (to[0] - from[0]) * DEG;
	const a =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(from[1] * DEG) * Math.cos(to[1] * DEG) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** A grid of points built by {@link createGridIndex}; query it with {@link hasPointWithin}. */
export interface GridIndex {
	readonly cellSizeMeters: number;
	/** Cosine of the projection's reference latitude (the largest |lat| among the points). */
	readonly cosReference: number;
	readonly size: number;
	/** Per cell: flat `[lonRad, latRad, cosLat, …]` triples. */
	readonly cells: ReadonlyMap<number, Float64Array>;
}

function cellKey(ix: number, iy: number) {
	return (ix + KEY_OFFSET) * KEY_STRIDE + (iy + KEY_OFFSET);
}

/**
 * Buckets `[lon, lat]` points (WGS84 degrees) into square cells of `cellSizeMeters` in an
 * equirectangular projection whose reference latitude is the largest |lat| of the points. With that
 * choice a projected east–west offset never exceeds the true distance for points in the index,
 * which keeps the cell search exact. Meant for local scales (a city, < 100 km) away from the poles
 * and the antimeridian.
 *
 * @example
 * const index = createGridIndex({ points: [[4.3517, 50.8465]], cellSizeMeters: 500 });
 * hasPointWithin(index, [4.3572, 50.8466], 500); // true (≈ 387 m)
 */
export function createGridIndex({
	points,
	cellSizeMeters
}: {
	points: readonly (readonly [number, number])[];
	cellSizeMeters: number;
}): GridIndex {
	if (!(cellSizeMeters > 0)) throw new RangeError('cellSizeMeters must be positive');
	let maxAbsLat = 0;
	for (const [, lat] of points) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
	const cosReference = Math.cos(maxAbsLat * DEG);
	const scale = (EARTH_RADIUS_METERS * DEG) / cellSizeMeters;

	const buckets = new Map<number, number[]>();
	for (const [lon, lat] of points) {
		const key = cellKey(Math.floor(lon * scale * cosReference), Math.floor(lat * scale));
		const latRad = lat * DEG;
		let bucket = buckets.get(key);
		if (!bucket) buckets.set(key, (bucket = []));
		bucket.push(lon * DEG, latRad, Math.cos(latRad));
	}
	const cells = new Map<number, Float64Array>();
	for (const [key, bucket] of buckets) cells.set(key, Float64Array.from(bucket));
	return { cellSizeMeters, cosReference, size: points.length, cells };
}

/**
 * Whether any indexed point lies within `radiusMeters` (haversine, inclusive) of `[lon, lat]`.
 * Looks only at the cells the circle can reach and stops at the first hit.
 *
 * @example hasPointWithin(index, [4.3572, 50.8466], 1000) // true if a point is ≤ 1 km away
 */
export function hasPointWithin(
	index: GridIndex,
	point: readonly [number, number],
	radiusMeters: number
): boolean {
	if (index.size === 0 || !(radiusMeters >= 0)) return false;
	const [lon, lat] = point;
	const latRad = lat * DEG;
	const cosLat = Math.cos(latRad);
	const lonRad = lon * DEG;
	const scale = (EARTH_RADIUS_METERS * DEG) / index.cellSizeMeters;
	const x = lon * scale * index.cosReference;
	const y = lat * scale;
	// North–south offsets never exceed the distance; east–west ones may grow by
	// cosReference / cos(lat) when the query lies further from the equator than every point.
	const reachY = (radiusMeters / index.cellSizeMeters) * RANGE_MARGIN;
	const reachX = reachY * Math.max(1, index.cosReference / Math.max(cosLat, 1e-12));
	// Compare haversine's `a` with its value at the radius: no trigonometry per candidate.
	const halfAngle = Math.min(radiusMeters / (2 * EARTH_RADIUS_METERS), Math.PI / 2);
	const aMax = Math.sin(halfAngle) ** 2;

	const ix0 = Math.floor(x - reachX);
	const ix1 = Math.floor(x + reachX);
	const iy0 = Math.floor(y - reachY);
	const iy1 = Math.floor(y + reachY);
	for (let ix = ix0; ix <= ix1; ix++) {
		for (let iy = iy0; iy <= iy1; iy++) {
			const cell = index.cells.get(cellKey(ix, iy));
			if (!cell) continue;
			for (let i = 0; i < cell.length; i += 3) {
				const sinLat = Math.sin(((cell[i + 1] as number) - latRad) / 2);
				const sinLon = Math.sin(((cell[i] as number) - lonRad) / 2);
				const a = sinLat * sinLat + cosLat * (cell[i + 2] as number) * sinLon * sinLon;
				if (a <= aMax) return true;
			}
		}
	}
	return false;
}
