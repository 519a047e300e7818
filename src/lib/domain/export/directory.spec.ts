import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import {
	DIRECTORY_COLUMNS,
	directoryCsv,
	directoryGeoJson,
	directoryRecord,
	type DirectoryEntry
} from './directory.ts';

function entry(overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
	return {
		id: 'e1',
		organization_name: 'Antenne BuurtPensioen Anneessens',
		service_name: 'Huisbezoeken',
		category: 'community_pension_antenna',
		description_fr: 'Visites, café; "papote"',
		description_nl: null,
		description_en: null,
		lon: 4.3414,
		lat: 50.8417,
		mdrc: 2,
		location_precision: 'exact',
		languages: ['nl', 'fr'],
		support_kinds: ['home_visits', 'social_contact'],
		target_groups: ['older_people'],
		accepting_new: 'open',
		trust_tier: 'vouched',
		assured_date: '2026-11-01',
		status: 'active',
		schedules: 'Tu 14:00-17:00',
		schedule_kind: 'hours',
		cost: 'free',
		cost_note: null,
		eligibility_description: null,
		accessibility: null,
		address: 'Rue Rouppe 4, 1000 Bruxelles',
		quartier_name_fr: 'Anneessens',
		quartier_name_nl: 'Anneessens',
		nis: '21004',
		contacts: [
			{ kind: 'phone', value: '+3225120000', label: null, public: true },
			{ kind: 'phone', value: '+32470999999', label: null, public: false },
			{ kind: 'email', value: 'hidden@example.invalid', label: null, public: false },
			{ kind: 'whatsapp', value: '+32470123456', label: null, public: true }
		],
		updated_at: '2026-11-20T10:00:00Z',
		...overrides
	};
}

const url = (id: string) => `https://nabij.example/fr/resources/${id}`;

describe('directoryRecord', () => {
	it('keeps public contacts only, phone numbers as dialled in Belgium', () => {
		const record = directoryRecord(entry(), { url: url('e1') });
		expect(record.phone).toBe('02 512 00 00');
		expect(record.email).toBe('');
		expect(record.other_contacts).toBe('whatsapp: 0470 12 34 56');
		expect(JSON.stringify(record)).not.toContain('999');
	});

	it('gives a quartier-only entry no address', () => {
		const record = directoryRecord(
			entry({ location_precision: 'quartier', address: 'Rue Secrète 1' }),
			{ url: url('e1') }
		);
		expect(record.address).toBeNull();
		expect(record.location_precision).toBe('quartier');
	});

	it('labels taxonomy codes when given a labeller, and joins lists with |', () => {
		const record = directoryRecord(entry(), {
			url: url('e1'),
			label: (kind, code) => `${kind}:${code}`
		});
		expect(record.category).toBe('category:community_pension_antenna');
		expect(record.support_kinds).toBe('support:home_visits | support:social_contact');
		expect(record.languages).toBe('nl | fr');
	});
});

describe('directoryCsv', () => {
	const headers = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, `h_${c}`])) as Record<
		(typeof DIRECTORY_COLUMNS)[number],
		string
	>;

	it('writes the given headers, one row per entry, and defuses a hostile name', () => {
		const csv = directoryCsv([entry(), entry({ id: 'e2', organization_name: '=1+2' })], {
			headers,
			url
		});
		const [header, first, second] = parseCsv(csv);
		expect(header).toEqual(DIRECTORY_COLUMNS.map((c) => `h_${c}`));
		const column = (name: string) => DIRECTORY_COLUMNS.indexOf(name as never);
		expect(first?.[column('description_fr')]).toBe('Visites, café; "papote"');
		expect(first?.[column('lat')]).toBe('50,8417');
		expect(first?.[column('url')]).toBe('https://nabij.example/fr/resources/e1');
		expect(second?.[column('organization')]).toBe(`'=1+2`);
	});
});

describe('directoryGeoJson', () => {
	it('has one point per entry, [lon, lat], with codes and the metadata given', () => {
		const geojson = directoryGeoJson([entry()], { url, metadata: { licence: 'ODbL-1.0' } });
		expect(geojson.metadata).toEqual({ licence: 'ODbL-1.0' });
		expect(geojson.features[0]?.geometry).toEqual({
			type: 'Point',
			coordinates: [4.3414, 50.8417]
		});
		expect(geojson.features[0]?.properties.category).toBe('community_pension_antenna');
		expect(geojson.features[0]?.id).toBe('e1');
	});
});
