import { destination, distance, point } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectorInput } from './types.ts';
import { computeWalkingCoverage, normalizeThresholds } from './walking.ts';

const RESOURCE: [number, number] = [4.35, 50.85];

function at(meters: number, bearing: number): [number, number] {
	const [lon, lat] = destination(point(RESOURCE), meters / 1000, bearing).geometry.coordinates as [
		number,
		number
	];
	return [lon, lat];
}

function sector(cd: string, mdrc: number, pop: number, where: [number, number]): SectorInput {
	return { cd_sector: cd, mdrc, pop_2019: pop, lon: where[0], lat: where[1] };
}

describe('computeWalkingCoverage', () => {
	it('weights by sector population: 1,000 at 300 m and 3,000 at 800 m give 25 % then 100 %', () => {
		const sectors = [sector('A', 1, 1000, at(300, 0)), sector('B', 1, 3000, at(800, 120))];
		const result = computeWalkingCoverage({
			sectors,
			resourcePoints: [RESOURCE],
			thresholdsMeters: [1000, 500]
		});
		expect(result.thresholdsMeters).toEqual([500, 1000]);
		expect(result.byQuartier.get(1)).toEqual({
			mdrc: 1,
			population: 4000,
			sectorCount: 2,
			byThreshold: [
				{ thresholdMeters: 500, coveredPopulation: 1000, population: 4000, share: 0.25 },
				{ thresholdMeters: 1000, coveredPopulation: 4000, population: 4000, share: 1 }
			]
		});
		expect(result.region.byThreshold.map((t) => t.share)).toEqual([0.25, 1]);
	});

	it('reports zero coverage without resources and null share without residents', () => {
		const sectors = [sector('A', 1, 1000, at(300, 0)), sector('B', 2, 0, at(10, 0))];
		const result = computeWalkingCoverage({
			sectors,
			resourcePoints: [],
			thresholdsMeters: [500]
		});
		expect(result.byQuartier.get(1)?.byThreshold[0]?.share).toBe(0);
		expect(result.byQuartier.get(2)?.byThreshold[0]?.share).toBeNull();
		expect(result.region.population).toBe(1000);
	});

	it('keeps each quartier separate and sums the region', () => {
		const sectors = [
			sector('A', 1, 1000, at(300, 0)),
			sector('B', 2, 500, at(2000, 0)),
			sector('C', 2, 1500, at(700, 270))
		];
		const result = computeWalkingCoverage({
			sectors,
			resourcePoints: [RESOURCE],
			thresholdsMeters: [500, 1000]
		});
		expect(result.byQuartier.get(2)?.byThreshold.map((t) => t.coveredPopulation)).toEqual([
			0, 1500
		]);
		expect(result.region.byThreshold.map((t) => t.coveredPopulation)).toEqual([1000, 2500]);
		expect(result.region.population).toBe(3000);
	});

	it('rejects empty or non-positive thresholds', () => {
		expect(() => normalizeThresholds([])).toThrow(RangeError);
		expect(() => normalizeThresholds([500, 0])).toThrow(RangeError);
		expect(() => normalizeThresholds([Number.NaN])).toThrow(RangeError);
		expect(normalizeThresholds([1000, 500, 1000])).toEqual([500, 1000]);
	});

	it('agrees with a brute-force reference on random sectors and resources', () => {
		const lonLat = fc.tuple(
			fc.double({ min: 4.24, max: 4.49, noNaN: true }),
			fc.double({ min: 50.76, max: 50.92, noNaN: true })
		);
		const sectorArb = fc.record({
			mdrc: fc.integer({ min: 1, max: 5 }),
			pop: fc.integer({ min: 0, max: 5000 }),
			where: lonLat
		});
		// endOnFailure: shrinking hundreds of doubles takes minutes; the first counterexample is enough.
		fc.assert(
			fc.property(
				fc.array(sectorArb, { minLength: 1, maxLength: 40 }),
				fc.array(lonLat, { maxLength: 80 }),
				fc.uniqueArray(fc.integer({ min: 100, max: 4000 }), { minLength: 1, maxLength: 3 }),
				(rawSectors, resourcePoints, thresholdsMeters) => {
					const sectors = rawSectors.map((s, i) => sector(`S${i}`, s.mdrc, s.pop, s.where));
					const result = computeWalkingCoverage({ sectors, resourcePoints, thresholdsMeters });
					for (const t of [...thresholdsMeters].sort((a, b) => a - b)) {
						// Brute force: every sector against every resource, with Turf's distance.
						const expected = new Map<number, number>();
						for (const s of sectors) {
							const near = resourcePoints.some(
								(r) => distance(point([s.lon, s.lat]), point(r), { units: 'meters' }) <= t
							);
							expected.set(s.mdrc, (expected.get(s.mdrc) ?? 0) + (near ? s.pop_2019 : 0));
						}
						for (const [mdrc, covered] of expected) {
							const got = result.byQuartier
								.get(mdrc)
								?.byThreshold.find((b) => b.thresholdMeters === t);
							expect(got?.coveredPopulation).toBe(covered);
						}
					}
				}
			),
			{ numRuns: 200, endOnFailure: true }
		);
	});
});
