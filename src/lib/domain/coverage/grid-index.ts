// A bucket grid over points in a local equirectangular projection, so that "is there a point
// within r metres?" looks at a handful of cells instead of every point.

import { EARTH_RADIUS_METERS } from '../geo/coordinates.ts';

export { EARTH_RADIUS_METERS };

const DEG = Math.PI / 180;
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
	/** Cell side; may exceed the requested size when the points span a very large area. */
	readonly cellSizeMeters: number;
	/** Cosine of the projection's reference latitude (the largest |lat| among the points). */
	readonly cosReference: number;
	/** Number of indexed (finite) points. */
	readonly size: number;
	readonly ixMin: number;
	readonly iyMin: number;
	readonly columns: number;
	readonly rows: number;
	/** Compressed rows: points of cell `c` are triples `cellStart[c]` … `cellStart[c + 1] - 1`. */
	readonly cellStart: Int32Array;
	/** Flat `[lonRad, latRad, cosLat, …]` triples ordered by cell. */
	readonly coordinates: Float64Array;
}

// Caps the dense cell table (about 16 MB of offsets); beyond it cells grow instead.
const MAX_CELLS = 1 << 22;

/**
 * Buckets `[lon, lat]` points (WGS84 degrees) into square cells of `cellSizeMeters` in an
 * equirectangular projection whose reference latitude is the largest |lat| of the points. With that
 * choice a projected east–west offset never exceeds the true distance for points in the index,
 * which keeps the cell search exact. Meant for local scales (a city, < 100 km) away from the poles
 * and the antimeridian. Non-finite points are left out.
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
	const finite = points.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
	let maxAbsLat = 0;
	let minX = Infinity;
	let maxX = -Infinity;
	let minY = Infinity;
	let maxY = -Infinity;
	for (const [, lat] of finite) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
	const cosReference = Math.cos(maxAbsLat * DEG);
	for (const [lon, lat] of finite) {
		const x = lon * cosReference;
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, lat);
		maxY = Math.max(maxY, lat);
	}
	let cellSize = cellSizeMeters;
	const metersPerDegree = EARTH_RADIUS_METERS * DEG;
	const cellCount = (size: number) =>
		(Math.floor((maxX * metersPerDegree) / size) -
			Math.floor((minX * metersPerDegree) / size) +
			1) *
		(Math.floor((maxY * metersPerDegree) / size) - Math.floor((minY * metersPerDegree) / size) + 1);
	while (finite.length > 0 && cellCount(cellSize) > MAX_CELLS) cellSize *= 2;

	const scale = metersPerDegree / cellSize;
	const ixMin = finite.length > 0 ? Math.floor(minX * scale) : 0;
	const iyMin = finite.length > 0 ? Math.floor(minY * scale) : 0;
	const columns = finite.length > 0 ? Math.floor(maxX * scale) - ixMin + 1 : 0;
	const rows = finite.length > 0 ? Math.floor(maxY * scale) - iyMin + 1 : 0;

	// Counting sort into compressed rows: no per-cell arrays, no hashing.
	const cellOf = new Int32Array(finite.length);
	const cellStart = new Int32Array(columns * rows + 1);
	finite.forEach(([lon, lat], i) => {
		const ix = Math.floor(lon * cosReference * scale) - ixMin;
		const iy = Math.floor(lat * scale) - iyMin;
		const c = ix * rows + iy;
		cellOf[i] = c;
		cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
	});
	for (let c = 0; c < columns * rows; c++) {
		cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
	}
	const fill = cellStart.slice(0, Math.max(0, columns * rows));
	const coordinates = new Float64Array(finite.length * 3);
	finite.forEach(([lon, lat], i) => {
		const c = cellOf[i] as number;
		const at = (fill[c] as number) * 3;
		fill[c] = (fill[c] as number) + 1;
		const latRad = lat * DEG;
		coordinates[at] = lon * DEG;
		coordinates[at + 1] = latRad;
		coordinates[at + 2] = Math.cos(latRad);
	});
	return {
		cellSizeMeters: cellSize,
		cosReference,
		size: finite.length,
		ixMin,
		iyMin,
		columns,
		rows,
		cellStart,
		coordinates
	};
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
	const x = lon * index.cosReference * scale;
	const y = lat * scale;
	// North–south offsets never exceed the distance; east–west ones may grow by
	// cosReference / cos(lat) when the query lies further from the equator than every point.
	const reachY = (radiusMeters / index.cellSizeMeters) * RANGE_MARGIN;
	const reachX = reachY * Math.max(1, index.cosReference / Math.max(cosLat, 1e-12));
	// Compare haversine's `a` with its value at the radius: no trigonometry per candidate.
	const halfAngle = Math.min(radiusMeters / (2 * EARTH_RADIUS_METERS), Math.PI / 2);
	const aMax = Math.sin(halfAngle) ** 2;

	const ix0 = Math.max(Math.floor(x - reachX) - index.ixMin, 0);
	const ix1 = Math.min(Math.floor(x + reachX) - index.ixMin, index.columns - 1);
	const iy0 = Math.max(Math.floor(y - reachY) - index.iyMin, 0);
	const iy1 = Math.min(Math.floor(y + reachY) - index.iyMin, index.rows - 1);
	const { cellStart, coordinates } = index;
	for (let ix = ix0; ix <= ix1; ix++) {
		for (let iy = iy0; iy <= iy1; iy++) {
			const c = ix * index.rows + iy;
			const end = (cellStart[c + 1] as number) * 3;
			for (let i = (cellStart[c] as number) * 3; i < end; i += 3) {
				const sinLat = Math.sin(((coordinates[i + 1] as number) - latRad) / 2);
				const sinLon = Math.sin(((coordinates[i] as number) - lonRad) / 2);
				const a = sinLat * sinLat + cosLat * (coordinates[i + 2] as number) * sinLon * sinLon;
				if (a <= aMax) return true;
			}
		}
	}
	return false;
}
