// Every match of a search on the map, in few bytes: the database keeps each entry as a 9-character
// map code (finder_map_code in the migrations) and returns the matches' codes as one string;
// the browser unpacks them into map points. A listed result carries its own code, which finds its
// point (entries at one place with one category share a code, and so a spot on the map).

import type { MapPoint } from './points.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHARS = 9;
// The packing of finder_map_code: 15 bits lon, 15 bits lat, 6 bits category, 1 bit
// quartier-only, 1 bit dormant, 12 bits mdrc; coordinates in 1e-5 degrees from this corner.
const ORIGIN = { lon: 4.24, lat: 50.76 } as const;
const COORDINATE = 32_768;
const CATEGORY = 64;

/** Map points of a search as the page receives them. */
export type PackedPoints = {
	/** {@link CHARS} characters per point. */
	packed: string;
	/** Category codes, indexed by the packed category number. */
	categories: string[];
};

/** The prefix of a point that is not on the listed page (it has no result id on the page). */
export const UNLISTED_POINT = 'point:';

/**
 * Unpacks the points. Points of the listed page get their result's id (`listed`: the results'
 * map codes and ids), so the map and the cards highlight each other; the others `point:<n>`.
 *
 * @example unpackPoints({ packed: 'AAEDQ8Kvv', categories }, [{ map_code: 'AAEDQ8Kvv', id: 'a' }])[0]
 * // { id: 'a', lon: 4.35247, lat: 50.84673, category: categories[3], mdrc: 1, … }
 */
export function unpackPoints(
	points: PackedPoints,
	listed: readonly { map_code: string; id: string }[]
): MapPoint[] {
	const count = Math.floor(points.packed.length / CHARS);
	const out = new Array<MapPoint>(count);
	// Each listed result takes the first free point with its code.
	const waiting = new Map<string, string[]>();
	for (const { map_code, id } of listed)
		waiting.set(map_code, [...(waiting.get(map_code) ?? []), id]);
	for (let i = 0; i < count; i++) {
		const code = points.packed.slice(i * CHARS, (i + 1) * CHARS);
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
			id: waiting.get(code)?.shift() ?? `${UNLISTED_POINT}${i}`,
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
