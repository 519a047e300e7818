import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../places/csv.ts';
import { toCsv, toTabularPackage, type DataPackage } from './tabular.ts';

const hsds = JSON.parse(
	readFileSync(new URL('../../../../data/hsds/datapackage.json', import.meta.url), 'utf8')
) as DataPackage;

describe('toCsv', () => {
	it('quotes what needs quoting and leaves missing values empty', () => {
		const csv = toCsv(
			['id', 'name', 'note'],
			[{ id: 'a', name: 'Resto "du cœur", Molenbeek', extra: 1 }]
		);
		expect(csv).toBe('id,name,note\r\na,"Resto ""du cœur"", Molenbeek",\r\n');
		expect(parseCsv(csv)[1]).toEqual(['a', 'Resto "du cœur", Molenbeek', '']);
	});
});

describe('toTabularPackage', () => {
	const service = {
		id: 's1',
		name: 'Repas',
		status: 'active',
		schedules: [{ id: 'sc1', service_id: 's1', byday: 'MO,WE', description: 'Mo,We 12:00-14:00' }],
		service_at_locations: [
			{ id: 'sal1', service_id: 's1', location_id: 'l1', location: { id: 'l1' } }
		]
	};
	const files = toTabularPackage(
		{
			organizations: [
				{
					id: 'o1',
					name: 'Org',
					description: 'x',
					locations: [{ id: 'l1', location_type: 'physical' }]
				}
			],
			services: [service],
			taxonomies: [],
			terms: [],
			created: '2026-12-01T00:00:00.000Z'
		},
		hsds
	);

	it('writes one CSV per filled table, with the datapackage’s columns, and only those', () => {
		expect(Object.keys(files).sort()).toEqual([
			'datapackage.json',
			'locations.csv',
			'organizations.csv',
			'schedules.csv',
			'service_at_location.csv',
			'services.csv'
		]);
		const descriptor = JSON.parse(files['datapackage.json']!) as DataPackage & {
			licenses: unknown[];
		};
		expect(descriptor.resources.map((r) => r.path).sort()).toEqual(
			Object.keys(files)
				.filter((f) => f.endsWith('.csv'))
				.sort()
		);
		expect(descriptor.licenses).toEqual([expect.objectContaining({ name: 'ODbL-1.0' })]);
		const schedules = parseCsv(files['schedules.csv']!);
		const fields = hsds.resources
			.find((r) => r.name === 'schedule')!
			.schema.fields.map((f) => f.name);
		expect(schedules[0]).toEqual(fields);
		expect(schedules[1]![fields.indexOf('byday')]).toBe('MO,WE');
	});
});
