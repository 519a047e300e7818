// Builds the offline basemap into static/basemap/ (git-ignored; the build copies static/ into
// the app): street vector tiles, the glyphs of the map font the labels use, and the one outline
// file (quartiers, commune borders, label points). Runs before every `vite build` and dev start
// (see vite.config.ts) and does nothing when its inputs have not changed.
//
// Tiles and glyphs are stored gzip-compressed: the app's static server compresses only text
// files, and the map's tile loader (src/lib/map/protocol.ts) inflates them in the browser.
//
// Usage: node scripts/build-basemap.ts [--force]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { BASEMAP, BRUSSELS_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../src/lib/map/basemap.ts';
import { ALWAYS_KEPT, glyphRanges, subsetGlyphs } from './basemap/glyphs.ts';
import { outlineCollection } from './basemap/outline.ts';
import { buildStreetTiles, streetFeatures, type ZoomRule } from './basemap/tiles.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, 'data/brussels');
const outDir = resolve(root, 'static', BASEMAP.directory);
const fontDir = resolve(root, 'node_modules/tileserver-gl-styles/fonts', BASEMAP.font);
const inputs = [
	resolve(dataDir, 'streets_osm.geojson'),
	resolve(dataDir, 'quartiers_monitoring.geojson'),
	resolve(dataDir, 'communes.geojson'),
	resolve(root, 'src/lib/map/fonts/OFL.txt'),
	resolve(root, 'src/lib/map/basemap.ts'),
	...['build-basemap.ts', 'basemap/tiles.ts', 'basemap/outline.ts', 'basemap/glyphs.ts'].map(
		(file) => resolve(root, 'scripts', file)
	)
];

/**
 * Which streets each zoom carries. At region zooms only the longer streets, without names (the
 * names are drawn from zoom 14 on); from zoom 13 every street with its names.
 */
export function zoomRule(z: number): ZoomRule {
	if (z <= 11) return { minLengthMeters: 700, names: false };
	if (z === 12) return { minLengthMeters: 250, names: false };
	return { minLengthMeters: 0, names: true };
}

function stamp(): string {
	const hash = createHash('sha256');
	for (const file of inputs) hash.update(readFileSync(file));
	return hash.digest('hex');
}

function write(path: string, data: Uint8Array | string) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, data);
}

/** Builds static/basemap unless it is current; returns what it did, for the log. */
export function buildBasemap({ force = false } = {}): string {
	const stampFile = resolve(outDir, '.stamp');
	const current = stamp();
	if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) {
		return 'static/basemap is current';
	}
	rmSync(outDir, { recursive: true, force: true });
	const read = (name: string) =>
		JSON.parse(readFileSync(resolve(dataDir, name), 'utf8')) as FeatureCollection;

	const streets = streetFeatures(read('streets_osm.geojson'));
	const tiles = buildStreetTiles({
		streets,
		bounds: BRUSSELS_BOUNDS,
		minZoom: TILE_MIN_ZOOM,
		maxZoom: TILE_MAX_ZOOM,
		rule: zoomRule,
		layer: BASEMAP.streetLayer
	});
	let tileBytes = 0;
	for (const [key, tile] of tiles) {
		const gz = gzipSync(tile, { level: 9 });
		tileBytes += gz.length;
		write(resolve(outDir, 'tiles', `${key}.pbf`), gz);
	}

	const outline = outlineCollection(read('quartiers_monitoring.geojson'), read('communes.geojson'));
	write(resolve(outDir, 'outline.json'), JSON.stringify(outline));

	const texts = [
		...streets.flatMap((s) => [s.properties.fr, s.properties.nl]),
		...outline.features.flatMap((f) => [
			String(f.properties?.name_fr ?? ''),
			String(f.properties?.name_nl ?? '')
		])
	];
	const ranges = glyphRanges(texts);
	const used = new Set([
		...ALWAYS_KEPT,
		...texts.flatMap((t) => [...t].map((c) => c.codePointAt(0) ?? 0))
	]);
	let glyphBytes = 0;
	for (const range of ranges) {
		const glyphs = subsetGlyphs(readFileSync(resolve(fontDir, `${range}.pbf`)), used);
		const gz = gzipSync(glyphs, { level: 9 });
		glyphBytes += gz.length;
		write(resolve(outDir, 'glyphs', BASEMAP.font, `${range}.pbf`), gz);
	}
	write(
		resolve(outDir, 'glyphs', BASEMAP.font, 'OFL.txt'),
		readFileSync(resolve(root, 'src/lib/map/fonts/OFL.txt'))
	);
	write(stampFile, current);
	return (
		`static/basemap: ${tiles.size} street tiles (${(tileBytes / 1024).toFixed(0)} KiB gzip), ` +
		`glyph blocks ${ranges.join(', ')} (${(glyphBytes / 1024).toFixed(0)} KiB gzip), outline of ${outline.features.length} features`
	);
}

if (import.meta.main) {
	console.log(buildBasemap({ force: process.argv.includes('--force') }));
}
