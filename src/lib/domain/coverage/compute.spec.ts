import { destination, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageInput } from './compute.ts';
import { makeQuartier, makeResource } from './fixtures.ts';
import type { SectorInput } from './types.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const CENTRE: [number, number] = [4.35, 50.85];

function at(meters: number, bearing: number): [number, number] {
	const [lon, lat] = destination(point(CENTRE), meters / 1000, bearing).geometry.coordinates as [
		number,
		number
	];
	return [lon, lat];
}

function sector(cd: string, mdrc: number, pop: number, where: [number, number]): SectorInput {
	return { cd_sector: cd, mdrc, pop_2019: pop, lon: where[0], lat: where[1] };
}

// Quartier 1 holds the resource; 2 lies 3 km away, recently surveyed, with nothing; 3 lies 3 km
// the other way, never surveyed, with nothing; 900 is a park.
function scenario(): CoverageInput {
	return {
		quartiers: [
			makeQuartier({ mdrc: 1, pop_2019: 4000, share_65plus_pct: 10, median_income_2019: 24000 }),
			makeQuartier({ mdrc: 2, pop_2019: 2000, share_65plus_pct: 20, median_income_2019: 16000 }),
			makeQuartier({ mdrc: 3, pop_2019: 1000, share_65plus_pct: 15, median_income_2019: 20000 }),
			makeQuartier({
				mdrc: 900,
				type: 'park_forest',
				pop_2019: 10,
				median_income_2019: null,
				share_65plus_pct: null
			})
		],
		sectors: [
			sector('A', 1, 1000, at(300, 0)),
			sector('B', 1, 3000, at(800, 90)),
			sector('C', 2, 2000, at(3000, 180)),
			sector('D', 3, 1000, at(3000, 0)),
			sector('E', 900, 10, at(200, 270))
		],
		resources: [
			makeResource({ id: 'r1', mdrc: 1, lon: CENTRE[0], lat: CENTRE[1] }),
			makeResource({ id: 'r2', mdrc: 3, status: 'dormant', assured_date: '2023-01-01' })
		],
		surveys: [{ mdrc: 2, checked_on: '2026-10-01', organization_name: 'LDC Aksent' }],
		signals: [
			{ mdrc: 2, support_kind: 'home_visits', outcome: 'not_found', count: 7 },
			{ mdrc: 2, support_kind: 'home_visits', outcome: 'found', count: 2 }
		],
		now: NOW
	};
}

describe('computeCoverage', () => {
	const result = computeCoverage(scenario());
	const byMdrc = new Map(result.quartiers.map((q) => [q.mdrc, q]));

	it('computes population-weighted walking coverage per quartier: 25 % at 500 m, 100 % at 1 km', () => {
		expect(byMdrc.get(1)?.walking.byThreshold.map((t) => t.share)).toEqual([0.25, 1]);
		expect(byMdrc.get(2)?.walking.byThreshold.map((t) => t.share)).toEqual([0, 0]);
		expect(result.region.population).toBe(7010);
		expect(result.region.walking.map((t) => t.coveredPopulation)).toEqual([1010, 4010]);
	});

	it('tells a real gap from a blind spot', () => {
		// Both have no counted resource; only quartier 2 was looked at recently.
		expect(byMdrc.get(2)?.supply.selected.count).toBe(0);
		expect(byMdrc.get(3)?.supply.selected.count).toBe(0);
		expect(byMdrc.get(2)?.survey.status).toBe('surveyed');
		expect(byMdrc.get(2)?.finding).toBe('gap');
		expect(byMdrc.get(3)?.survey.status).toBe('not_surveyed');
		expect(byMdrc.get(3)?.finding).toBe('blind_spot');
		expect(byMdrc.get(3)?.supply.dormant).toBe(1);
		expect(byMdrc.get(1)?.finding).toBe('has_resources');
		expect(result.region.findingCounts).toEqual({ has_resources: 1, gap: 1, blind_spot: 2 });
	});

	it('includes non-residential quartiers flagged as excluded and leaves them out of the ranking', () => {
		const park = byMdrc.get(900);
		expect(park?.excluded).toBe(true);
		expect(park?.gap).toBeNull();
		expect(park?.walking.byThreshold[0]?.share).toBe(1);
		expect(result.quartiers.filter((q) => q.gap).map((q) => [q.mdrc, q.gap?.rank])).toEqual([
			[1, 3],
			[2, 1],
			[3, 2]
		]);
		expect(result.region.rankedCount).toBe(3);
		expect(result.region.excludedCount).toBe(1);
		expect(result.region.gapSupplyMeasure).toEqual({
			kind: 'walking_coverage',
			thresholdMeters: 1000
		});
	});

	it('aggregates and withholds need signals per quartier', () => {
		expect(byMdrc.get(2)?.signals).toEqual([
			{
				supportKind: 'home_visits',
				found: { suppressed: true },
				notFound: { suppressed: false, count: 7 },
				total: { suppressed: true }
			}
		]);
	});

	it('records parameters and the date', () => {
		expect(result.generatedAt).toBe('2026-11-23T10:00:00.000Z');
		expect(result.parameters).toEqual({
			filters: {},
			thresholdsMeters: [500, 1000],
			recentDays: 180,
			minSignalCount: 5,
			includePaused: false,
			minConfirmedShare: 0.5
		});
	});

	it('places a quartier-only resource at its quartier point', () => {
		const input = scenario();
		const withQuartierOnly = computeCoverage({
			...input,
			quartiers: input.quartiers.map((q) =>
				q.mdrc === 3 ? { ...q, lon: at(3100, 0)[0], lat: at(3100, 0)[1] } : q
			),
			resources: [
				...input.resources,
				makeResource({
					id: 'home-group',
					mdrc: 3,
					lon: null,
					lat: null,
					location_precision: 'quartier'
				})
			]
		});
		const q3 = withQuartierOnly.quartiers.find((q) => q.mdrc === 3);
		// Sector D is 100 m from quartier 3's point.
		expect(q3?.walking.byThreshold.map((t) => t.share)).toEqual([1, 1]);
		expect(q3?.finding).toBe('has_resources');
	});

	it('falls back to the most populous sector when a quartier has no point, and counts unplaced ones', () => {
		const input = scenario();
		const r = computeCoverage({
			...input,
			resources: [
				makeResource({ id: 'q', mdrc: 2, lon: null, lat: null, location_precision: 'quartier' }),
				makeResource({ id: 'lost', mdrc: 77, lon: null, lat: null, location_precision: 'quartier' })
			]
		});
		expect(r.quartiers.find((q) => q.mdrc === 2)?.walking.byThreshold[0]?.share).toBe(1);
		expect(r.region.unplacedResources).toBe(1);
	});

	it('applies category and support-kind filters to supply and coverage', () => {
		const input = scenario();
		const r = computeCoverage({ ...input, filters: { supportKind: 'meals_food' } });
		expect(r.quartiers.find((q) => q.mdrc === 1)?.supply.selected.count).toBe(0);
		expect(r.region.walking.map((t) => t.coveredPopulation)).toEqual([0, 0]);
		// No supply anywhere: coverage does not vary, so the ranking follows need alone.
		expect(r.quartiers.find((q) => q.mdrc === 2)?.gap?.rank).toBe(1);
	});

	it('can rank on resources per 1,000 residents instead, and rejects an unknown gap threshold', () => {
		const input = scenario();
		const r = computeCoverage({ ...input, gapSupply: { kind: 'per_1000_residents' } });
		expect(r.quartiers.find((q) => q.mdrc === 1)?.gap?.inputs.supplyValue).toBe(0.25);
		expect(() =>
			computeCoverage({ ...input, gapSupply: { kind: 'walking_coverage', thresholdMeters: 750 } })
		).toThrow(RangeError);
	});

	it('uses the largest threshold for the gap when 1 km is not one', () => {
		const r = computeCoverage({ ...scenario(), thresholdsMeters: [300, 600] });
		expect(r.region.gapSupplyMeasure).toEqual({ kind: 'walking_coverage', thresholdMeters: 600 });
		expect(r.quartiers[0]?.walking.byThreshold.map((t) => t.thresholdMeters)).toEqual([300, 600]);
	});
});
