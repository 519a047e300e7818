import { describe, expect, it } from 'vitest';
import { canonicalFinderPath } from './form.ts';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('canonicalFinderPath', () => {
	it('drops empty fields and defaults, keeps repeated filters and the place label', () => {
		const path = canonicalFinderPath(
			form([
				['place', 'Chaussée de Wavre, Ixelles'],
				['near', '4.377,50.833'],
				['radius', '1000'],
				['quartier', ''],
				['q', ''],
				['language', 'ar'],
				['language', 'nl'],
				['support', ''],
				['sort', 'distance']
			])
		);
		const url = new URL(path, 'http://x');
		expect(url.pathname).toBe('/find');
		expect(url.searchParams.get('near')).toBe('4.377,50.833');
		expect(url.searchParams.get('radius')).toBe('1000');
		expect(url.searchParams.getAll('language')).toEqual(['ar', 'nl']);
		expect(url.searchParams.get('place')).toBe('Chaussée de Wavre, Ixelles');
		expect(url.searchParams.has('quartier')).toBe(false);
		expect(url.searchParams.has('sort')).toBe(false);
		expect(url.searchParams.has('q')).toBe(false);
	});

	it('keeps a typed place without a point for the server to resolve', () => {
		const url = new URL(canonicalFinderPath(form([['place', 'wavre']])), 'http://x');
		expect(url.searchParams.get('place')).toBe('wavre');
		expect(url.searchParams.has('near')).toBe(false);
	});

	it('gives the bare finder for an empty form', () => {
		expect(canonicalFinderPath(form([['place', ' ']]))).toBe('/find');
	});
});
