import { describe, expect, it } from 'vitest';
import { finderQuerySchema } from '../search/schema.ts';
import {
	expandSupportKinds,
	expandTargetGroups,
	formatDistance,
	supportParents,
	widenedQuery,
	withoutFilter
} from './query.ts';

const kinds = [
	{ code: 'social_contact', parent_code: null },
	{ code: 'home_visits', parent_code: 'social_contact' },
	{ code: 'meeting_place', parent_code: 'social_contact' },
	{ code: 'meals', parent_code: 'practical_help' }
];

const parse = (text: string) => finderQuerySchema.parse(new URLSearchParams(text));

describe('support and target expansion', () => {
	it('adds the kinds of a wanted group, and nothing for a wanted kind', () => {
		expect(expandSupportKinds(['social_contact'], kinds).sort()).toEqual([
			'home_visits',
			'meeting_place',
			'social_contact'
		]);
		expect(expandSupportKinds(['meals'], kinds)).toEqual(['meals']);
		expect(expandSupportKinds([], kinds)).toEqual([]);
	});

	it('maps children to parents', () => {
		expect(supportParents(kinds)).toEqual({
			home_visits: 'social_contact',
			meeting_place: 'social_contact',
			meals: 'practical_help'
		});
	});

	it('lets services for everyone match any wanted target group', () => {
		expect(expandTargetGroups(['older_people'])).toEqual(['older_people', 'everyone']);
		expect(expandTargetGroups([])).toEqual([]);
	});
});

describe('widening a query', () => {
	const query = parse(
		'q=repas&near=4.35,50.85&radius=500&quartier=12&language=ar&support=meals&target=women&category=self_organisation&open_now=1&accepting=1'
	);

	it('drops exactly the named filter', () => {
		expect(withoutFilter(query, 'languages').languages).toEqual([]);
		expect(withoutFilter(query, 'languages').support).toEqual(['meals']);
		expect(withoutFilter(query, 'text').q).toBeUndefined();
		expect(withoutFilter(query, 'radius').radiusMeters).toBeUndefined();
		expect(withoutFilter(query, 'radius').near).toEqual([4.35, 50.85]);
		expect(withoutFilter(query, 'quartier').quartier).toBeUndefined();
		expect(withoutFilter(query, 'openNow').openNow).toBe(false);
		expect(withoutFilter(query, 'accepting').accepting).toBe(false);
		expect(withoutFilter(query, 'category').category).toEqual([]);
		expect(withoutFilter(query, 'target').target).toEqual([]);
		expect(withoutFilter(query, 'support').support).toEqual([]);
		expect(query.languages).toEqual(['ar']);
	});

	it('follows a reason', () => {
		expect(
			widenedQuery(query, { code: 'widen_radius', radiusMeters: 2000, resultsWithin: 4 })
				?.radiusMeters
		).toBe(2000);
		expect(
			widenedQuery(query, { code: 'drop_filter', filter: 'openNow', resultsWithout: 3 })?.openNow
		).toBe(false);
		const both = widenedQuery(query, {
			code: 'combined_filters',
			filters: ['languages', 'accepting']
		});
		expect(both?.languages).toEqual([]);
		expect(both?.accepting).toBe(false);
		expect(both?.openNow).toBe(true);
		expect(widenedQuery(query, { code: 'no_resources' })).toBeNull();
	});
});

describe('formatDistance', () => {
	it('rounds metres to tens and kilometres to one decimal in the locale', () => {
		expect(formatDistance(432, 'fr')).toBe('430 m');
		expect(formatDistance(3, 'fr')).toBe('10 m');
		expect(formatDistance(1250, 'en')).toBe('1.3 km');
		expect(formatDistance(1250, 'fr')).toBe('1,3 km');
	});
});
