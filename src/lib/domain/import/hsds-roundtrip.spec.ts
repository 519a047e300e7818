// The pure half of the HSDS round trip: our rows mapped to HSDS (nested JSON and the tabular
// package) and read back by the importer become the entry that holds the same directory.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toOrganization, toService } from '../hsds/map.ts';
import { toTabularPackage, type DataPackage } from '../hsds/tabular.ts';
import { TermIndex } from '../hsds/taxonomy.ts';
import type {
	ChannelRow,
	LocationRow,
	OrganizationRow,
	OurTaxonomy,
	OurTerm,
	ServiceRow
} from '../hsds/types.ts';
import { readImportFile, type ImportRecord } from './read.ts';
import { validateRecord, type ImportEntry, type ValidationContext } from './entry.ts';

const term = (code: string): OurTerm => ({
	code,
	label_fr: code,
	label_nl: code,
	label_en: code,
	definition_fr: code,
	definition_nl: code,
	definition_en: code
});
const taxonomy: OurTaxonomy = {
	categories: [term('community_centre')],
	supportKinds: [term('home_visits'), term('meeting_place')],
	targetGroups: [term('older_people')],
	languages: ['fr', 'nl', 'ar'],
	crosswalk: []
};
const context: ValidationContext = {
	categories: new Set(['community_centre']),
	supportKinds: new Set(['home_visits', 'meeting_place']),
	targetGroups: new Set(['older_people']),
	quartierAt: ([lon]) => (lon < 4.35 ? 21 : 35)
};

const organization = (id: string, name: string): OrganizationRow => ({
	id,
	name,
	alternate_name: null,
	description_fr: `${name} : une maison de quartier.`,
	description_nl: null,
	description_en: null,
	legal_status: null,
	category: 'community_centre',
	status: 'active',
	trust_tier: 'listed',
	assured_date: null,
	updated_at: '2026-12-01T10:00:00Z'
});
const service = (id: string, org: string, over: Partial<ServiceRow>): ServiceRow => ({
	id,
	organization_id: org,
	name: 'Visites',
	description_fr: 'Des visites à domicile.',
	description_nl: null,
	description_en: null,
	support_kinds: ['home_visits'],
	target_groups: ['older_people'],
	languages: ['fr', 'ar'],
	eligibility_description: null,
	accessibility: null,
	cost: 'free',
	cost_note: null,
	accepting_new: 'yes',
	schedules: 'Tu 14:00-16:00',
	schedule_kind: 'hours',
	updated_at: '2026-12-01T10:00:00Z',
	...over
});
const location = (id: string, org: string, over: Partial<LocationRow>): LocationRow => ({
	id,
	organization_id: org,
	name: null,
	address: 'Rue de la Victoire 12, Saint-Gilles',
	location_precision: 'exact',
	lon: 4.3456,
	lat: 50.8301,
	mdrc: 21,
	partner_venue_name: null,
	...over
});
const phone: ChannelRow = {
	id: 'c1',
	organization_id: 'o1',
	service_id: null,
	kind: 'phone',
	value: '+3225111001',
	label: null,
	sort_order: 0
};

// An exact place with a phone, and a group meeting at someone's home (quartier-only).
const directory = [
	{
		organization: organization('o1', 'Maison Victoire'),
		service: service('s1', 'o1', {}),
		location: location('l1', 'o1', {}),
		channels: [phone]
	},
	{
		organization: organization('o2', 'Tricot du mardi'),
		service: service('s2', 'o2', {
			support_kinds: ['meeting_place'],
			target_groups: [],
			languages: ['nl'],
			schedules: null,
			schedule_kind: 'by_appointment'
		}),
		location: location('l2', 'o2', {
			location_precision: 'quartier',
			address: null,
			lon: 4.3689,
			lat: 50.8402,
			mdrc: 35
		}),
		channels: []
	}
];

/** The entry import_entry() should receive for each of our rows. */
const expected: ImportEntry[] = [
	{
		external_id: 's1',
		organization: {
			name: 'Maison Victoire',
			alternate_name: null,
			category: 'community_centre',
			description_fr: 'Des visites à domicile.',
			description_nl: null,
			description_en: null
		},
		service: {
			support_kinds: ['home_visits'],
			target_groups: ['older_people'],
			languages: ['fr', 'ar'],
			schedules: 'Tu 14:00-16:00',
			schedule_kind: 'hours'
		},
		location: {
			lon: 4.3456,
			lat: 50.8301,
			mdrc: 21,
			address: 'Rue de la Victoire 12, Saint-Gilles',
			location_precision: 'exact'
		},
		channels: [{ kind: 'phone', value: '+3225111001' }]
	},
	{
		external_id: 's2',
		organization: {
			name: 'Tricot du mardi',
			alternate_name: null,
			category: 'community_centre',
			description_fr: 'Des visites à domicile.',
			description_nl: null,
			description_en: null
		},
		service: {
			support_kinds: ['meeting_place'],
			target_groups: [],
			languages: ['nl'],
			schedules: null,
			schedule_kind: 'by_appointment'
		},
		location: {
			lon: 4.3689,
			lat: 50.8402,
			mdrc: 35,
			address: null,
			location_precision: 'quartier'
		},
		channels: []
	}
];

const terms = new TermIndex(taxonomy, 'fr');
const hsds = directory.map((d) => {
	const parts = { ...d, terms, locale: 'fr' as const };
	return {
		organization: toOrganization({ ...parts, services: [d.service], locations: [d.location] }),
		service: toService({ ...parts, locations: [{ id: `x-${d.service.id}`, location: d.location }] })
	};
});

function entries(records: ImportRecord[]): ImportEntry[] {
	return records.map((record) => {
		const result = validateRecord(record, context);
		expect(result.issues).toEqual([]);
		return result.entry!;
	});
}

describe('our rows → HSDS → import', () => {
	it('come back as the same entries from nested HSDS JSON', () => {
		const file = hsds.map((h) => ({ ...h.organization, services: [h.service] }));
		const read = readImportFile(strToU8(JSON.stringify(file)));
		if (!read.ok) throw new Error(read.issue);
		expect(entries(read.records)).toEqual(expected);
	});

	it('come back as the same entries from the tabular package', () => {
		const descriptor = JSON.parse(
			readFileSync(resolve(import.meta.dirname, '../../../../data/hsds/datapackage.json'), 'utf8')
		) as DataPackage;
		const files = toTabularPackage(
			{
				organizations: hsds.map((h) => h.organization),
				services: hsds.map((h) => h.service),
				taxonomies: [],
				terms: terms.terms,
				created: '2026-12-01T10:00:00Z'
			},
			descriptor
		);
		const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
		const read = readImportFile(zip);
		if (!read.ok) throw new Error(read.issue);
		// Table rows have no order of their own (the package sorts them by id): a service's
		// languages come back as the same set.
		const sorted = (list: ImportEntry[]) =>
			list.map((e) => ({
				...e,
				service: { ...e.service, languages: e.service.languages.toSorted() }
			}));
		expect(sorted(entries(read.records))).toEqual(sorted(expected));
	});

	it('never keeps an address for a location the file says is quartier-only', () => {
		const file = [{ ...hsds[1]!.organization, services: [hsds[1]!.service] }];
		const json = JSON.parse(JSON.stringify(file)) as { services: Record<string, unknown>[] }[];
		const sal = json[0]!.services[0]!.service_at_locations as {
			location: Record<string, unknown>;
		}[];
		sal[0]!.location.addresses = [{ address_1: 'Rue du Secret 7', city: 'Ixelles' }];
		const read = readImportFile(strToU8(JSON.stringify(json)));
		if (!read.ok) throw new Error(read.issue);
		expect(entries(read.records)[0]!.location).toMatchObject({
			address: null,
			location_precision: 'quartier'
		});
	});
});
