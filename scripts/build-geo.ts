// Builds the finder map's offline base layers from the Brussels geography in data/brussels: simplified
// quartier polygons (with names and main commune), commune borders as lines, and one label
// point per quartier. Output: static/geo/*.json, committed, so the app needs no tile server.
//
// Usage: node scripts/build-geo.ts [--data <dir with quartiers_monitoring.geojson>]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pointOnFeature, polygonToLine, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		data: { type: 'string', default: resolve(root, 'data/brussels') }
	}
});
const dataDir = resolve(values.data ?? '.');
const outDir = resolve(root, 'static/geo');

// About 5 m: invisible at city zoom, and the files shrink roughly tenfold.
const TOLERANCE_DEGREES = 0.00005;

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

async function readCollection(name: string): Promise<FeatureCollection<Polygon | MultiPolygon>> {
	return JSON.parse(await readFile(resolve(dataDir, name), 'utf8')) as FeatureCollection<
		Polygon | MultiPolygon
	>;
}

function slim(feature: Area): Area {
	const simplified = simplify(feature, { tolerance: TOLERANCE_DEGREES, highQuality: true });
	return truncate(simplified, { precision: 5 }) as Area;
}

const quartiers = await readCollection('quartiers_monitoring.geojson');
const communes = await readCollection('communes.geojson');

const quartierAreas: Area[] = quartiers.features.map((feature) => {
	const p = feature.properties ?? {};
	return slim({
		type: 'Feature',
		id: Number(p.mdrc),
		properties: {
			mdrc: Number(p.mdrc),
			name_fr: String(p.name_fr),
			name_nl: String(p.name_nl),
			type: String(p.type),
			nis: String(p.nis_main)
		},
		geometry: feature.geometry
	});
});

const labels = quartiers.features.map((feature) => {
	const p = feature.properties ?? {};
	const point = pointOnFeature(feature);
	const [lon = 0, lat = 0] = point.geometry.coordinates;
	return {
		type: 'Feature' as const,
		properties: { mdrc: Number(p.mdrc), name_fr: String(p.name_fr), name_nl: String(p.name_nl) },
		geometry: { type: 'Point' as const, coordinates: [+lon.toFixed(5), +lat.toFixed(5)] }
	};
});

const borders = communes.features.map((feature) => {
	const p = feature.properties ?? {};
	const line = polygonToLine(slim({ type: 'Feature', properties: {}, geometry: feature.geometry }));
	return { ...line, properties: { nis: String(p.nis), name_fr: p.name_fr, name_nl: p.name_nl } };
});

await mkdir(outDir, { recursive: true });
const write = (name: string, features: unknown[]) =>
	writeFile(resolve(outDir, name), JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
await write('quartiers.json', quartierAreas);
await write('quartier-labels.json', labels);
await write('communes.json', borders);
console.log(
	`static/geo: ${quartierAreas.length} quartiers, ${labels.length} labels, ${borders.length} commune borders`
);
