// The coverage engine on the real Brussels geography (145 quartiers, 724 sectors).
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from './compute.ts';
import { loadBrusselsFixtures, makeResource } from './fixtures.ts';
import { computeWalkingCoverage } from './walking.ts';

const { quartiers, sectors, sectorGeometries, ulbSectors } = loadBrusselsFixtures();
const NOW = new Date('2026-11-23T10:00:00Z');
const REGION_POPULATION = 1_205_395;

describe('the real Brussels fixtures', () => {
	it('hold 145 quartiers, 118 residential, and 724 sectors', () => {
		expect(quartiers).toHaveLength(145);
		expect(quartiers.filter((q) => q.type === 'residential')).toHaveLength(118);
		expect(sectors).toHaveLength(724);
	});

	it('sum sector populations to 1,205,395 and to each quartier’s population', () => {
		expect(sectors.reduce((s, x) => s + x.pop_2019, 0)).toBe(REGION_POPULATION);
		const bySector = new Map<number, number>();
		for (const s of sectors) bySector.set(s.mdrc, (bySector.get(s.mdrc) ?? 0) + s.pop_2019);
		for (const q of quartiers) expect(bySector.get(q.mdrc) ?? 0, `mdrc ${q.mdrc}`).toBe(q.pop_2019);
	});

	it('place each sector’s representative point inside the sector', () => {
		const points = new Map(sectors.map((s) => [s.cd_sector, [s.lon, s.lat] as [number, number]]));
		for (const f of sectorGeometries.features) {
			const p = points.get(String(f.properties.cd_sector));
			expect(p && booleanPointInPolygon(point(p), f), String(f.properties.cd_sector)).toBe(true);
		}
	});

	it('reproduce the quartier 65+ shares from the ULB sector compilation', () => {
		// Quartier share = sector shares weighted by population 2018, as documented for the CSV.
		const mdrcOf = new Map(sectors.map((s) => [s.cd_sector, s.mdrc]));
		const sums = new Map<number, { weighted: number; pop: number }>();
		for (const u of ulbSectors) {
			const mdrc = mdrcOf.get(u.cd_sector);
			if (mdrc === undefined || u.pop_2018 === null || u.part_65plus_pct === null) continue;
			const s = sums.get(mdrc) ?? { weighted: 0, pop: 0 };
			s.weighted += u.part_65plus_pct * u.pop_2018;
			s.pop += u.pop_2018;
			sums.set(mdrc, s);
		}
		for (const q of quartiers.filter((x) => x.type === 'residential')) {
			const s = sums.get(q.mdrc);
			expect(s && s.weighted / s.pop, `mdrc ${q.mdrc}`).toBeCloseTo(
				q.share_65plus_pct as number,
				1
			);
		}
	});
});

describe('computeCoverage on the real geography', () => {
	// One resource at the representative point of every third quartier, deterministic.
	const resources = quartiers
		.filter((q) => q.mdrc % 3 === 0)
		.map((q) =>
			makeResource({ id: `r${q.mdrc}`, mdrc: q.mdrc, lon: q.lon ?? null, lat: q.lat ?? null })
		);
	const result = computeCoverage({
		quartiers,
		sectors,
		resources,
		surveys: [],
		signals: [],
		now: NOW
	});

	it('gives every residential quartier a coverage value, need indicators and a rank', () => {
		const residential = result.quartiers.filter((q) => q.type === 'residential');
		expect(residential).toHaveLength(118);
		for (const q of residential) {
			expect(q.excluded).toBe(false);
			for (const t of q.walking.byThreshold) {
				expect(t.share, `mdrc ${q.mdrc}`).not.toBeNull();
				expect(t.share).toBeGreaterThanOrEqual(0);
				expect(t.share).toBeLessThanOrEqual(1);
			}
			expect(q.need.median_income_eur.value).not.toBeNull();
			expect(q.gap?.rank).toBeGreaterThan(0);
		}
		expect(new Set(residential.map((q) => q.gap?.rank))).toEqual(
			new Set(Array.from({ length: 118 }, (_, i) => i + 1))
		);
		expect(result.quartiers.filter((q) => q.excluded)).toHaveLength(27);
		expect(result.quartiers.filter((q) => q.excluded).every((q) => q.gap === null)).toBe(true);
	});

	it('keeps the region-wide population equal to the sum of sector populations', () => {
		expect(result.region.population).toBe(REGION_POPULATION);
		expect(result.region.need.population.value).toBe(REGION_POPULATION);
		expect(result.quartiers.reduce((s, q) => s + q.walking.population, 0)).toBe(REGION_POPULATION);
		for (const t of result.region.walking) {
			const covered = result.quartiers.reduce(
				(s, q) =>
					s +
					(q.walking.byThreshold.find((b) => b.thresholdMeters === t.thresholdMeters)
						?.coveredPopulation ?? 0),
				0
			);
			expect(covered).toBe(t.coveredPopulation);
			expect(t.population).toBe(REGION_POPULATION);
		}
	});

	it('matches published regional values for the 65+ and single-household shares', () => {
		// The data README gives 13.1 % and 44.8 % (households 2011 weights; ours are later counts).
		expect(result.region.need.share_65plus_pct.value).toBeCloseTo(13.1, 1);
		expect(result.region.need.single_households_pct.value).toBeGreaterThan(44.5);
		expect(result.region.need.single_households_pct.value).toBeLessThan(45.2);
	});

	it('covers every resident when each sector holds a resource at its own point', () => {
		const full = computeWalkingCoverage({
			sectors,
			resourcePoints: sectors.map((s) => [s.lon, s.lat]),
			thresholdsMeters: [1]
		});
		expect(full.region.byThreshold[0]?.coveredPopulation).toBe(REGION_POPULATION);
	});

	it('agrees with brute force on the real sectors with random resources', () => {
		const lonLat = fc.tuple(
			fc.double({ min: 4.2437, max: 4.4823, noNaN: true }),
			fc.double({ min: 50.7636, max: 50.9139, noNaN: true })
		);
		// endOnFailure: shrinking hundreds of doubles takes minutes; the first counterexample is enough.
		fc.assert(
			fc.property(
				fc.array(lonLat, { minLength: 1, maxLength: 40 }),
				fc.integer({ min: 200, max: 1500 }),
				(resourcePoints, thresholdMeters) => {
					const got = computeWalkingCoverage({
						sectors,
						resourcePoints,
						thresholdsMeters: [thresholdMeters]
					});
					let covered = 0;
					for (const s of sectors) {
						const near = resourcePoints.some(
							(r) =>
								distance(point([s.lon, s.lat]), point(r), { units: 'meters' }) <= thresholdMeters
						);
						if (near) covered += s.pop_2019;
					}
					expect(got.region.byThreshold[0]?.coveredPopulation).toBe(covered);
				}
			),
			{ numRuns: 25, endOnFailure: true }
		);
	});
});
