import { booleanClockwise, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { circlePolygon } from './circle.ts';

describe('circlePolygon', () => {
	const center: [number, number] = [4.3414, 50.8417]; // Anneessens
	const polygon = circlePolygon(center, 800);
	const ring = polygon.coordinates[0] ?? [];

	it('puts every vertex at the radius', () => {
		for (const vertex of ring) {
			expect(distance(center, vertex, { units: 'meters' })).toBeCloseTo(800, 3);
		}
	});

	it('is a closed counter-clockwise ring', () => {
		expect(ring).toHaveLength(65);
		expect(ring[0]).toEqual(ring[64]);
		expect(booleanClockwise(ring)).toBe(false);
	});
});
