import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { brusselsDataDir } from '#lib/domain/coverage/fixtures.ts';
import { boundsOf, createProjection, toSvgPath } from './projection.ts';

const quartiers = JSON.parse(
	readFileSync(`${brusselsDataDir()}quartiers_monitoring.geojson`, 'utf8')
) as FeatureCollection<Polygon | MultiPolygon, { mdrc: number }>;
const geometries = quartiers.features.map((f) => f.geometry);

describe('boundsOf', () => {
	it('bounds the 145 quartiers within the region box stated by the data README', () => {
		const [west, south, east, north] = boundsOf(geometries);
		// The README rounds to 4 decimals.
		expect(west).toBeCloseTo(4.2437, 3);
		expect(east).toBeCloseTo(4.4823, 3);
		expect(south).toBeCloseTo(50.7636, 3);
		expect(north).toBeCloseTo(50.9139, 3);
		expect(east - west).toBeGreaterThan(0.2);
	});

	it('refuses an empty list', () => {
		expect(() => boundsOf([])).toThrow(RangeError);
	});
});

describe('createProjection', () => {
	const bounds = boundsOf(geometries);
	const projection = createProjection({ bounds, widthPx: 600, paddingPx: 0 });

	it('maps the north-west corner to the origin and the south-east corner to the far corner', () => {
		expect(projection.project([bounds[0], bounds[3]])).toEqual([0, 0]);
		const [x, y] = projection.project([bounds[2], bounds[1]]);
		expect(x).toBeCloseTo(600, 6);
		expect(y).toBeCloseTo(projection.height, -0.1);
	});

	it('keeps distances true in both directions at Brussels latitude', () => {
		// 0.01° of latitude is about 1,112 m; the same distance east-west is 0.01° / cos(50.84°).
		const [x0, y0] = projection.project([4.35, 50.84]);
		const [, y1] = projection.project([4.35, 50.85]);
		const [x2] = projection.project([4.35 + 0.01 / Math.cos((50.84 * Math.PI) / 180), 50.84]);
		expect(x2 - x0).toBeCloseTo(y0 - y1, 1);
	});

	it('makes the region about as tall as it is wide (it is about 16 km by 17 km)', () => {
		expect(projection.height / projection.width).toBeGreaterThan(0.9);
		expect(projection.height / projection.width).toBeLessThan(1.15);
	});
});

describe('toSvgPath', () => {
	const projection = createProjection({ bounds: boundsOf(geometries), widthPx: 600 });

	it('draws every quartier with whole-pixel vertices inside the picture', () => {
		for (const geometry of geometries) {
			const d = toSvgPath(geometry, projection);
			expect(d).toMatch(/^M\d+ \d+(L\d+ \d+)+Z/);
			const numbers = [...d.matchAll(/\d+/g)].map((m) => Number(m[0]));
			expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(600, projection.height));
		}
	});

	it('simplifies: repeated pixels are dropped, so paths stay small', () => {
		const total = geometries.reduce((sum, g) => sum + toSvgPath(g, projection).length, 0);
		expect(total).toBeLessThan(250_000);
		for (const geometry of geometries) {
			const d = toSvgPath(geometry, projection);
			for (const ring of d.split('Z').filter(Boolean)) {
				const points = ring.slice(1).split('L');
				for (let i = 1; i < points.length; i++) expect(points[i]).not.toBe(points[i - 1]);
			}
		}
	});

	it('keeps holes and every part of a multipolygon as their own rings', () => {
		const square = (x: number, y: number, size: number) => [
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		];
		const d = toSvgPath(
			{
				type: 'MultiPolygon',
				coordinates: [
					[square(4.3, 50.8, 0.02), square(4.305, 50.805, 0.005)],
					[square(4.4, 50.85, 0.01)]
				]
			},
			projection
		);
		expect(d.match(/M/g)).toHaveLength(3);
	});

	it('drops a ring smaller than a pixel', () => {
		const tiny: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[4.35, 50.85],
					[4.35001, 50.85],
					[4.35001, 50.85001],
					[4.35, 50.85]
				]
			]
		};
		expect(toSvgPath(tiny, projection)).toBe('');
	});
});
