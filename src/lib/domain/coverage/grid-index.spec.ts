import { destination, distance, point } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGridIndex, hasPointWithin, haversineMeters } from './grid-index.ts';

const GRAND_PLACE: [number, number] = [4.3525, 50.8467];

function at(from: [number, number], meters: number, bearing: number): [number, number] {
	const [lon, lat] = destination(point(from), meters / 1000, bearing).geometry.coordinates as [
		number,
		number
	];
	return [lon, lat];
}

describe('haversineMeters', () => {
	it('agrees with Turf distance in metres', () => {
		const target: [number, number] = [4.3572, 50.8466];
		const turfMeters = distance(point(GRAND_PLACE), point(target), { units: 'meters' });
		expect(haversineMeters(GRAND_PLACE, target)).toBeCloseTo(turfMeters, 6);
		expect(haversineMeters(GRAND_PLACE, target)).toBeGreaterThan(300);
		expect(haversineMeters(GRAND_PLACE, target)).toBeLessThan(400);
	});

	it('is zero for the same point', () => {
		expect(haversineMeters(GRAND_PLACE, GRAND_PLACE)).toBe(0);
	});
});

describe('hasPointWithin', () => {
	it('finds a point just inside the radius and not one just outside', () => {
		const index = createGridIndex({ points: [at(GRAND_PLACE, 499, 90)], cellSizeMeters: 500 });
		expect(hasPointWithin(index, GRAND_PLACE, 500)).toBe(true);
		const far = createGridIndex({ points: [at(GRAND_PLACE, 501, 90)], cellSizeMeters: 500 });
		expect(hasPointWithin(far, GRAND_PLACE, 500)).toBe(false);
	});

	it('answers false for an empty index', () => {
		const index = createGridIndex({ points: [], cellSizeMeters: 500 });
		expect(hasPointWithin(index, GRAND_PLACE, 10_000)).toBe(false);
	});

	it('rejects a non-positive cell size', () => {
		expect(() => createGridIndex({ points: [], cellSizeMeters: 0 })).toThrow(RangeError);
	});

	it('finds points in every direction, across cell borders', () => {
		for (let bearing = 0; bearing < 360; bearing += 15) {
			const index = createGridIndex({
				points: [at(GRAND_PLACE, 990, bearing)],
				cellSizeMeters: 1000
			});
			expect(hasPointWithin(index, GRAND_PLACE, 1000), `bearing ${bearing}`).toBe(true);
			expect(hasPointWithin(index, GRAND_PLACE, 980), `bearing ${bearing}`).toBe(false);
		}
	});

	it('leaves out non-finite points', () => {
		const index = createGridIndex({
			points: [GRAND_PLACE, [Number.NaN, 50.8]],
			cellSizeMeters: 500
		});
		expect(index.size).toBe(1);
		expect(hasPointWithin(index, GRAND_PLACE, 1)).toBe(true);
	});

	it('grows the cells when the points span too large an area, and stays exact', () => {
		const points: [number, number][] = [[-150, -50], [150, 60], GRAND_PLACE];
		const index = createGridIndex({ points, cellSizeMeters: 1 });
		expect(index.cellSizeMeters).toBeGreaterThan(1);
		expect(index.columns * index.rows).toBeLessThanOrEqual(1 << 22);
		expect(hasPointWithin(index, at(GRAND_PLACE, 20, 45), 25)).toBe(true);
		expect(hasPointWithin(index, at(GRAND_PLACE, 30, 45), 25)).toBe(false);
	});

	// The brute-force reference: Turf's distance to every point.
	function bruteForce(points: [number, number][], query: [number, number], radius: number) {
		return points.some((p) => distance(point(query), point(p), { units: 'meters' }) <= radius);
	}

	it('agrees with a brute-force search on random points around Brussels', () => {
		const lonLat = fc.tuple(
			fc.double({ min: 4.24, max: 4.49, noNaN: true }),
			fc.double({ min: 50.76, max: 50.92, noNaN: true })
		);
		// endOnFailure: shrinking hundreds of doubles takes minutes; the first counterexample is enough.
		fc.assert(
			fc.property(
				fc.array(lonLat, { maxLength: 60 }),
				fc.array(lonLat, { minLength: 1, maxLength: 20 }),
				fc.integer({ min: 50, max: 3000 }),
				fc.double({ min: 0.25, max: 3, noNaN: true }),
				(points, queries, radius, cellFactor) => {
					const index = createGridIndex({ points, cellSizeMeters: radius * cellFactor });
					for (const q of queries) {
						expect(hasPointWithin(index, q, radius)).toBe(bruteForce(points, q, radius));
					}
				}
			),
			{ numRuns: 300, endOnFailure: true }
		);
	});

	it('stays exact when queries lie further from the equator than every point', () => {
		// Points in a band south of the queries: the projection's reference latitude is the points'.
		// endOnFailure: shrinking hundreds of doubles takes minutes; the first counterexample is enough.
		fc.assert(
			fc.property(
				fc.double({ min: -60, max: 60, noNaN: true }),
				fc.array(
					fc.tuple(
						fc.double({ min: -0.02, max: 0.02, noNaN: true }),
						fc.double({ min: -0.02, max: 0.02, noNaN: true })
					),
					{ minLength: 1, maxLength: 40 }
				),
				fc.tuple(
					fc.double({ min: -0.02, max: 0.02, noNaN: true }),
					fc.double({ min: -0.02, max: 0.02, noNaN: true })
				),
				fc.integer({ min: 100, max: 2000 }),
				(baseLat, offsets, queryOffset, radius) => {
					const points = offsets.map(([dx, dy]): [number, number] => [10 + dx, baseLat + dy]);
					const query: [number, number] = [10 + queryOffset[0], baseLat + queryOffset[1]];
					const index = createGridIndex({ points, cellSizeMeters: radius });
					expect(hasPointWithin(index, query, radius)).toBe(bruteForce(points, query, radius));
				}
			),
			{ numRuns: 300, endOnFailure: true }
		);
	});
});
