// The default geocoder, built once per server process from the shared Brussels data: streets
// (rues_osm_index.csv), quartiers and communes (their GeoJSON, for names, a point and a bbox).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bbox, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createStreetIndex, type StreetIndex } from '#lib/domain/places/index.ts';
import { loadStreetRows } from '#lib/domain/places/load-streets.node.ts';

/**
 * The shared Brussels data: `brussels/` in NABIJ_SHARED_DATA (the shared data folder, as the seed
 * reads it), else `../shared/data/brussels` from the repository root (the server's working folder).
 */
export function sharedDataDir(): string {
	const shared = process.env.NABIJ_SHARED_DATA ?? resolve(process.cwd(), '../shared/data');
	return resolve(shared, 'brussels');
}

type Props = Record<string, string | number | null>;
type Areas = FeatureCollection<Polygon | MultiPolygon, Props>;

async function readAreas(name: string): Promise<Areas> {
	return JSON.parse(await readFile(resolve(sharedDataDir(), name), 'utf8')) as Areas;
}

function placeOf(feature: Areas['features'][number]) {
	const [lon = 0, lat = 0] = pointOnFeature(feature).geometry.coordinates;
	const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = bbox(feature);
	return { lon, lat, bbox: [minLon, minLat, maxLon, maxLat] as [number, number, number, number] };
}

async function build(): Promise<StreetIndex> {
	const dir = sharedDataDir();
	const [streets, quartiers, communes] = await Promise.all([
		loadStreetRows(resolve(dir, 'rues_osm_index.csv')),
		readAreas('quartiers_monitoring.geojson'),
		readAreas('communes.geojson')
	]);
	return createStreetIndex({
		streets,
		quartiers: quartiers.features.map((f) => ({
			mdrc: Number(f.properties.mdrc),
			name_fr: String(f.properties.name_fr),
			name_nl: String(f.properties.name_nl),
			nis: String(f.properties.nis_main),
			commune_fr: String(f.properties.commune_main_fr),
			commune_nl: String(f.properties.commune_main_nl),
			...placeOf(f)
		})),
		communes: communes.features.map((f) => ({
			nis: String(f.properties.nis),
			name_fr: String(f.properties.name_fr),
			name_nl: String(f.properties.name_nl),
			...placeOf(f)
		}))
	});
}

let index: Promise<StreetIndex> | undefined;

/** The street, quartier and commune index, loaded on first use and kept in memory. */
export function geocoder(): Promise<StreetIndex> {
	index ??= build().catch((error: unknown) => {
		index = undefined;
		throw error;
	});
	return index;
}
