import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { quartierAt, type QuartierCollection } from '../geo/quartier.ts';
import { parseDelimited, toDelimited } from './csv.ts';
import { templateHeaders } from './columns.ts';
import { dryRun, type ValidationContext } from './index.ts';
import { matchRows, nameSimilarity, type ExistingEntry } from './match.ts';
import { OSM_SOURCE, osmRecords, parseOsmMapping } from './osm.ts';
import { MAX_ROWS, readImportFile } from './read.ts';

const dataDir = new URL('../../../../data/', import.meta.url).pathname;
const quartiers = JSON.parse(
	readFileSync(`${dataDir}/brussels/quartiers_monitoring.geojson`, 'utf8')
) as QuartierCollection;
const codes = (file: string) =>
	new Set(
		parseDelimited(readFileSync(`${dataDir}/taxonomy/${file}`, 'utf8'), ',')
			.slice(1)
			.map((r) => r[0]!)
	);
const context: ValidationContext = {
	categories: codes('categories.csv'),
	supportKinds: codes('support_kinds.csv'),
	targetGroups: codes('target_groups.csv'),
	quartierAt: (point) => quartierAt(point, quartiers)
};
const bytes = (text: string) => new TextEncoder().encode(text);

const HEADER =
	'identifiant;nom;categorie;description_fr;types_aide;langues;longitude;latitude;telephone';
const csv = (...rows: string[]) => bytes(`\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n`);

describe('parseDelimited', () => {
	it('reads quotes, separators and line breaks inside quotes, and a BOM', () => {
		expect(parseDelimited('\ufeffa;"b;""c"""\r\n"x\ny";2\n\n')).toEqual([
			['a', 'b;"c"'],
			['x\ny', '2']
		]);
	});

	it('round-trips what toDelimited writes', () => {
		const rows = [
			['nom', 'description'],
			['Café "Le Lien"', 'Rencontre; échange\nle lundi']
		];
		expect(parseDelimited(toDelimited(rows))).toEqual(rows);
	});
});

describe('readImportFile', () => {
	it('reads the CSV template in any language, with or without BOM', () => {
		for (const locale of ['fr', 'nl', 'en'] as const) {
			const file = bytes(`${templateHeaders(locale).join(';')}\n`);
			expect(readImportFile(file)).toEqual({ ok: false, issue: 'no_rows' });
		}
		const read = readImportFile(
			csv('a1;Buurthuis;community_centre;Un lieu.;meeting_place;fr,nl;4.3525;50.8467;')
		);
		expect(read).toMatchObject({
			ok: true,
			format: 'csv',
			records: [{ row: 2, values: { name: 'Buurthuis', lon: '4.3525' } }]
		});
	});

	it('refuses a file that is not UTF-8', () => {
		const latin1 = new Uint8Array([...bytes('identifiant;nom\n1;Caf'), 0xe9, 0x0a]);
		expect(readImportFile(latin1)).toEqual({ ok: false, issue: 'encoding' });
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...[...'id;nom'].flatMap((c) => [c.charCodeAt(0), 0])
		]);
		expect(readImportFile(utf16)).toEqual({ ok: false, issue: 'encoding' });
	});

	it('names the missing columns', () => {
		expect(readImportFile(bytes('nom;adresse\nX;Rue\n'))).toEqual({
			ok: false,
			issue: 'missing_columns',
			columns: ['external_id', 'category', 'support_kinds', 'languages', 'lon', 'lat']
		});
	});

	it('refuses empty, oversized and over-long files', () => {
		expect(readImportFile(new Uint8Array())).toEqual({ ok: false, issue: 'empty' });
		expect(readImportFile(new Uint8Array(6 * 1024 * 1024).fill(0x41))).toEqual({
			ok: false,
			issue: 'too_large'
		});
		const rows = Array.from(
			{ length: MAX_ROWS + 1 },
			(_, i) => `r${i};N${i};other;d;meeting_place;fr;4.35;50.85;`
		);
		expect(readImportFile(csv(...rows))).toEqual({ ok: false, issue: 'too_many_rows' });
		expect(readImportFile(bytes('{"not": "hsds"}'))).toEqual({
			ok: false,
			issue: 'unknown_format'
		});
		expect(readImportFile(bytes('{"type": "FeatureCollection", "features": ['))).toEqual({
			ok: false,
			issue: 'invalid_json'
		});
	});

	it('reads GeoJSON points and HSDS services', () => {
		const geojson = readImportFile(
			bytes(
				JSON.stringify({
					type: 'FeatureCollection',
					features: [
						{
							type: 'Feature',
							id: 'g1',
							properties: { name: 'Point' },
							geometry: { type: 'Point', coordinates: [4.35, 50.85] }
						}
					]
				})
			)
		);
		expect(geojson).toMatchObject({
			ok: true,
			format: 'geojson',
			records: [{ values: { external_id: 'g1', name: 'Point', lon: '4.35', lat: '50.85' } }]
		});
		const hsds = readImportFile(
			bytes(
				JSON.stringify({
					total_items: 1,
					contents: [
						{
							id: 's1',
							name: 'Visits',
							status: 'active',
							description: 'Home visits.',
							languages: [{ code: 'nl' }],
							organization: {
								id: 'o1',
								name: 'Buurtwerk',
								description: 'x',
								attributes: [
									{ taxonomy_term: { code: 'community_centre', taxonomy: 'categories' } }
								]
							},
							attributes: [{ taxonomy_term: { code: 'home_visits', taxonomy: 'support_kinds' } }],
							service_at_locations: [{ location: { latitude: 50.85, longitude: 4.35 } }]
						}
					]
				})
			)
		);
		expect(hsds).toMatchObject({
			ok: true,
			format: 'hsds_json',
			records: [
				{
					values: {
						external_id: 's1',
						name: 'Buurtwerk',
						category: 'community_centre',
						support_kinds: 'home_visits',
						languages: 'nl',
						lon: '4.35'
					}
				}
			]
		});
	});
});

describe('the HSDS tabular package', () => {
	it('joins the CSV files of a zip back into services', () => {
		const zip = zipSync({
			'organizations.csv': strToU8(
				'id,name,description,website\no1,Buurtwerk Noord,"Een buurthuis, open.",https://buurtwerk.invalid\n'
			),
			'services.csv': strToU8(
				'id,organization_id,name,description,status\ns1,o1,Huisbezoek,Home visits.,active\n'
			),
			'locations.csv': strToU8('id,latitude,longitude\nl1,50.85,4.35\n'),
			'service_at_location.csv': strToU8('id,service_id,location_id\nx1,s1,l1\n'),
			'languages.csv': strToU8('id,service_id,code\nla1,s1,nl\nla2,s1,fr\n'),
			'schedules.csv': strToU8('id,service_id,description\nsc1,s1,Tu 14:00-16:00\n'),
			'taxonomies.csv': strToU8('id,name\nt1,categories\nt2,support_kinds\n'),
			'taxonomy_terms.csv': strToU8(
				'id,code,name,taxonomy_id\ntt1,community_centre,Community centre,t1\ntt2,home_visits,Home visits,t2\n'
			),
			'attributes.csv': strToU8(
				'id,link_id,taxonomy_term_id,link_type\na1,o1,tt1,organization\na2,s1,tt2,service\n'
			)
		});
		expect(readImportFile(zip)).toEqual({
			ok: true,
			format: 'hsds_zip',
			records: [
				{
					row: 1,
					values: {
						external_id: 's1',
						name: 'Buurtwerk Noord',
						description_fr: 'Home visits.',
						category: 'community_centre',
						support_kinds: 'home_visits',
						languages: 'nl,fr',
						schedules: 'Tu 14:00-16:00',
						lon: '4.35',
						lat: '50.85',
						website: 'https://buurtwerk.invalid'
					}
				}
			]
		});
	});

	it('refuses a zip without services.csv, or one that is not a zip at all', () => {
		expect(readImportFile(zipSync({ 'readme.txt': strToU8('hello') }))).toEqual({
			ok: false,
			issue: 'unknown_format'
		});
		expect(readImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
			ok: false,
			issue: 'unknown_format'
		});
	});
});

describe('dryRun', () => {
	const read = (file: Uint8Array) => {
		const result = readImportFile(file);
		if (!result.ok) throw new Error(result.issue);
		return result.records;
	};
	const existing: ExistingEntry[] = [
		{
			organization_id: 'org-1',
			name: 'Maison de quartier Grand-Place',
			lon: 4.3524,
			lat: 50.8466,
			phones: [],
			websites: [],
			external_id: null
		},
		{
			organization_id: 'org-2',
			name: 'Imported before',
			lon: 4.36,
			lat: 50.86,
			phones: [],
			websites: [],
			external_id: 'b2'
		}
	];

	it('tells new rows, updates, duplicates and invalid rows apart, with reasons', () => {
		const { outcomes, entries } = dryRun(
			read(
				csv(
					'b1;Buurthuis Noord;community_centre;Un lieu.;meeting_place;fr,nl;4.3600;50.8700;02 345 67 89',
					'b2;Imported before;community_centre;Un lieu.;meeting_place;fr;4.36;50.86;',
					'b3;Maison de quartier Grand Place;community_centre;Un lieu.;meeting_place;fr;4.3525;50.8467;',
					'b4;<script>alert(1)</script>;no_such;;flying;french;5.1;51.2;call me',
					'b1;Buurthuis Noord again;community_centre;Un lieu.;meeting_place;fr;4.30;50.83;'
				)
			),
			context,
			existing
		);
		expect(outcomes.map((o) => o.outcome)).toEqual([
			'new',
			'update',
			'duplicate',
			'invalid',
			'invalid'
		]);
		expect(outcomes[1]).toMatchObject({
			of: { organization_id: 'org-2', name: 'Imported before' }
		});
		expect(outcomes[2]).toMatchObject({
			of: { organization_id: 'org-1' },
			reasons: ['name', 'distance']
		});
		expect(outcomes[3]).toMatchObject({
			issues: [
				{ field: 'name', code: 'markup' },
				{ field: 'description_fr', code: 'description_required' },
				{ field: 'category', code: 'unknown_code', value: 'no_such' },
				{ field: 'support_kinds', code: 'unknown_code', value: 'flying' },
				{ field: 'languages', code: 'invalid_language', value: 'french' },
				{ field: 'lon', code: 'outside_brussels' },
				{ field: 'phone', code: 'invalid_phone' }
			]
		});
		expect(outcomes[4]).toMatchObject({ issues: [{ field: 'external_id', code: 'duplicate_id' }] });
		expect(entries.map((e) => e.external_id)).toEqual(['b1', 'b2']);
		expect(entries[0]).toMatchObject({
			location: { mdrc: expect.any(Number) },
			channels: [{ kind: 'phone', value: '+3223456789' }]
		});
	});

	it('checks 5,000 rows against the directory in well under a few seconds', () => {
		const rows = Array.from(
			{ length: MAX_ROWS },
			(_, i) =>
				`r${i};Lieu ${i};other;d;meeting_place;fr;${(4.3 + (i % 100) * 0.001).toFixed(4)};${(50.83 + Math.floor(i / 100) * 0.001).toFixed(4)};`
		);
		const started = performance.now();
		const { outcomes } = dryRun(read(csv(...rows)), context, existing);
		expect(outcomes).toHaveLength(MAX_ROWS);
		expect(performance.now() - started).toBeLessThan(20000);
	});
});

describe('matchRows', () => {
	const entry = (id: string, name: string, lon: number) => ({
		row: 1,
		name,
		issues: [],
		entry: {
			external_id: id,
			organization: {
				name,
				alternate_name: null,
				category: 'other',
				description_fr: 'd',
				description_nl: null,
				description_en: null
			},
			service: {
				support_kinds: ['meeting_place'],
				target_groups: [],
				languages: ['fr'],
				schedules: null,
				schedule_kind: 'irregular' as const
			},
			location: { lon, lat: 50.84, mdrc: 1, address: null, location_precision: 'exact' as const },
			channels: [{ kind: 'website' as const, value: 'https://www.atoll.be/' }]
		}
	});

	it('does not take places sharing a federation website for duplicates', () => {
		const outcomes = matchRows([entry('a', 'Atoll Est', 4.4), entry('b', 'Atoll Sud', 4.34)], []);
		expect(outcomes.map((o) => o.outcome)).toEqual(['new', 'new']);
	});

	it('keeps a row that duplicates an updated one a duplicate when the file comes again', () => {
		const rows = [entry('a', 'Atoll Est', 4.4), entry('b', 'Atoll Est', 4.4)];
		expect(matchRows(rows, []).map((o) => o.outcome)).toEqual(['new', 'duplicate']);
		const existing: ExistingEntry[] = [
			{
				organization_id: 'o-a',
				name: 'Atoll Est',
				lon: 4.4,
				lat: 50.84,
				phones: [],
				websites: ['https://www.atoll.be/'],
				external_id: 'a'
			}
		];
		expect(matchRows(rows, existing).map((o) => o.outcome)).toEqual(['update', 'duplicate']);
	});

	it('compares names without case, accents or asbl', () => {
		expect(nameSimilarity('Maison médicale Jean Jaurès', 'MAISON MEDICALE JEAN JAURES asbl')).toBe(
			1
		);
		expect(nameSimilarity('Atoll Est', 'Maison médicale Neptune')).toBeLessThan(0.2);
	});
});

describe('the OpenStreetMap care points', () => {
	const features = JSON.parse(
		readFileSync(`${dataDir}/brussels/osm_care_points.geojson`, 'utf8')
	).features;
	const mapping = parseOsmMapping(readFileSync(`${dataDir}/osm-mapping.csv`, 'utf8'));

	it('map every point to known categories, support kinds and target groups', () => {
		const { outcomes } = dryRun(osmRecords(features, mapping), context, []);
		const invalid = outcomes.filter((o) => o.outcome === 'invalid');
		// Free-form OSM values our checks refuse (an opening_hours we cannot read) are reported.
		expect(invalid.length).toBeLessThan(10);
		for (const o of invalid)
			if (o.outcome === 'invalid')
				expect(
					o.issues.every((i) => ['schedules', 'phone', 'email', 'website'].includes(i.field))
				).toBe(true);
		expect(outcomes.filter((o) => o.outcome === 'new').length).toBeGreaterThan(220);
		expect(OSM_SOURCE.attribution).toBe('© OpenStreetMap contributors');
	});
});
