import { describe, expect, it } from 'vitest';
import { originOf, styleOrigins } from './csp.ts';

describe('styleOrigins', () => {
	it('collects the origins of the style, its sprites, glyphs, tiles and TileJSON', () => {
		const style = {
			sprite: [{ id: 'default', url: 'https://sprites.example.org/sprite' }],
			glyphs: 'https://fonts.example.org/{fontstack}/{range}.pbf',
			sources: {
				base: { url: 'https://tiles.example.org/tiles.json' },
				relative: { tiles: ['/data/{z}/{x}/{y}.pbf'] },
				local: { data: 'nabij://basemap/outline.json' }
			}
		};
		const tileJson = {
			sources: { tilejson: { tiles: ['https://a.cdn.example.org/{z}/{x}/{y}.pbf'] } }
		};
		expect(styleOrigins('https://maps.example.org/style.json', style, tileJson)).toEqual([
			'https://maps.example.org',
			'https://sprites.example.org',
			'https://fonts.example.org',
			'https://tiles.example.org',
			'https://a.cdn.example.org'
		]);
	});

	it('ignores what is not an http(s) URL', () => {
		expect(originOf('nabij://basemap/tiles/{z}/{x}/{y}.pbf')).toBeUndefined();
		expect(originOf(42)).toBeUndefined();
		expect(styleOrigins('https://maps.example.org/s.json', { sprite: 'not a url' })).toEqual([
			'https://maps.example.org'
		]);
	});
});
