import { describe, expect, it } from 'vitest';
import { finderPathFromBack } from './back.ts';

describe('finderPathFromBack', () => {
	it('rebuilds the finder search from parsed values only', () => {
		const path = finderPathFromBack(
			'near=4.3414,50.8417&radius=1000&language=ar&language=nl&place=Anneessens&evil=x'
		);
		const url = new URL(path, 'http://x');
		expect(url.pathname).toBe('/find');
		expect(url.searchParams.get('near')).toBe('4.3414,50.8417');
		expect(url.searchParams.getAll('language')).toEqual(['ar', 'nl']);
		expect(url.searchParams.get('place')).toBe('Anneessens');
		expect(url.searchParams.has('evil')).toBe(false);
	});

	it('never leaves the finder', () => {
		expect(finderPathFromBack('//elsewhere.invalid/x')).toBe('/find');
		expect(finderPathFromBack('https://elsewhere.invalid')).toBe('/find');
		expect(finderPathFromBack(null)).toBe('/find');
		expect(finderPathFromBack('')).toBe('/find');
	});
});
