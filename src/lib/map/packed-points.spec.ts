import { describe, expect, it } from 'vitest';
import { unpackPoints } from './packed-points.ts';

// Codes written by the database's finder_map_code:
// (4.35247, 50.84673, category 3, exact, active, mdrc 1), (4.48, 50.91, category 12,
// quartier-only, dormant, mdrc 4095) and the region's corner.
const PACKED = 'AAEDQ8Kvv' + 'D__MdTF3A' + 'AAAAAAAAA';
const categories = Array.from({ length: 13 }, (_, i) => `c${i}`);

describe('unpackPoints', () => {
	it('reads what the database packed, with ids for the listed page', () => {
		const listed = [{ map_code: 'D__MdTF3A', id: 'b' }];
		expect(unpackPoints({ packed: PACKED, categories }, listed)).toEqual([
			{
				id: 'point:0',
				name: '',
				category: 'c3',
				lon: 4.35247,
				lat: 50.84673,
				mdrc: 1,
				quartierOnly: false,
				dormant: false
			},
			{
				id: 'b',
				name: '',
				category: 'c12',
				lon: 4.48,
				lat: 50.91,
				mdrc: 4095,
				quartierOnly: true,
				dormant: true
			},
			{
				id: 'point:2',
				name: '',
				category: 'c0',
				lon: 4.24,
				lat: 50.76,
				mdrc: 0,
				quartierOnly: false,
				dormant: false
			}
		]);
	});

	it('unpacks nothing from nothing', () => {
		expect(unpackPoints({ packed: '', categories: [] }, [])).toEqual([]);
	});

	it('gives each listed result its own point when several share a place', () => {
		const twice = 'AAEDQ8Kvv'.repeat(3);
		const listed = [
			{ map_code: 'AAEDQ8Kvv', id: 'a' },
			{ map_code: 'AAEDQ8Kvv', id: 'b' }
		];
		expect(unpackPoints({ packed: twice, categories }, listed).map((p) => p.id)).toEqual([
			'a',
			'b',
			'point:2'
		]);
	});
});
