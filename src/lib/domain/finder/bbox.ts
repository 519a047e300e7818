// A bounding box around a point, for narrowing a radius search in the database before the exact
// distance test.

import { EARTH_RADIUS_METERS, type LonLat } from '../geo/coordinates.ts';

export type { LonLat };

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

/**
 * The smallest lon/lat box containing every point within `radiusMeters` (great-circle) of
 * `center`. Valid away from the poles, which Brussels is.
 *
 * @example bboxAround([4.35, 50.85], 1000) // ≈ [4.3358, 50.8410, 4.3642, 50.8590]
 */
export function bboxAround(center: LonLat, radiusMeters: number): BBox {
	const [lon, lat] = center;
	const dLat = (radiusMeters / EARTH_RADIUS_METERS) * (180 / Math.PI);
	const dLon = dLat / Math.cos((lat * Math.PI) / 180);
	return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}
