import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQuery } from './fixtures.ts';
import { BRUSSELS_BBOX, finderQuerySchema, toSearchParams } from './schema.ts';
import type { FinderQuery } from './types.ts';

const parse = (text: string) => finderQuerySchema.parse(new URLSearchParams(text));
const AT = 'at=2026-04-07T08:30:00.000Z';

describe('finderQuerySchema', () => {
	it('reads every parameter', () => {
		expect(
			parse(
				`q=aide%20administrative&near=4.3456,50.8276&radius=800&quartier=47&language=ar&language=fr` +
					`&support=social_contact&target=older_people&target=women&category=community_centre` +
					`&open_now=1&accepting=1&sort=freshness&${AT}`
			)
		).toEqual({
			q: 'aide administrative',
			near: [4.3456, 50.8276],
			radiusMeters: 800,
			quartier: 47,
			languages: ['ar', 'fr'],
			support: ['social_contact'],
			target: ['older_people', 'women'],
			category: ['community_centre'],
			openNow: true,
			accepting: true,
			wheelchair: false,
			sort: 'freshness',
			page: 1,
			now: new Date('2026-04-07T08:30:00Z')
		} satisfies FinderQuery);
	});

	it('gives defaults for an empty URL, with the current time', () => {
		const before = Date.now();
		const query = parse('');
		expect(query).toMatchObject(emptyQuery({ now: query.now }));
		expect(query.now.getTime()).toBeGreaterThanOrEqual(before);
		expect(Object.keys(query)).not.toContain('near');
	});

	it('clamps the radius to 100–20,000 m', () => {
		expect(parse('radius=5').radiusMeters).toBe(100);
		expect(parse('radius=999999').radiusMeters).toBe(20_000);
		expect(parse('radius=1234.6').radiusMeters).toBe(1235);
	});

	it('drops invalid values instead of failing the page', () => {
		const query = parse(
			'near=2.3522,48.8566&radius=abc&quartier=x&sort=best&language=<script>&support=Home%20Visits&open_now=yes&at=yesterday'
		);
		expect(query).toMatchObject({ sort: 'distance', languages: [], support: [], openNow: false });
		expect(query.near).toBeUndefined(); // Paris is not in Brussels
		expect(query.radiusMeters).toBeUndefined();
		expect(query.quartier).toBeUndefined();
		expect(parse('near=4.35').near).toBeUndefined();
		expect(parse('near=4.35,50.85,3').near).toBeUndefined();
		expect(parse('radius=&quartier=').radiusMeters).toBeUndefined();
	});

	it('accepts comma-separated lists, lower-cases and removes duplicates', () => {
		expect(parse('language=FR,ar&language=fr&support=home_visits,meeting_place').languages).toEqual(
			['fr', 'ar']
		);
	});

	it('accepts the Brussels bbox corners and refuses just outside', () => {
		const [minLon, minLat, maxLon, maxLat] = BRUSSELS_BBOX;
		expect(parse(`near=${minLon},${minLat}`).near).toEqual([minLon, minLat]);
		expect(parse(`near=${maxLon},${maxLat}`).near).toEqual([maxLon, maxLat]);
		expect(parse(`near=${maxLon + 0.001},${maxLat}`).near).toBeUndefined();
	});
});

describe('toSearchParams', () => {
	it('leaves defaults out', () => {
		expect(toSearchParams(emptyQuery()).toString()).toBe('');
		expect(
			toSearchParams(emptyQuery({ near: [4.3456, 50.8276], languages: ['ar', 'fr'] })).toString()
		).toBe('near=4.3456%2C50.8276&language=ar&language=fr');
	});

	it('round-trips through finderQuerySchema', () => {
		const [minLon, minLat, maxLon, maxLat] = BRUSSELS_BBOX;
		const code = fc.stringMatching(/^[a-z][a-z_]{1,12}$/);
		const language = fc.constantFrom('fr', 'nl', 'en', 'ar', 'ary', 'tr', 'pt-br');
		const query: fc.Arbitrary<FinderQuery> = fc
			.record(
				{
					q: fc
						.string({ minLength: 1, maxLength: 30 })
						.map((s) => s.trim())
						.filter((s) => s !== ''),
					near: fc.tuple(
						fc.double({ min: minLon, max: maxLon, noNaN: true }),
						fc.double({ min: minLat, max: maxLat, noNaN: true })
					),
					quartier: fc.integer({ min: 1, max: 999 }),
					radiusMeters: fc.integer({ min: 100, max: 20_000 }),
					languages: fc.uniqueArray(language, { maxLength: 3 }),
					support: fc.uniqueArray(code, { maxLength: 3 }),
					target: fc.uniqueArray(code, { maxLength: 3 }),
					category: fc.uniqueArray(code, { maxLength: 3 }),
					openNow: fc.boolean(),
					accepting: fc.boolean(),
					wheelchair: fc.boolean(),
					sort: fc.constantFrom('distance' as const, 'freshness' as const, 'name' as const),
					page: fc.integer({ min: 1, max: 10_000 }),
					now: fc.date({
						min: new Date('2020-01-01T00:00:00Z'),
						max: new Date('2035-01-01T00:00:00Z'),
						noInvalidDate: true
					})
				},
				{
					requiredKeys: [
						'languages',
						'support',
						'target',
						'category',
						'openNow',
						'accepting',
						'wheelchair',
						'sort',
						'page',
						'now'
					]
				}
			)
			.map((q) => {
				// Coordinates travel with six decimals.
				const near =
					q.near &&
					([Number(q.near[0].toFixed(6)), Number(q.near[1].toFixed(6))] as [number, number]);
				return { ...q, ...(near ? { near } : {}) } as FinderQuery;
			})
			.filter(
				(q) =>
					!q.near ||
					(q.near[0] >= minLon && q.near[0] <= maxLon && q.near[1] >= minLat && q.near[1] <= maxLat)
			);
		fc.assert(
			fc.property(query, (q) => {
				expect(finderQuerySchema.parse(toSearchParams(q, { includeTime: true }))).toEqual(q);
			}),
			{ numRuns: 300 }
		);
	});
});
