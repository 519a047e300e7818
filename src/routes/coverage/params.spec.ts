import { describe, expect, it } from 'vitest';
import { coverageSearch, parseCoverageQuery } from './params.ts';

const parse = (search: string) => parseCoverageQuery(new URLSearchParams(search));

describe('parseCoverageQuery', () => {
	it('gives the defaults for an empty query', () => {
		expect(parse('')).toEqual({
			measure: 'gap_index',
			category: undefined,
			support: undefined,
			commune: undefined,
			sort: 'rank'
		});
	});

	it('reads every parameter', () => {
		expect(
			parse(
				'measure=walking_500&category=local_service_centre&support=home_visits&commune=21004&sort=-gap_index'
			)
		).toEqual({
			measure: 'walking_500',
			category: 'local_service_centre',
			support: 'home_visits',
			commune: '21004',
			sort: '-gap_index'
		});
	});

	it('treats empty form fields as no filter', () => {
		expect(parse('category=&support=&commune=')).toMatchObject({
			category: undefined,
			support: undefined,
			commune: undefined
		});
	});

	it('falls back to defaults for values it cannot read', () => {
		expect(parse('measure=nope&category=DROP%20TABLE&commune=1000&sort=-evil')).toEqual({
			measure: 'gap_index',
			category: undefined,
			support: undefined,
			commune: undefined,
			sort: 'rank'
		});
	});
});

describe('coverageSearch', () => {
	it('leaves defaults out', () => {
		expect(coverageSearch(parse(''))).toBe('');
	});

	it('applies changes and keeps the rest', () => {
		const query = parse('measure=walking_500&support=home_visits');
		expect(coverageSearch(query, { sort: '-population' })).toBe(
			'?measure=walking_500&support=home_visits&sort=-population'
		);
		expect(coverageSearch(query, { support: undefined })).toBe('?measure=walking_500');
	});
});
