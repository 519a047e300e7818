import { describe, expect, it } from 'vitest';
import { brusselsResources, emptyQuery, PARVIS_SAINT_GILLES, SUPPORT_PARENTS } from './fixtures.ts';
import { searchResources } from './search.ts';
import type { FinderQuery } from './types.ts';

const resources = brusselsResources();
const search = (query: Partial<FinderQuery>, limit?: number) =>
	searchResources({
		resources,
		query: emptyQuery(query),
		supportParents: SUPPORT_PARENTS,
		...(limit === undefined ? {} : { limit })
	});
const ids = (query: Partial<FinderQuery>) => search(query).results.map((r) => r.id);

describe('searchResources', () => {
	it('sorts by distance from near, dormant entries last, with distance and walking time', () => {
		const { results, total } = search({ near: PARVIS_SAINT_GILLES });
		expect(total).toBe(6);
		expect(results.map((r) => r.id)).toEqual([
			'parvis',
			'anneessens',
			'flagey',
			'grand-place',
			'vaillance',
			'colignon'
		]);
		const [parvis] = results;
		expect(parvis?.distanceMeters).toBeCloseTo(323, 0);
		// 323 m × 1.3 at 75 m/min = 5.6 → 6 minutes.
		expect(parvis?.walkingMinutes).toBe(6);
		expect(results.at(-1)).toMatchObject({ id: 'colignon', dormant: true });
	});

	it('keeps resources within the radius', () => {
		expect(ids({ near: PARVIS_SAINT_GILLES, radiusMeters: 2000 })).toEqual([
			'parvis',
			'anneessens',
			'flagey'
		]);
		expect(ids({ near: PARVIS_SAINT_GILLES, radiusMeters: 300 })).toEqual([]);
	});

	it('filters by quartier, language, category and accepting', () => {
		expect(ids({ quartier: 10 })).toEqual(['anneessens']);
		expect(ids({ languages: ['ar'], sort: 'name' })).toEqual(['parvis', 'colignon']);
		expect(ids({ languages: ['tr', 'ro'], sort: 'name' })).toEqual(['flagey', 'vaillance']);
		expect(ids({ category: ['social_restaurant', 'local_service_centre'], sort: 'name' })).toEqual([
			'flagey',
			'grand-place'
		]);
		// Waitlist still accepts; full does not.
		const accepting = ids({ accepting: true });
		expect(accepting).toContain('anneessens');
		expect(accepting).not.toContain('grand-place');
	});

	it('matches a parent support kind to its children', () => {
		expect(ids({ support: ['social_contact'], sort: 'name' })).toEqual(['anneessens', 'parvis']);
		expect(ids({ support: ['home_visits'] })).toEqual(['anneessens']);
		expect(ids({ support: ['everyday_help', 'listening_support'], sort: 'name' })).toEqual([
			'vaillance',
			'colignon'
		]);
	});

	it('matches any target group, and everyone matches every group', () => {
		expect(ids({ target: ['older_people'], sort: 'name' })).toEqual([
			'anneessens',
			'flagey',
			'parvis',
			'vaillance'
		]);
		expect(ids({ target: ['women'], sort: 'name' })).toEqual(['parvis', 'vaillance', 'colignon']);
	});

	it('filters on open now in Brussels time and reports the next opening', () => {
		// Tuesday 7 April 2026, 10:30 CEST.
		const open = search({ openNow: true, sort: 'name' }).results;
		expect(open.map((r) => r.id)).toEqual(['parvis', 'vaillance']);
		const all = search({ sort: 'name' }).results;
		const anneessens = all.find((r) => r.id === 'anneessens');
		expect(anneessens?.openNow).toBe(false);
		// First Wednesday of April 2026 is the 1st, third the 15th: next is 15 April 14:00 CEST.
		expect(anneessens?.nextOpening).toEqual({
			opensAt: new Date('2026-04-15T12:00:00Z'),
			closesAt: new Date('2026-04-15T14:00:00Z')
		});
		const flagey = all.find((r) => r.id === 'flagey');
		expect(flagey).toMatchObject({ openNow: null, nextOpening: null });
		// Easter Monday: the Parvis is closed (PH off).
		const easter = search({ openNow: true, now: new Date('2026-04-06T08:30:00Z') }).results;
		expect(easter.map((r) => r.id)).toEqual([]);
	});

	it('matches text in names and in all three descriptions, ignoring accents and case', () => {
		expect(ids({ q: 'cafe papote' })).toEqual(['parvis']);
		expect(ids({ q: 'ontmoetingsplek' })).toEqual(['parvis']);
		expect(ids({ q: 'board games' })).toEqual(['parvis']);
		expect(ids({ q: 'BÉNÉVOLES' })).toEqual(['anneessens']);
		expect(ids({ q: 'groupe de par' })).toEqual(['colignon']);
		expect(ids({ q: 'zzz' })).toEqual([]);
	});

	it('forgives a typo in longer words only', () => {
		expect(ids({ q: 'benevloes' })).toEqual(['anneessens']);
		expect(ids({ q: 'ontmoetingsplke' })).toEqual(['parvis']);
		// "repos" is one letter from "repas", but five letters are too short to guess.
		expect(ids({ q: 'repos' })).toEqual([]);
	});

	it('ranks by text relevance without near, names before descriptions', () => {
		// "repas" is in the Grand-Place service name, "courses" only in a description elsewhere.
		expect(ids({ q: 'repas' })).toEqual(['grand-place']);
		const results = search({ q: 'groupe' }).results;
		expect(results[0]?.id).toBe('colignon');
		const both = ids({ q: 'aide' });
		expect(both).toEqual(['flagey']);
		expect(search({ q: 'voisins' }).results.map((r) => r.id)).toEqual(['vaillance']);
		// Name match (service) outranks a description match; dormant still last.
		expect(ids({ q: 'administratieve' })).toEqual(['flagey']);
		expect(ids({ q: 'bezoek' })).toEqual(['anneessens']);
	});

	it('puts a word in a name before the same word in a description', () => {
		const rows = brusselsResources().map((r) =>
			r.id === 'vaillance' ? { ...r, service_name: 'Visites à domicile' } : r
		);
		// Anneessens says "rendent visite" in a description; Vaillance's service is named "Visites".
		const byText = searchResources({ resources: rows, query: emptyQuery({ q: 'visite' }) });
		expect(byText.results.map((r) => r.id)).toEqual(['vaillance', 'anneessens']);
		expect(byText.results[0]?.relevance).toBeGreaterThan(byText.results[1]?.relevance ?? 0);
		// With a place, distance decides and relevance only breaks ties.
		const near = searchResources({
			resources: rows,
			query: emptyQuery({ q: 'visite', near: PARVIS_SAINT_GILLES })
		});
		expect(near.results.map((r) => r.id)).toEqual(['anneessens', 'vaillance']);
	});

	it('walks up the support taxonomy and survives a cycle in it', () => {
		const chain = { home_visits: 'social_contact', social_contact: 'wellbeing' };
		const found = searchResources({
			resources,
			query: emptyQuery({ support: ['wellbeing'] }),
			supportParents: chain
		});
		expect(found.results.map((r) => r.id)).toEqual(['anneessens']);
		const cycle = { home_visits: 'a', a: 'b', b: 'a' };
		expect(
			searchResources({ resources, query: emptyQuery({ support: ['zzz'] }), supportParents: cycle })
				.total
		).toBe(0);
	});

	it('sorts by freshness and by name', () => {
		expect(ids({ sort: 'freshness' })).toEqual([
			'vaillance',
			'parvis',
			'flagey',
			'anneessens',
			'grand-place',
			'colignon'
		]);
		expect(ids({ sort: 'name' })).toEqual([
			'anneessens',
			'flagey',
			'parvis',
			'grand-place',
			'vaillance',
			'colignon'
		]);
	});

	it('limits results but counts them all', () => {
		const { results, total } = search({ near: PARVIS_SAINT_GILLES }, 2);
		expect(results.map((r) => r.id)).toEqual(['parvis', 'anneessens']);
		expect(total).toBe(6);
	});

	it('passes extra columns of the row through', () => {
		const rows = brusselsResources().map((r) => ({ ...r, address: 'x' }));
		const { results } = searchResources({ resources: rows, query: emptyQuery() });
		expect(results[0]?.address).toBe('x');
	});
});

describe('reasons for few results', () => {
	it('says there is nothing to search', () => {
		expect(searchResources({ resources: [], query: emptyQuery() }).reasons).toEqual([
			{ code: 'no_resources' }
		]);
	});

	it('suggests a larger radius', () => {
		const { total, reasons } = search({ near: PARVIS_SAINT_GILLES, radiusMeters: 300 });
		expect(total).toBe(0);
		expect(reasons).toEqual([{ code: 'widen_radius', radiusMeters: 500, resultsWithin: 1 }]);
		// From 2 km (three results), 5 km is the next step that finds more: all six.
		expect(search({ near: PARVIS_SAINT_GILLES, radiusMeters: 2000 }).reasons).toEqual([
			{ code: 'widen_radius', radiusMeters: 5000, resultsWithin: 6 }
		]);
	});

	it('names the filter that removes the most', () => {
		const { total, reasons } = search({
			near: PARVIS_SAINT_GILLES,
			radiusMeters: 2000,
			languages: ['tr'],
			openNow: true
		});
		expect(total).toBe(0);
		// Without "open now" the Flagey centre (Turkish, by appointment) is found; without the
		// language, the Parvis (open) is; a 5 km radius adds nothing Turkish and open.
		expect(reasons).toEqual([
			{ code: 'drop_filter', filter: 'languages', resultsWithout: 1 },
			{ code: 'drop_filter', filter: 'openNow', resultsWithout: 1 }
		]);
	});

	it('says when only several filters together exclude everything', () => {
		expect(
			search({ languages: ['tr'], category: ['social_restaurant'], q: 'zzz' }).reasons
		).toEqual([{ code: 'combined_filters', filters: ['text', 'languages', 'category'] }]);
	});

	it('stays silent when there are enough results', () => {
		expect(search({}).reasons).toEqual([]);
	});
});
