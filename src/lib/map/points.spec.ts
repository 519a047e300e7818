import { describe, expect, it } from 'vitest';
import { pointsCollection, type MapPoint } from './points.ts';

const point = (id: string, extra: Partial<MapPoint> = {}): MapPoint => ({
	id,
	name: id,
	category: 'self_organisation',
	lon: 4.34,
	lat: 50.84,
	mdrc: 12,
	quartierOnly: false,
	dormant: false,
	...extra
});

describe('pointsCollection', () => {
	it('draws exact entries as points and quartier-only entries as their quartier', () => {
		const result = pointsCollection([
			point('a'),
			point('b', { quartierOnly: true, mdrc: 7 }),
			point('c', { quartierOnly: true, mdrc: 7 }),
			point('d', { dormant: true })
		]);
		expect(result.points.features.map((f) => f.properties.resourceId)).toEqual(['a', 'd']);
		expect(result.areaQuartiers).toEqual([7]);
		expect(result.areaCount).toBe(2);
		expect(result.points.features.length + result.areaCount).toBe(4);
		expect(result.indexOf.get('d')).toBe(1);
		expect(result.indexOf.has('b')).toBe(false);
		expect(result.points.features[1]?.properties.dormant).toBe(true);
	});
});
