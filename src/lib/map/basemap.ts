// Where the offline basemap lives and what it holds. Shared by the build step that makes it
// (scripts/build-basemap.ts) and the style that draws it (style.ts); no MapLibre code here.

/** Paths of the generated basemap below the app's root (static/basemap). */
export const BASEMAP = {
	directory: 'basemap',
	/** The map font: glyph blocks of Noto Sans Regular (OFL-1.1, licence text beside them). */
	font: 'Noto Sans Regular',
	/** The vector tile layer holding the street lines. */
	streetLayer: 'streets'
} as const;

/** Street tiles exist for these zooms; MapLibre over-zooms the last one for closer views. */
export const TILE_MIN_ZOOM = 10;
export const TILE_MAX_ZOOM = 15;

/** Brussels-Capital Region `[[minLon, minLat], [maxLon, maxLat]]` (the street file's box). */
export const BRUSSELS_BOUNDS: Bounds = [
	[4.2437, 50.7636],
	[4.4823, 50.914]
];

/** The URL scheme of the map's own loader for the gzip-stored tiles and glyphs (protocol.ts). */
export const BASEMAP_PROTOCOL = 'nabij';

/** The one outline file (quartiers, commune borders, label points), served as JSON. */
export const OUTLINE_URL = `/${BASEMAP.directory}/outline.json`;

/** Tile URL template as the style states it (read by protocol.ts). */
export const TILE_URL = `${BASEMAP_PROTOCOL}://${BASEMAP.directory}/tiles/{z}/{x}/{y}.pbf`;

/** Glyph URL template as the style states it. */
export const GLYPHS_URL = `${BASEMAP_PROTOCOL}://${BASEMAP.directory}/glyphs/{fontstack}/{range}.pbf`;

/** `[[minLon, minLat], [maxLon, maxLat]]`. */
export type Bounds = [[number, number], [number, number]];

/** One tile address. */
export type TileAddress = { z: number; x: number; y: number };

/**
 * The tiles of zoom `z` that cover `bounds` (Web Mercator, XYZ numbering as MapLibre uses).
 *
 * @example tilesCovering([[4.35, 50.84], [4.36, 50.85]], 10) // [{ z: 10, x: 524, y: 342 }]
 */
export function tilesCovering(bounds: Bounds, z: number): TileAddress[] {
	const n = 2 ** z;
	const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
	const y = (lat: number) => {
		const rad = (lat * Math.PI) / 180;
		return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	};
	const [[west, south], [east, north]] = bounds;
	const tiles: TileAddress[] = [];
	for (let tx = x(west); tx <= x(east); tx++) {
		for (let ty = y(north); ty <= y(south); ty++) tiles.push({ z, x: tx, y: ty });
	}
	return tiles;
}
