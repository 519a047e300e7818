// Every match of a search on the map, in few bytes: the database packs each point into one
// integer (see `finder_search`), the server writes each as 9 characters, the browser unpacks them
// into map points. Points come in rank order, so point `i` is the list's result `i`.

import type { MapPoint } from './points.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHARS = 9;
// The packing of finder_search: 15 bits lon, 15 bits lat, 6 bits category, 1 bit quartier-only,
// 1 bit dormant, 12 bits mdrc; coordinates in 1e-5 degrees from this corner.
const ORIGIN = { lon: 4.24, lat: 50.76 } as const;
const COORDINATE = 32_768;
const CATEGORY = 64;

/** Map points of a search as the page receives them. */
export type PackedPoints = {
	/** {@link CHARS} characters per point, in rank order. */
	packed: string;
	/** Category codes, indexed by the packed category number. */
	categories: string[];
};

/**
 * Writes the database's packed integers (each below 2^54) as 9 characters each.
 *
 * @example packPoints([0, 63]) // 'AAAAAAAAAAAAAAAAA_'
 */
export function packPoints(values: readonly number[]): string {
	let out = '';
	for (const value of values) {
		let rest = value;
		let chunk = '';
		for (let i = 0; i < CHARS; i++) {
			chunk = ALPHABET[rest % 64] + chunk;
			rest = Math.floor(rest / 64);
		}
		out += chunk;
	}
	return out;
}

/**
 * Unpacks the points; those of the listed page get their result's id (so the map and the cards
 * highlight each other), the others `rank:<n>` (0-based), which the page turns into a link to
 * the page that lists them.
 *
 * @example unpackPoints({ packed, categories }, { offset: 50, ids: ['a', …] })[50].id // 'a'
 */
export function unpackPoints(
	points: PackedPoints,
	page: { offset: number; ids: readonly string[] }
): MapPoint[] {
	const count = Math.floor(points.packed.length / CHARS);
	const out: MapPoint[] = new Array<MapPoint>(count);
	for (let i = 0; i < count; i++) {
		let value = 0;
		for (let c = 0; c < CHARS; c++) {
			value = value * 64 + ALPHABET.indexOf(points.packed[i * CHARS + c] ?? 'A');
		}
		const x = value % COORDINATE;
		value = Math.floor(value / COORDINATE);
		const y = value % COORDINATE;
		value = Math.floor(value / COORDINATE);
		const category = value % CATEGORY;
		value = Math.floor(value / CATEGORY);
		out[i] = {
			id: page.ids[i - page.offset] ?? `rank:${i}`,
			name: '',
			category: points.categories[category] ?? 'other',
			lon: Math.round((ORIGIN.lon + x / 100_000) * 1e5) / 1e5,
			lat: Math.round((ORIGIN.lat + y / 100_000) * 1e5) / 1e5,
			quartierOnly: value % 2 === 1,
			dormant: Math.floor(value / 2) % 2 === 1,
			mdrc: Math.floor(value / 4)
		};
	}
	return out;
}
