import { describe, expect, it } from 'vitest';
import { toAddress, toLocation, toPage } from './map.ts';
import type { LocationRow } from './types.ts';

const location: LocationRow = {
	id: '0de00002-0000-4000-8000-000000000001',
	organization_id: '0de00000-0000-4000-8000-000000000001',
	name: null,
	address: 'Rue de la Victoire 12, 1060 Saint-Gilles',
	location_precision: 'exact',
	lon: 4.3456,
	lat: 50.8301,
	mdrc: 21,
	partner_venue_name: 'Maison de quartier'
};

describe('toLocation', () => {
	it('splits our one-line address into HSDS parts', () => {
		expect(toAddress(location, 'fr')).toMatchObject({
			address_1: 'Rue de la Victoire 12',
			city: 'Saint-Gilles',
			postal_code: '1060',
			state_province: 'Région de Bruxelles-Capitale',
			country: 'BE',
			address_type: 'physical'
		});
	});

	it('never gives a quartier-only location an address, and says its point is the quartier’s', () => {
		const hsds = toLocation({ ...location, location_precision: 'quartier' }, 'en');
		expect(hsds.addresses).toBeUndefined();
		expect(hsds.description).toMatch(/quartier/);
		expect(hsds).toMatchObject({ latitude: 50.8301, longitude: 4.3456, external_identifier: '21' });
		expect(JSON.stringify(hsds)).not.toContain('Victoire');
	});

	it('names a location by its venue when it has no name of its own', () => {
		expect(toLocation(location, 'nl').name).toBe('Maison de quartier');
	});
});

describe('toPage', () => {
	it('fills the paging object', () => {
		expect(toPage({ contents: [1, 2], totalItems: 12, page: 3, perPage: 5 })).toEqual({
			total_items: 12,
			total_pages: 3,
			page_number: 3,
			size: 2,
			first_page: false,
			last_page: true,
			empty: false,
			contents: [1, 2]
		});
		expect(toPage({ contents: [], totalItems: 0, page: 1, perPage: 5 })).toMatchObject({
			total_pages: 0,
			first_page: true,
			last_page: true,
			empty: true
		});
	});
});
