import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bboxAround } from './bbox.ts';

describe('bboxAround', () => {
	it('contains the points at the radius in every direction (Grand Place, 1 km)', () => {
		const center: [number, number] = [4.3525, 50.8467];
		const [minLon, minLat, maxLon, maxLat] = bboxAround(center, 1000);
		for (let bearing = 0; bearing < 360; bearing += 15) {
			const [lon = NaN, lat = NaN] = destination(center, 999.9, bearing, { units: 'meters' })
				.geometry.coordinates;
			expect(lon).toBeGreaterThanOrEqual(minLon);
			expect(lon).toBeLessThanOrEqual(maxLon);
			expect(lat).toBeGreaterThanOrEqual(minLat);
			expect(lat).toBeLessThanOrEqual(maxLat);
		}
	});

	it('is tight: the edges lie at the radius north and east', () => {
		const center: [number, number] = [4.3525, 50.8467];
		const [, , maxLon, maxLat] = bboxAround(center, 1000);
		const north = destination(center, 1000, 0, { units: 'meters' }).geometry.coordinates[1];
		const east = destination(center, 1000, 90, { units: 'meters' }).geometry.coordinates[0];
		expect(maxLat).toBeCloseTo(north ?? NaN, 5);
		expect(maxLon).toBeCloseTo(east ?? NaN, 3);
	});
});
