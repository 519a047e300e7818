import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuartierCollection } from '../geo/quartier.ts';
import { sheetMap } from './map.ts';

const quartiers = JSON.parse(
	readFileSync(
		new URL('../../../../data/brussels/quartiers_monitoring.geojson', import.meta.url),
		'utf8'
	)
) as QuartierCollection;
const shape = (mdrc: number) => {
	const feature = quartiers.features.find((f) => f.properties.mdrc === mdrc);
	if (!feature) throw new Error(`quartier ${mdrc} missing from the data`);
	return feature.geometry;
};

describe('sheetMap', () => {
	it('draws every quartier within the size asked for, with an outline', () => {
		for (const { properties } of quartiers.features) {
			const map = sheetMap({ outline: shape(properties.mdrc), points: [] });
			expect(map.width).toBeLessThanOrEqual(320);
			expect(map.height).toBeLessThanOrEqual(260);
			expect(map.outline).toMatch(/^M\d+ \d+L/);
		}
	});

	it('puts points north up and east right, inside the frame, and drops far ones', () => {
		const map = sheetMap({
			outline: shape(1),
			points: [
				{ number: 1, lon: 4.3525, lat: 50.8467, inside: true },
				{ number: 2, lon: 4.3525, lat: 50.85, inside: false },
				{ number: 3, lon: 4.356, lat: 50.8467, inside: false },
				{ number: 4, lon: 4.5, lat: 50.9, inside: false }
			]
		});
		const [grandPlace, north, east] = map.points;
		expect(map.points.map((p) => p.number)).toEqual([1, 2, 3]);
		expect(north?.y).toBeLessThan(grandPlace?.y ?? 0);
		expect(north?.x).toBe(grandPlace?.x);
		expect(east?.x).toBeGreaterThan(grandPlace?.x ?? 0);
		for (const p of map.points) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThanOrEqual(map.width);
			expect(p.y).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeLessThanOrEqual(map.height);
		}
	});

	it('keeps the scale: the scale bar matches the distance between two points', () => {
		// 0.009° of latitude is about 1 km.
		const map = sheetMap({
			outline: shape(1),
			points: [
				{ number: 1, lon: 4.3525, lat: 50.842, inside: true },
				{ number: 2, lon: 4.3525, lat: 50.851, inside: true }
			]
		});
		const [a, b] = map.points;
		const pxPerKm = (a?.y ?? 0) - (b?.y ?? 0);
		expect([100, 200, 500]).toContain(map.scaleBar.meters);
		expect(map.scaleBar.px).toBeCloseTo((pxPerKm * map.scaleBar.meters) / 1002, -1);
	});
});
