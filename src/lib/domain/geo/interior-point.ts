import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './quartier.ts';

type Area = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

function geometryOf(area: Area): Polygon | MultiPolygon {
	return area.type === 'Feature' ? area.geometry : area;
}

// Crossings of the horizontal line at `lat` with every edge of the rings, sorted by longitude.
// Half-open edge test, so a vertex exactly on the line is counted once.
function crossings(rings: Position[][], lat: number): number[] {
	const xs: number[] = [];
	for (const ring of rings) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const [x1 = 0, y1 = 0] = ring[i] ?? [];
			const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
			if (y1 <= lat !== y2 <= lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
		}
	}
	return xs.sort((a, b) => a - b);
}

// Scan-line interior point (as GEOS InteriorPointArea): the middle of the widest inside interval
// on a horizontal line through the middle of the polygon's latitude range.
function scanLinePoint(polygons: Position[][][]): LonLat | null {
	let best: { width: number; point: LonLat } | null = null;
	for (const rings of polygons) {
		const lats = (rings[0] ?? []).map(([, lat = 0]) => lat);
		const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
		const xs = crossings(rings, lat);
		for (let i = 0; i + 1 < xs.length; i += 2) {
			const [a = 0, b = 0] = [xs[i], xs[i + 1]];
			if (!best || b - a > best.width) best = { width: b - a, point: [(a + b) / 2, lat] };
		}
	}
	return best?.point ?? null;
}

/**
 * A point strictly inside a polygon, for labels, quartier-only locations and population points:
 * the centroid when it lies inside, else the middle of the widest inside stretch of a horizontal
 * line through the shape. Unlike Turf's `pointOnFeature`, it never returns a vertex, which on a
 * shared boundary would belong to the neighbour as much as to this polygon.
 *
 * @example
 * interiorPoint(quartierFeature) // [4.3525…, 50.8467…] for Grand Place
 */
export function interiorPoint(area: Area): LonLat {
	const geometry = geometryOf(area);
	const [lon = NaN, lat = NaN] = centroid(geometry).geometry.coordinates;
	if (booleanPointInPolygon([lon, lat], geometry, { ignoreBoundary: true })) return [lon, lat];
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const point = scanLinePoint(polygons);
	if (!point) throw new Error('interiorPoint: empty geometry');
	return point;
}
