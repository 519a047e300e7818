import { describe, expect, it } from 'vitest';
import { diffRows } from './diff.ts';

describe('diffRows', () => {
	it('lists changed fields of the organization and the service, skipping unchanged ones', () => {
		expect(
			diffRows(
				{
					organization: { name: 'New name', description_fr: 'Pareil' },
					service: { accepting_new: 'full', eligibility_description: '' }
				},
				{ name: 'Old name', description_fr: 'Pareil' },
				{ accepting_new: 'open', eligibility_description: 'Tout le monde' }
			)
		).toEqual([
			{ target: 'organization', field: 'name', current: 'Old name', proposed: 'New name' },
			{ target: 'service', field: 'accepting_new', current: 'open', proposed: 'full' },
			{
				target: 'service',
				field: 'eligibility_description',
				current: 'Tout le monde',
				proposed: null
			}
		]);
	});

	it('is empty for no changes', () => {
		expect(diffRows({}, { name: 'A' }, null)).toEqual([]);
	});
});
