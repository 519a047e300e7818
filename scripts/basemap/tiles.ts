// Street lines cut into Mapbox Vector Tiles (the format MapLibre reads), at build time, so the
// offline map needs no tile server: the tiles are plain files beside the app.
import { EARTH_RADIUS_METERS } from '../../src/lib/domain/geo/coordinates.ts';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import GeoJSONVT from 'geojson-vt';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { tilesCovering, type Bounds } from '../../src/lib/map/basemap.ts';

export { tilesCovering };

/** A street line as it goes into the tiles: its name in each language, and its length. */
export type StreetFeature = Feature<
	LineString | MultiLineString,
	{ fr: string; nl: string; lengthMeters: number }
>;

type SourceStreet = Feature<
	LineString | MultiLineString,
	{ name?: unknown; name_fr?: unknown; name_nl?: unknown } | null
>;

function segmentMeters([lon1 = 0, lat1 = 0]: Position, [lon2 = 0, lat2 = 0]: Position): number {
	// Equirectangular: within a street, far below a metre of error at Brussels' latitude.
	const toRad = Math.PI / 180;
	const x = (lon2 - lon1) * toRad * Math.cos(((lat1 + lat2) / 2) * toRad);
	const y = (lat2 - lat1) * toRad;
	return Math.hypot(x, y) * EARTH_RADIUS_METERS;
}

/**
 * Total length of a line or multi-line in metres.
 *
 * @example lineLengthMeters({ type: 'LineString', coordinates: [[4.35, 50.85], [4.36, 50.85]] }) // ≈ 703
 */
export function lineLengthMeters(geometry: LineString | MultiLineString): number {
	const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	let total = 0;
	for (const part of parts) {
		for (let i = 1; i < part.length; i++) {
			total += segmentMeters(part[i - 1] ?? [], part[i] ?? []);
		}
	}
	return total;
}

/**
 * The streets of the source file with one name per language: the French and Dutch halves of the
 * bilingual name, or the name as given when it has no halves (e.g. "Chaussée de Wavre"). The
 * source splits a street into many lines; `lengthMeters` is the length of the whole street (all
 * lines of that French name), a measure of how much it matters at region zooms.
 */
export function streetFeatures(collection: FeatureCollection): StreetFeature[] {
	const streets: StreetFeature[] = [];
	for (const feature of collection.features as SourceStreet[]) {
		const geometry = feature.geometry;
		if (geometry?.type !== 'LineString' && geometry?.type !== 'MultiLineString') continue;
		const p = feature.properties ?? {};
		const name = typeof p.name === 'string' ? p.name : '';
		const fr = typeof p.name_fr === 'string' && p.name_fr ? p.name_fr : name;
		const nl = typeof p.name_nl === 'string' && p.name_nl ? p.name_nl : name;
		if (!fr || !nl) continue;
		streets.push({
			type: 'Feature',
			properties: { fr, nl, lengthMeters: lineLengthMeters(geometry) },
			geometry
		});
	}
	const byName = new Map<string, number>();
	for (const street of streets) {
		const { fr, lengthMeters } = street.properties;
		byName.set(fr, (byName.get(fr) ?? 0) + lengthMeters);
	}
	for (const street of streets) {
		street.properties.lengthMeters = Math.round(byName.get(street.properties.fr) ?? 0);
	}
	return streets;
}

/** Which streets go into the tiles of one zoom, and with which properties. */
export type ZoomRule = {
	/** Streets shorter than this are left out at this zoom (they would be a grey smear). */
	minLengthMeters: number;
	/** Keep the names (only where they are drawn: names are most of a tile's bytes). */
	names: boolean;
};

/** Options of {@link buildStreetTiles}. */
export type StreetTileOptions = {
	streets: StreetFeature[];
	bounds: Bounds;
	minZoom: number;
	maxZoom: number;
	/** The rule for a zoom; the same streets share one tiling index. */
	rule: (z: number) => ZoomRule;
	/** Vector tile layer name. */
	layer: string;
};

const EXTENT = 4096;

/**
 * Vector tiles of the streets for every zoom from `minZoom` to `maxZoom` over `bounds`, keyed
 * `z/x/y`. Empty tiles are left out (MapLibre draws nothing for a missing tile).
 */
export function buildStreetTiles(options: StreetTileOptions): Map<string, Uint8Array> {
	const tiles = new Map<string, Uint8Array>();
	const indexes = new Map<string, GeoJSONVT>();
	for (let z = options.minZoom; z <= options.maxZoom; z++) {
		const rule = options.rule(z);
		const key = JSON.stringify(rule);
		let index = indexes.get(key);
		if (!index) {
			const features = options.streets
				.filter((street) => street.properties.lengthMeters >= rule.minLengthMeters)
				.map((street) => ({
					...street,
					properties: rule.names ? { fr: street.properties.fr, nl: street.properties.nl } : {}
				}));
			index = new GeoJSONVT(
				{ type: 'FeatureCollection', features },
				{ maxZoom: options.maxZoom, indexMaxZoom: options.maxZoom, extent: EXTENT, buffer: 64 }
			);
			indexes.set(key, index);
		}
		for (const { x, y } of tilesCovering(options.bounds, z)) {
			const tile = index.getTile(z, x, y);
			if (!tile || tile.features.length === 0) continue;
			const layers = { [options.layer]: tile } as unknown as Parameters<typeof fromGeojsonVt>[0];
			tiles.set(`${z}/${x}/${y}`, fromGeojsonVt(layers, { version: 2, extent: EXTENT }));
		}
	}
	return tiles;
}
