import { describe, expect, it } from 'vitest';
import { cardOf, type FinderResult } from './search.ts';

const result: FinderResult = {
	id: '0de00003-0000-4000-8000-00000000008d',
	organization_id: '0de00000-0000-4000-8000-000000000001',
	organization_name: 'Collectif Anneessens',
	service_name: 'Table de conversation',
	category: 'self_organisation',
	lon: 4.3414,
	lat: 50.8417,
	mdrc: 12,
	location_precision: 'quartier',
	languages: ['ar', 'nl'],
	support_kinds: ['meeting_place'],
	target_groups: ['older_people'],
	wheelchair_accessible: true,
	map_code: 'AAEDQ8Kvv',
	accepting_new: 'waitlist',
	trust_tier: 'vouched',
	vouched_by_name: 'LDC Anneessens',
	assured_date: '2026-03-05',
	status: 'active',
	schedules: 'Mo 10:00-12:00',
	schedule_kind: 'hours',
	quartier_name_fr: 'Anneessens',
	quartier_name_nl: 'ANNEESSENS',
	distanceMeters: 431.6,
	walkingMinutes: 8,
	openNow: false,
	nextOpening: null,
	dormant: false,
	relevance: 0.4
};

describe('cardOf', () => {
	it('keeps what a card shows and the map code, and leaves the rest on the server', () => {
		const card = cardOf(result, 'fr');
		expect(Object.keys(card).sort()).toEqual(
			[
				'id',
				'organization_name',
				'service_name',
				'category',
				'location_precision',
				'languages',
				'map_code',
				'accepting_new',
				'trust_tier',
				'vouched_by_name',
				'assured_date',
				'status',
				'schedule_kind',
				'quartier',
				'distanceMeters',
				'walkingMinutes',
				'openNow',
				'nextOpening',
				'dormant'
			].sort()
		);
		expect(card).toMatchObject({ id: result.id, map_code: 'AAEDQ8Kvv', openNow: false });
	});

	it("names the quartier in the page's language and rounds the distance to metres", () => {
		expect(cardOf(result, 'fr')).toMatchObject({ quartier: 'Anneessens', distanceMeters: 432 });
		expect(cardOf(result, 'nl').quartier).toBe('Anneessens');
		const bilingual = {
			...result,
			quartier_name_fr: 'Gare du Midi',
			quartier_name_nl: 'ZUIDSTATION'
		};
		expect(cardOf(bilingual, 'nl').quartier).toBe('Zuidstation');
		expect(cardOf(bilingual, 'en').quartier).toBe('Gare du Midi');
		expect(cardOf({ ...result, distanceMeters: null }, 'fr').distanceMeters).toBeNull();
	});
});
