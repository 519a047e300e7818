// The map's one outline file: simplified quartier areas, commune borders and one label point per
// quartier and per commune, told apart by `kind`. One file, so the page can ask for it at once
// beside the map code instead of one request after another.
import { polygonToLine, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { interiorPoint } from '../../src/lib/domain/geo/interior-point.ts';
import { tidyName } from '../../src/lib/domain/places/place-name.ts';

/** About 5 m: invisible at city zoom, and the geometry shrinks roughly tenfold. */
export const TOLERANCE_DEGREES = 0.00005;

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown> | null>;

function slim<T extends Feature>(feature: T): T {
	const simplified = simplify(feature, { tolerance: TOLERANCE_DEGREES, highQuality: true });
	return truncate(simplified, { precision: 5 }) as T;
}

function names(p: Record<string, unknown>) {
	return { name_fr: tidyName(String(p.name_fr)), name_nl: tidyName(String(p.name_nl)) };
}

function label(kind: string, area: Area, properties: Record<string, unknown>): Feature {
	const [lon, lat] = interiorPoint(area as Feature<Polygon | MultiPolygon>);
	return {
		type: 'Feature',
		properties: { kind, ...properties },
		geometry: { type: 'Point', coordinates: [+lon.toFixed(5), +lat.toFixed(5)] }
	};
}

/**
 * Quartiers (`kind: 'quartier'`, polygons with `mdrc`, names, `type` and main commune `nis`),
 * commune borders (`kind: 'commune'`, lines) and label points (`kind: 'quartier_label'` and
 * `'commune_label'`), names in title case.
 */
export function outlineCollection(
	quartiers: FeatureCollection,
	communes: FeatureCollection
): FeatureCollection {
	const features: Feature[] = [];
	for (const feature of quartiers.features as Area[]) {
		const p = feature.properties ?? {};
		const properties = { mdrc: Number(p.mdrc), ...names(p) };
		features.push(
			slim({
				type: 'Feature',
				id: Number(p.mdrc),
				properties: {
					kind: 'quartier',
					...properties,
					type: String(p.type),
					nis: String(p.nis_main)
				},
				geometry: feature.geometry
			})
		);
		features.push(label('quartier_label', feature, properties));
	}
	for (const feature of communes.features as Area[]) {
		const p = feature.properties ?? {};
		const properties = { nis: String(p.nis), ...names(p) };
		const border = polygonToLine(slim({ ...feature, properties: {} }));
		const lines = border.type === 'FeatureCollection' ? border.features : [border];
		for (const line of lines) {
			features.push({ ...line, properties: { kind: 'commune', ...properties } });
		}
		features.push(label('commune_label', feature, properties));
	}
	return { type: 'FeatureCollection', features };
}
