import { describe, expect, it } from 'vitest';
import { makeQuartier, makeResource } from './fixtures.ts';
import { computeSupply, population65plus } from './supply.ts';

const quartiers = [
	makeQuartier({ mdrc: 1, pop_2019: 4000, share_65plus_pct: 12.5 }),
	makeQuartier({ mdrc: 2, pop_2019: 2000, share_65plus_pct: null }),
	makeQuartier({ mdrc: 900, type: 'park_forest', pop_2019: 0, share_65plus_pct: 0 })
];

const resources = [
	makeResource({
		id: 'a',
		mdrc: 1,
		category: 'local_service_centre',
		support_kinds: ['home_visits', 'shared_meals']
	}),
	makeResource({ id: 'b', mdrc: 1, category: 'self_organisation', support_kinds: ['home_visits'] }),
	makeResource({
		id: 'c',
		mdrc: 1,
		category: 'self_organisation',
		support_kinds: ['shopping_help']
	}),
	makeResource({ id: 'd', mdrc: 1, status: 'paused' }),
	makeResource({ id: 'e', mdrc: 1, status: 'dormant' }),
	makeResource({ id: 'f', mdrc: 2, service_area_mdrc: [1, 2, 900] }),
	makeResource({ id: 'g', mdrc: 900 })
];

describe('population65plus', () => {
	it('is population × share / 100, null without the share', () => {
		expect(population65plus(quartiers[0]!)).toBe(500);
		expect(population65plus(quartiers[1]!)).toBeNull();
	});
});

describe('computeSupply', () => {
	it('counts active resources per quartier with rates per 1,000 residents and per 1,000 aged 65+', () => {
		const supply = computeSupply({ quartiers, resources });
		expect(supply.get(1)?.selected).toEqual({
			count: 3,
			per1000Residents: 0.75,
			per1000Residents65plus: 6
		});
		expect(supply.get(2)?.selected).toEqual({
			count: 1,
			per1000Residents: 0.5,
			per1000Residents65plus: null
		});
		// No residents: rates are undefined, not zero or infinite.
		expect(supply.get(900)?.selected).toEqual({
			count: 1,
			per1000Residents: null,
			per1000Residents65plus: null
		});
	});

	it('reports dormant and paused resources apart and counts paused ones only when asked', () => {
		const without = computeSupply({ quartiers, resources }).get(1);
		expect(without?.dormant).toBe(1);
		expect(without?.pausedNotCounted).toBe(1);
		const withPaused = computeSupply({ quartiers, resources, includePaused: true }).get(1);
		expect(withPaused?.selected.count).toBe(4);
		expect(withPaused?.pausedNotCounted).toBe(0);
		expect(withPaused?.dormant).toBe(1);
	});

	it('breaks supply down by category and by support kind', () => {
		const q1 = computeSupply({ quartiers, resources }).get(1);
		expect(Object.keys(q1?.byCategory ?? {})).toEqual([
			'local_service_centre',
			'self_organisation'
		]);
		expect(q1?.byCategory.self_organisation?.count).toBe(2);
		expect(q1?.bySupportKind.home_visits?.count).toBe(2);
		expect(q1?.bySupportKind.shared_meals?.count).toBe(1);
		expect(q1?.bySupportKind.shopping_help?.count).toBe(1);
	});

	it('applies the filters: each breakdown keeps the other filter', () => {
		const q1 = computeSupply({
			quartiers,
			resources,
			filters: { category: 'self_organisation', supportKind: 'home_visits' }
		}).get(1);
		expect(q1?.selected.count).toBe(1);
		// By category among home-visit resources; by support kind among self-organisations.
		expect(
			Object.fromEntries(Object.entries(q1?.byCategory ?? {}).map(([k, v]) => [k, v.count]))
		).toEqual({
			local_service_centre: 1,
			self_organisation: 1
		});
		expect(
			Object.fromEntries(Object.entries(q1?.bySupportKind ?? {}).map(([k, v]) => [k, v.count]))
		).toEqual({
			home_visits: 1,
			shopping_help: 1
		});
		// Dormant and paused counts follow the filters too (both are local_service_centre).
		expect(q1?.dormant).toBe(0);
	});

	it('counts resources that name a quartier in their service area as serving it', () => {
		const supply = computeSupply({ quartiers, resources });
		expect(supply.get(1)?.serving).toBe(4);
		expect(supply.get(2)?.serving).toBe(1);
		expect(supply.get(900)?.serving).toBe(2);
	});

	it('returns an empty supply for a quartier without resources', () => {
		const supply = computeSupply({ quartiers: [makeQuartier({ mdrc: 5 })], resources });
		expect(supply.get(5)).toEqual({
			mdrc: 5,
			selected: { count: 0, per1000Residents: 0, per1000Residents65plus: 0 },
			byCategory: {},
			bySupportKind: {},
			pausedNotCounted: 0,
			dormant: 0,
			serving: 0
		});
	});
});
