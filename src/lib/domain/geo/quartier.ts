import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

import type { LonLat } from './coordinates.ts';

export type { LonLat } from './coordinates.ts';

/** Properties every quartier feature carries (the source file has more). */
export type QuartierProperties = { mdrc: number };

/** One Monitoring des Quartiers unit as GeoJSON. */
export type QuartierFeature = Feature<Polygon | MultiPolygon, QuartierProperties>;

/** The 145 quartiers, e.g. `quartiers_monitoring.geojson`. */
export type QuartierCollection = FeatureCollection<Polygon | MultiPolygon, QuartierProperties>;

type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];
type Indexed = { mdrc: number; box: Box; feature: QuartierFeature };

// Bounding boxes are computed once per collection object; a collection is treated as immutable.
const indexes = new WeakMap<QuartierCollection, Indexed[]>();

function boxOf(geometry: Polygon | MultiPolygon): Box {
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const rings: Position[][] =
		geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
	for (const ring of rings) {
		for (const [lon = NaN, lat = NaN] of ring) {
			if (lon < box[0]) box[0] = lon;
			if (lat < box[1]) box[1] = lat;
			if (lon > box[2]) box[2] = lon;
			if (lat > box[3]) box[3] = lat;
		}
	}
	return box;
}

function indexOf(quartiers: QuartierCollection): Indexed[] {
	let index = indexes.get(quartiers);
	if (!index) {
		index = quartiers.features.map((feature) => ({
			mdrc: feature.properties.mdrc,
			box: boxOf(feature.geometry),
			feature
		}));
		indexes.set(quartiers, index);
	}
	return index;
}

/**
 * The quartier (Monitoring des Quartiers `mdrc` code) containing a point, or null outside all of
 * them. A point exactly on a shared boundary belongs to the first quartier in the collection.
 * Bounding boxes are checked first, so a lookup costs a few polygon tests.
 *
 * @example
 * quartierAt([4.3525, 50.8467], quartiers) // 1 (Grand Place)
 * quartierAt([4.7, 50.88], quartiers) // null (Leuven is not in Brussels)
 */
export function quartierAt(point: LonLat, quartiers: QuartierCollection): number | null {
	const [lon, lat] = point;
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
	for (const { mdrc, box, feature } of indexOf(quartiers)) {
		if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
		if (booleanPointInPolygon([lon, lat], feature)) return mdrc;
	}
	return null;
}

/**
 * Great-circle distance between two points in metres (haversine on a sphere, as Turf does).
 *
 * @example
 * distanceMeters([4.3525, 50.8467], [4.3499, 50.845]) // ≈ 260
 */
export function distanceMeters(a: LonLat, b: LonLat): number {
	return distance(a, b, { units: 'meters' });
}
