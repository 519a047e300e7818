// MapLibre's code as two plain files (its ES module and its worker), so the page can name them
// in preload hints and the browser fetches them while it parses the HTML, instead of after the
// page's own code has run.
import libraryUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
	BASEMAP,
	BASEMAP_PROTOCOL,
	BRUSSELS_BOUNDS,
	OUTLINE_URL,
	TILE_MIN_ZOOM,
	tilesCovering
} from './basemap.ts';
import { basemapLoader } from './protocol.ts';

type MapLibre = typeof import('maplibre-gl');

/**
 * What the map needs first, for the page's preload hints: MapLibre, its worker (fetched by the
 * worker itself, matched from the cache), the outline, the Latin glyphs and, for the region
 * view, its street tile.
 */
export function mapPreloads({ regionView }: { regionView: boolean }) {
	const tiles = regionView
		? tilesCovering(BRUSSELS_BOUNDS, TILE_MIN_ZOOM).map(
				({ z, x, y }) => `/${BASEMAP.directory}/tiles/${z}/${x}/${y}.pbf`
			)
		: [];
	return {
		modules: [libraryUrl],
		fetches: [
			workerUrl,
			OUTLINE_URL,
			`/${BASEMAP.directory}/glyphs/${encodeURIComponent(BASEMAP.font)}/0-255.pbf`,
			...tiles
		]
	};
}

let loading: Promise<MapLibre> | undefined;

/** MapLibre, loaded once, with its worker and the basemap loader set up. */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= (import(/* @vite-ignore */ libraryUrl) as Promise<MapLibre>).then((maplibre) => {
		maplibre.setWorkerUrl(workerUrl);
		maplibre.addProtocol(BASEMAP_PROTOCOL, basemapLoader());
		return maplibre;
	});
	return loading;
}
