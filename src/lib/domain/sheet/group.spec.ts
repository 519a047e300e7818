import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuartierCollection } from '../geo/quartier.ts';
import {
	fitToBudget,
	groupBySupportKind,
	placeEntries,
	splitBudget,
	type SheetCandidate
} from './group.ts';

const quartiers = JSON.parse(
	readFileSync(
		new URL('../../../../data/brussels/quartiers_monitoring.geojson', import.meta.url),
		'utf8'
	)
) as QuartierCollection;
const grandPlace = quartiers.features.find((f) => f.properties.mdrc === 1);
if (!grandPlace) throw new Error('quartier 1 missing from the data');

const row = (id: string, fields: Partial<SheetCandidate>): SheetCandidate => ({
	id,
	organization_name: id,
	lon: 4.3525,
	lat: 50.8467,
	mdrc: 1,
	location_precision: 'exact',
	support_kinds: [],
	service_area_mdrc: [],
	...fields
});

describe('placeEntries', () => {
	it('separates entries in the quartier from those near it or serving it', () => {
		const rows = [
			row('grand-place', {}),
			row('quartier-only-here', { location_precision: 'quartier' }),
			// Bourse, a few hundred metres west of the Grand-Place, lies in quartier 1's neighbour.
			row('far', { lon: 4.3, lat: 50.85, mdrc: 99 }),
			row('serves-us', { lon: 4.3, lat: 50.85, mdrc: 99, service_area_mdrc: [99, 1] }),
			row('quartier-only-close', {
				lon: 4.3525,
				lat: 50.849,
				mdrc: 2,
				location_precision: 'quartier'
			})
		];
		const { inside, nearby } = placeEntries({ rows, mdrc: 1, outline: grandPlace });
		expect(inside.map((r) => r.id)).toEqual(['grand-place', 'quartier-only-here']);
		expect(nearby.map((n) => [n.row.id, n.reason.kind])).toEqual([['serves-us', 'service_area']]);
	});

	it('measures nearby entries from the outline and keeps the closest first', () => {
		const rows = [
			row('b', { lon: 4.36, lat: 50.8467, mdrc: 2 }),
			row('a', { lon: 4.3525, lat: 50.8467, mdrc: 2 }),
			row('c', { lon: 4.3525, lat: 50.86, mdrc: 2 })
		];
		const { nearby } = placeEntries({ rows, mdrc: 1, outline: grandPlace, radiusMeters: 2000 });
		const meters = nearby.map((n) => (n.reason.kind === 'distance' ? n.reason.meters : NaN));
		expect(meters[0]).toBe(0);
		expect([...meters].sort((x, y) => x - y)).toEqual(meters);
		const tight = placeEntries({ rows, mdrc: 1, outline: grandPlace, radiusMeters: 1 });
		expect(tight.nearby.map((n) => n.row.id)).toEqual(['a']);
	});
});

const kinds = [
	{ code: 'social_contact', parent_code: null },
	{ code: 'home_visits', parent_code: 'social_contact' },
	{ code: 'practical_help', parent_code: null },
	{ code: 'shopping', parent_code: 'practical_help' }
];
const collator = new Intl.Collator('fr');
const group = (items: { name: string; kinds: string[] }[]) =>
	groupBySupportKind(items, {
		kinds,
		supportKindsOf: (i) => i.kinds,
		nameOf: (i) => i.name,
		collator
	}).map((g) => [g.code, g.items.map((i) => i.name)]);

describe('groupBySupportKind', () => {
	it("groups by the main support kind's top-level group, in taxonomy and name order", () => {
		expect(
			group([
				{ name: 'Zèbre', kinds: ['home_visits'] },
				{ name: 'Épicerie', kinds: ['shopping', 'home_visits'] },
				{ name: 'Amis', kinds: ['social_contact'] },
				{ name: 'Courses', kinds: ['shopping'] }
			])
		).toEqual([
			['social_contact', ['Amis', 'Zèbre']],
			['practical_help', ['Courses', 'Épicerie']]
		]);
	});

	it('puts entries without a known support kind last, each entry once', () => {
		expect(
			group([
				{ name: 'Rien', kinds: [] },
				{ name: 'Inconnu puis visite', kinds: ['retired_code', 'home_visits'] },
				{ name: 'Inconnu', kinds: ['retired_code'] }
			])
		).toEqual([
			['social_contact', ['Inconnu puis visite']],
			[null, ['Inconnu', 'Rien']]
		]);
	});
});

describe('fitToBudget', () => {
	const groups = [
		{ code: 'a', items: [1, 2, 3, 4] },
		{ code: 'b', items: [5] },
		{ code: 'c', items: [6, 7] }
	];

	it('takes one from each group in turn and counts what it leaves out', () => {
		expect(fitToBudget(groups, 5)).toEqual({
			groups: [
				{ code: 'a', items: [1, 2] },
				{ code: 'b', items: [5] },
				{ code: 'c', items: [6, 7] }
			],
			hidden: 2
		});
		expect(fitToBudget(groups, 2)).toEqual({
			groups: [
				{ code: 'a', items: [1] },
				{ code: 'b', items: [5] }
			],
			hidden: 5
		});
	});

	it('keeps everything within budget and nothing at zero', () => {
		expect(fitToBudget(groups, 50)).toEqual({ groups, hidden: 0 });
		expect(fitToBudget(groups, 0)).toEqual({ groups: [], hidden: 7 });
	});
});

describe('splitBudget', () => {
	it('gives the quartier first place but keeps some nearby entries', () => {
		expect(splitBudget({ inside: 20, nearby: 9, budget: 14 })).toEqual({ inside: 10, nearby: 4 });
		expect(splitBudget({ inside: 20, nearby: 2, budget: 14 })).toEqual({ inside: 12, nearby: 2 });
		expect(splitBudget({ inside: 3, nearby: 9, budget: 14 })).toEqual({ inside: 3, nearby: 9 });
		expect(splitBudget({ inside: 3, nearby: 20, budget: 14 })).toEqual({ inside: 3, nearby: 11 });
		expect(splitBudget({ inside: 0, nearby: 0, budget: 14 })).toEqual({ inside: 0, nearby: 0 });
	});
});
