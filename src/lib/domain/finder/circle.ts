// A circle as a GeoJSON polygon, for drawing the search radius on the map.

import { EARTH_RADIUS_METERS, type LonLat } from '../geo/coordinates.ts';

/**
 * A closed ring approximating the circle of `radiusMeters` around `center` (great-circle
 * destinations at `steps` bearings), as a GeoJSON Polygon.
 *
 * @example circlePolygon([4.35, 50.85], 500).coordinates[0].length // 65
 */
export function circlePolygon(
	center: LonLat,
	radiusMeters: number,
	steps = 64
): { type: 'Polygon'; coordinates: LonLat[][] } {
	const [lon, lat] = center.map((deg) => (deg * Math.PI) / 180) as LonLat;
	const angular = radiusMeters / EARTH_RADIUS_METERS;
	const ring: LonLat[] = [];
	for (let i = 0; i <= steps; i++) {
		// Counter-clockwise, as RFC 7946 wants exterior rings.
		const bearing = (-2 * Math.PI * (i % steps)) / steps;
		const lat2 = Math.asin(
			Math.sin(lat) * Math.cos(angular) + Math.cos(lat) * Math.sin(angular) * Math.cos(bearing)
		);
		const lon2 =
			lon +
			Math.atan2(
				Math.sin(bearing) * Math.sin(angular) * Math.cos(lat),
				Math.cos(angular) - Math.sin(lat) * Math.sin(lat2)
			);
		ring.push([(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
	}
	return { type: 'Polygon', coordinates: [ring] };
}
