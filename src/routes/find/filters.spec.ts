import { describe, expect, it } from 'vitest';
import { finderQuerySchema } from '#lib/domain/search/index.ts';
import { activeFilterCount } from './filters.ts';

const query = (params: string) => finderQuerySchema.parse(new URLSearchParams(params));

describe('activeFilterCount', () => {
	it('counts nothing for a place and a distance alone, nor for the order', () => {
		expect(activeFilterCount(query('near=4.3414,50.8417&radius=1000&sort=name'))).toBe(0);
	});

	it('counts each chosen value, the quartier and each ticked box', () => {
		expect(
			activeFilterCount(
				query(
					'language=ar&language=nl&support=social_contact&target=older_people' +
						'&category=self_organisation&quartier=47&open_now=1&accepting=1&wheelchair=1'
				)
			)
		).toBe(9);
	});

	it('counts keywords as one filter, and blank keywords as none', () => {
		expect(activeFilterCount(query('q=ecole+des+devoirs'))).toBe(1);
		expect(activeFilterCount(query('q=+++'))).toBe(0);
	});
});
