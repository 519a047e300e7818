import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from './interior-point.ts';

const dataDir = new URL('../../../../data/', import.meta.url).pathname;
const read = (file: string) =>
	JSON.parse(readFileSync(`${dataDir}/brussels/${file}`, 'utf8')) as FeatureCollection<
		Polygon | MultiPolygon
	>;

describe('interiorPoint', () => {
	it('returns the centroid of a convex polygon', () => {
		const square: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[4.3, 50.8],
					[4.4, 50.8],
					[4.4, 50.9],
					[4.3, 50.9],
					[4.3, 50.8]
				]
			]
		};
		const [lon, lat] = interiorPoint(square);
		expect(lon).toBeCloseTo(4.35, 9);
		expect(lat).toBeCloseTo(50.85, 9);
	});

	it('finds a point inside a U shape whose centroid is outside', () => {
		const u: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[3, 0],
					[3, 3],
					[2, 3],
					[2, 1],
					[1, 1],
					[1, 3],
					[0, 3],
					[0, 0]
				]
			]
		};
		const point = interiorPoint(u);
		expect(booleanPointInPolygon(point, u, { ignoreBoundary: true })).toBe(true);
	});

	it.each([
		['quartiers_monitoring.geojson', 145],
		['secteurs_statistiques.geojson', 724],
		['communes.geojson', 19]
	])('lies strictly inside every feature of %s', (file, count) => {
		const collection = read(file);
		expect(collection.features).toHaveLength(count);
		for (const feature of collection.features) {
			const point = interiorPoint(feature);
			expect(booleanPointInPolygon(point, feature, { ignoreBoundary: true })).toBe(true);
		}
	});
});
