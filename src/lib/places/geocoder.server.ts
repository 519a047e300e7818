// The default geocoder, built once per server process from the repository's Brussels data:
// streets (rues_osm_index.csv), quartiers and communes (their GeoJSON, for names, a point and a
// bbox). The files are imported through Vite, so the built server carries them in its own output
// and finds them whatever its working directory; each is a chunk loaded on first use.
import { bbox, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseStreetCsv } from '#lib/domain/places/csv.ts';
import { createStreetIndex, type StreetIndex } from '#lib/domain/places/index.ts';
import { cachedLoad } from '#lib/server/cache.ts';

type Props = Record<string, string | number | null>;
type Areas = FeatureCollection<Polygon | MultiPolygon, Props>;

function placeOf(feature: Areas['features'][number]) {
	const [lon = 0, lat = 0] = pointOnFeature(feature).geometry.coordinates;
	const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = bbox(feature);
	return { lon, lat, bbox: [minLon, minLat, maxLon, maxLat] as [number, number, number, number] };
}

async function build(): Promise<StreetIndex> {
	const [streets, quartiersText, communesText] = await Promise.all([
		import('../../../data/brussels/rues_osm_index.csv?raw'),
		import('../../../data/brussels/quartiers_monitoring.geojson?raw'),
		import('../../../data/brussels/communes.geojson?raw')
	]);
	const quartiers = JSON.parse(quartiersText.default) as Areas;
	const communes = JSON.parse(communesText.default) as Areas;
	return createStreetIndex({
		streets: parseStreetCsv(streets.default),
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

const index = cachedLoad(build);

/** The street, quartier and commune index, loaded on first use and kept in memory. */
export function geocoder(): Promise<StreetIndex> {
	return index.get();
}
