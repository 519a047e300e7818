import { describe, expect, it } from 'vitest';
import { computeCoverage } from '#lib/domain/coverage/index.ts';
import { loadBrusselsFixtures, makeResource } from '#lib/domain/coverage/fixtures.ts';
import { buildChoropleth } from './choropleth.ts';
import { NOT_RESIDENTIAL_COLOUR, SEQUENTIAL_5, ZERO_COLOUR } from './color-scale.ts';
import { MAP_MEASURES } from './measures.ts';

const { quartiers, sectors } = loadBrusselsFixtures();
const resources = [1, 2, 3, 10, 20, 30].map((mdrc, i) =>
	makeResource({ id: `r${i}`, mdrc, location_precision: 'quartier', lon: null, lat: null })
);
const result = computeCoverage({
	quartiers,
	sectors,
	resources,
	surveys: [{ mdrc: 4, checked_on: '2026-11-01', organization_name: 'Antenne' }],
	signals: [],
	now: new Date('2026-11-23T12:00:00Z')
});
const shapes = quartiers.map((q) => ({ mdrc: q.mdrc, d: `M0 0L1 0L1 1Z` }));

describe('buildChoropleth', () => {
	const map = buildChoropleth({
		quartiers: result.quartiers,
		shapes,
		measure: MAP_MEASURES.supply_count,
		locale: 'fr'
	});
	const area = (mdrc: number) => map.areas.find((a) => a.mdrc === mdrc);

	it('draws all 145 quartiers', () => {
		expect(map.areas).toHaveLength(145);
	});

	it('gives "no resources" its own colour and hatches quartiers nobody surveyed', () => {
		// Quartier 4: surveyed, nothing found: a gap, drawn plain.
		expect(area(4)).toMatchObject({ fill: ZERO_COLOUR, hatched: false, valueText: '0' });
		// Quartier 5: nothing known, never surveyed: a blind spot, drawn hatched.
		expect(area(5)).toMatchObject({ fill: ZERO_COLOUR, hatched: true });
		// Quartier 1 has a resource confirmed recently: coloured, not hatched.
		expect(SEQUENTIAL_5).toContain(area(1)?.fill);
		expect(area(1)?.hatched).toBe(false);
	});

	it('draws non-residential quartiers grey and never hatched', () => {
		const parks = map.areas.filter((a) => a.excluded);
		expect(parks).toHaveLength(27);
		expect(parks.every((a) => a.fill === NOT_RESIDENTIAL_COLOUR && !a.hatched)).toBe(true);
	});

	it('labels each legend class with the values in it, never twice the same', () => {
		expect(map.zeroClass).toBe(true);
		// Six quartiers hold one resource each: one class, "1".
		expect(map.classes).toEqual([{ fill: SEQUENTIAL_5[4], from: '1', to: '1' }]);
	});

	it('uses quantile classes of the residential values for the gap index', () => {
		const gap = buildChoropleth({
			quartiers: result.quartiers,
			shapes,
			measure: MAP_MEASURES.gap_index,
			locale: 'en'
		});
		expect(gap.zeroClass).toBe(false);
		expect(gap.classes).toHaveLength(5);
		for (let i = 1; i < gap.classes.length; i++) {
			expect(gap.classes[i]?.from).not.toBe(gap.classes[i - 1]?.to);
		}
		const counts = SEQUENTIAL_5.map((c) => gap.areas.filter((a) => a.fill === c).length);
		for (const count of counts) expect(count).toBeGreaterThanOrEqual(20);
	});
});
