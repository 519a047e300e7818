import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BRUSSELS_BOUNDS } from '../../src/lib/map/basemap.ts';
import { buildStreetTiles, lineLengthMeters, streetFeatures, tilesCovering } from './tiles.ts';

const streets = streetFeatures(
	JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../../data/brussels/streets_osm.geojson'), 'utf8')
	) as FeatureCollection
);

describe('lineLengthMeters', () => {
	it('measures a line and the parts of a multi-line', () => {
		const line = {
			type: 'LineString' as const,
			coordinates: [
				[4.35, 50.85],
				[4.36, 50.85]
			]
		};
		expect(lineLengthMeters(line)).toBeCloseTo(702, 0);
		expect(
			lineLengthMeters({
				type: 'MultiLineString',
				coordinates: [line.coordinates, line.coordinates]
			})
		).toBeCloseTo(1404, 0);
	});
});

describe('streetFeatures', () => {
	it('keeps every street of the region with one name per language', () => {
		expect(streets).toHaveLength(10_804);
		const sobieski = streets.find((s) => s.properties.fr === 'Avenue Jean Sobieski');
		expect(sobieski?.properties.nl).toBe('Jan Sobieskilaan');
		// A name without French and Dutch halves is used for both.
		const wavre = streets.find((s) => s.properties.fr === 'Chaussée de Wavre');
		expect(wavre?.properties.nl).toBe('Chaussée de Wavre');
		// Lengths are of whole streets, not of the source's pieces of them.
		expect(wavre?.properties.lengthMeters).toBeGreaterThan(3000);
	});
});

describe('tilesCovering', () => {
	it('numbers tiles as MapLibre does', () => {
		// The Grand-Place at zoom 14.
		expect(
			tilesCovering(
				[
					[4.3522, 50.8467],
					[4.3522, 50.8467]
				],
				14
			)
		).toEqual([{ z: 14, x: 8390, y: 5496 }]);
		expect(tilesCovering(BRUSSELS_BOUNDS, 10)).toHaveLength(1);
		expect(tilesCovering(BRUSSELS_BOUNDS, 14).length).toBeGreaterThan(100);
	});
});

describe('buildStreetTiles', () => {
	const sample = streets.filter(
		(s) => s.properties.fr.startsWith('Rue du Midi') || s.properties.lengthMeters > 3000
	);
	const tiles = buildStreetTiles({
		streets: sample,
		bounds: BRUSSELS_BOUNDS,
		minZoom: 10,
		maxZoom: 14,
		rule: (z) => ({ minLengthMeters: z < 14 ? 3000 : 0, names: z >= 14 }),
		layer: 'streets'
	});
	const read = (key: string) =>
		new VectorTile(new PbfReader(tiles.get(key) ?? new Uint8Array())).layers.streets;

	it('writes names only where the rule keeps them, and short streets only where allowed', () => {
		const [only] = tilesCovering(BRUSSELS_BOUNDS, 10);
		const region = read(`10/${only?.x}/${only?.y}`);
		expect(region?.length).toBeGreaterThan(0);
		expect(region?.feature(0).properties).toEqual({});
		const grandPlace = read('14/8390/5496');
		const names = Array.from({ length: grandPlace?.length ?? 0 }, (_, i) =>
			String(grandPlace?.feature(i).properties.fr)
		);
		expect(names).toContain('Rue du Midi');
		expect(grandPlace?.feature(0).properties).toHaveProperty('nl');
	});

	it('leaves out tiles without streets', () => {
		for (const [key, tile] of tiles) {
			expect(tile.length, key).toBeGreaterThan(0);
			expect(read(key)?.length, key).toBeGreaterThan(0);
		}
	});
});
