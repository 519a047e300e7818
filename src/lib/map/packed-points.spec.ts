import { describe, expect, it } from 'vitest';
import { packPoints, unpackPoints } from './packed-points.ts';

// The integer finder_search computes for a point, written out as the migration does.
function packed(p: {
	lon: number;
	lat: number;
	category: number;
	quartierOnly: boolean;
	dormant: boolean;
	mdrc: number;
}): number {
	const x = Math.round((p.lon - 4.24) * 100_000);
	const y = Math.round((p.lat - 50.76) * 100_000);
	const flags = (p.quartierOnly ? 1 : 0) + 2 * (p.dormant ? 1 : 0) + 4 * p.mdrc;
	return x + 32_768 * (y + 32_768 * (p.category + 64 * flags));
}

describe('packed map points', () => {
	it('round-trips points at the corners of the region, with ids for the listed page', () => {
		const grandPlace = {
			lon: 4.35247,
			lat: 50.84673,
			category: 3,
			quartierOnly: false,
			dormant: false,
			mdrc: 1
		};
		const farCorner = {
			lon: 4.48,
			lat: 50.91,
			category: 12,
			quartierOnly: true,
			dormant: true,
			mdrc: 4095
		};
		const text = packPoints([packed(grandPlace), packed(farCorner)]);
		expect(text).toHaveLength(18);
		const categories = Array.from({ length: 13 }, (_, i) => `c${i}`);
		const points = unpackPoints({ packed: text, categories }, { offset: 1, ids: ['b'] });
		expect(points).toEqual([
			{
				id: 'rank:0',
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
			}
		]);
	});

	it('unpacks nothing from nothing', () => {
		expect(unpackPoints({ packed: '', categories: [] }, { offset: 0, ids: [] })).toEqual([]);
	});
});
