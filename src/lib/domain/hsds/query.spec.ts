import { describe, expect, it } from 'vitest';
import { parseHsdsQuery } from './query.ts';

const parse = (query: string, termFilters = true) =>
	parseHsdsQuery(new URLSearchParams(query), { termFilters });

describe('parseHsdsQuery', () => {
	it('defaults to the first page of 50 in English', () => {
		expect(parse('')).toEqual({ ok: true, query: { page: 1, per_page: 50, locale: 'en' } });
	});

	it('reads every parameter it knows and ignores others', () => {
		const parsed = parse(
			'page=3&per_page=20&search=%20soupe%20&quartier=12&language=ar&locale=nl&modified_after=2026-12-01&top_only=true&utm=x'
		);
		expect(parsed).toEqual({
			ok: true,
			query: {
				page: 3,
				per_page: 20,
				search: 'soupe',
				quartier: 12,
				language: 'ar',
				locale: 'nl',
				modified_after: '2026-12-01T00:00:00.000Z',
				top_only: true
			}
		});
	});

	it('names the parameter it refuses and why', () => {
		expect(parse('per_page=500')).toEqual({
			ok: false,
			error: { parameter: 'per_page', message: 'must be at most 200' }
		});
		expect(parse('page=1.5')).toMatchObject({ ok: false, error: { parameter: 'page' } });
		expect(parse('taxonomy_term_id=abc')).toMatchObject({
			ok: false,
			error: { parameter: 'taxonomy_term_id', message: 'must be a UUID' }
		});
		expect(parse('modified_after=2026-02-30T25:00')).toMatchObject({ ok: false });
		expect(parse('page=1&page=2')).toMatchObject({
			ok: false,
			error: { parameter: 'page', message: 'is given more than once' }
		});
		expect(parse('top_only=true', false)).toEqual({
			ok: false,
			error: { parameter: 'top_only', message: 'filters /taxonomy_terms only, not this route' }
		});
		expect(parse('taxonomy_id=x', false)).toMatchObject({
			ok: false,
			error: { parameter: 'taxonomy_id' }
		});
		expect(parse('format=ndjson')).toMatchObject({
			ok: false,
			error: { parameter: 'format', message: 'is not supported by this API' }
		});
	});
});
