import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { circlePolygon } from '#lib/domain/finder/circle.ts';
import { BRUSSELS_BOUNDS } from './basemap.ts';
import { areaFilter } from './layers.ts';
import { pointsCollection, type MapPoint } from './points.ts';
import {
	initialView,
	PLACE_PADDING_PX,
	placeBounds,
	REGION_PADDING_PX,
	resultView,
	VIEW_RADIUS_WITHOUT_RADIUS_METERS
} from './view.ts';

const point = (id: string, extra: Partial<MapPoint> = {}): MapPoint => ({
	id,
	name: id,
	category: 'self_organisation',
	lon: 4.34,
	lat: 50.84,
	mdrc: 12,
	quartierOnly: false,
	dormant: false,
	...extra
});

describe('placeBounds', () => {
	it('frames the radius with room around it, wider than high', () => {
		const [[w, s], [e, n]] = placeBounds({ lon: 4.35, lat: 50.85, radiusMeters: 1110 });
		expect([w, s, e, n].map((x) => +x.toFixed(3))).toEqual([4.334, 50.84, 4.366, 50.86]);
		expect((e - w) / (n - s)).toBeCloseTo(1.6, 6);
	});

	it('uses 1.5 km around a place searched without a radius', () => {
		expect(VIEW_RADIUS_WITHOUT_RADIUS_METERS).toBe(1500);
		expect(placeBounds({ lon: 4.35, lat: 50.85 })[1][1]).toBeCloseTo(50.8635, 4);
	});

	// The page draws the searched radius as a circle (resultView's finder-radius): whatever the
	// radius the finder allows, and wherever in Brussels, the fitted view holds all of it.
	it.each([
		[4.35, 50.85, 100],
		[4.3456, 50.8276, 1000],
		[4.4, 50.9, 5000],
		[4.25, 50.77, 20_000]
	])('holds the drawn circle around (%f, %f) at %i m', (lon, lat, radiusMeters) => {
		const [[w, s], [e, n]] = placeBounds({ lon, lat, radiusMeters });
		const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = bbox(
			circlePolygon([lon, lat], radiusMeters)
		);
		expect(w).toBeLessThan(minLon);
		expect(e).toBeGreaterThan(maxLon);
		expect(s).toBeLessThanOrEqual(minLat + 1e-9);
		expect(n).toBeGreaterThanOrEqual(maxLat - 1e-9);
	});
});

describe('initialView', () => {
	it('opens on the searched place, else on the whole region', () => {
		const place = { lon: 4.35, lat: 50.85, radiusMeters: 800 };
		expect(initialView(place)).toEqual({ bounds: placeBounds(place), padding: PLACE_PADDING_PX });
		expect(initialView(null)).toEqual({ bounds: BRUSSELS_BOUNDS, padding: REGION_PADDING_PX });
	});
});

describe('resultView', () => {
	const results = pointsCollection([point('a'), point('b', { quartierOnly: true, mdrc: 7 })]);

	it('gives the points, the quartiers of quartier-only entries and the count drawn', () => {
		const view = resultView({ results, place: null, quartier: null });
		expect(view.sources['finder-points']).toBe(results.points);
		expect(view.filters['finder-area-fill']).toEqual(areaFilter([7]));
		expect(view.filters['finder-area-line']).toEqual(areaFilter([7]));
		expect(view.filters['finder-selected-area']).toEqual(areaFilter([]));
		expect(view.sources['finder-place'].features).toEqual([]);
		expect(view.sources['finder-radius'].features).toEqual([]);
		expect(view.renderedCount).toBe(2);
	});

	it('outlines the chosen quartier', () => {
		const view = resultView({ results, place: null, quartier: 12 });
		expect(view.filters['finder-selected-area']).toEqual(areaFilter([12]));
	});

	it('marks the searched place, and draws its radius only when it has one', () => {
		const place = { lon: 4.3456, lat: 50.8276 };
		const without = resultView({ results, place, quartier: null });
		expect(without.sources['finder-place'].features[0]?.geometry).toEqual({
			type: 'Point',
			coordinates: [4.3456, 50.8276]
		});
		expect(without.sources['finder-radius'].features).toEqual([]);
		const withRadius = resultView({
			results,
			place: { ...place, radiusMeters: 1000 },
			quartier: null
		});
		expect(withRadius.sources['finder-radius'].features[0]?.geometry).toEqual(
			circlePolygon([4.3456, 50.8276], 1000)
		);
	});
});
