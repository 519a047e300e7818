// Finder results as map data: exact and street-precision entries become points; quartier-only
// entries become their quartier's area, never a pin at a made-up spot.

/** A result as the map needs it. */
export type MapPoint = {
	id: string;
	name: string;
	category: string;
	lon: number;
	lat: number;
	mdrc: number;
	quartierOnly: boolean;
	dormant: boolean;
};

type PointFeature = {
	type: 'Feature';
	id: number;
	properties: { resourceId: string; category: string; dormant: boolean };
	geometry: { type: 'Point'; coordinates: [number, number] };
};

/** What MapView draws for a list of results. */
export type MapCollection = {
	points: { type: 'FeatureCollection'; features: PointFeature[] };
	/** Distinct quartiers to shade for quartier-only entries. */
	areaQuartiers: number[];
	/** Quartier-only entries drawn through those areas. */
	areaCount: number;
	/** Result id → feature id, for highlighting. */
	indexOf: Map<string, number>;
};

/**
 * Splits results into point features (numeric ids for feature state) and quartier areas.
 *
 * @example pointsCollection([{ id: 'a', quartierOnly: true, mdrc: 12, … }]).areaQuartiers // [12]
 */
export function pointsCollection(points: readonly MapPoint[]): MapCollection {
	const features: PointFeature[] = [];
	const areas = new Set<number>();
	const indexOf = new Map<string, number>();
	let areaCount = 0;
	for (const point of points) {
		if (point.quartierOnly) {
			areas.add(point.mdrc);
			areaCount++;
			continue;
		}
		indexOf.set(point.id, features.length);
		features.push({
			type: 'Feature',
			id: features.length,
			properties: { resourceId: point.id, category: point.category, dormant: point.dormant },
			geometry: { type: 'Point', coordinates: [point.lon, point.lat] }
		});
	}
	return {
		points: { type: 'FeatureCollection', features },
		areaQuartiers: [...areas],
		areaCount,
		indexOf
	};
}
