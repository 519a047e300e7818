import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { outlineCollection } from './outline.ts';

const read = (name: string) =>
	JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../../data/brussels', name), 'utf8')
	) as FeatureCollection;
const outline = outlineCollection(read('quartiers_monitoring.geojson'), read('communes.geojson'));
const ofKind = (kind: string) => outline.features.filter((f) => f.properties?.kind === kind);

describe('outlineCollection', () => {
	it('holds 145 quartiers and 19 communes, each with one label point inside it', () => {
		expect(ofKind('quartier')).toHaveLength(145);
		expect(ofKind('quartier_label')).toHaveLength(145);
		expect(ofKind('commune_label')).toHaveLength(19);
		expect(ofKind('commune').length).toBeGreaterThanOrEqual(19);
		for (const label of ofKind('quartier_label') as Feature<Point>[]) {
			const area = ofKind('quartier').find(
				(q) => q.properties?.mdrc === label.properties?.mdrc
			) as Feature<Polygon | MultiPolygon>;
			expect(booleanPointInPolygon(label.geometry, area), String(label.properties?.mdrc)).toBe(
				true
			);
		}
	});

	it('writes names in title case, as people read them', () => {
		const grandPlace = ofKind('quartier_label').find((f) => f.properties?.mdrc === 1);
		expect(grandPlace?.properties).toMatchObject({
			name_fr: 'Grand Place',
			name_nl: 'Grote Markt'
		});
	});
});
