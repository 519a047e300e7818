// The finder's URL state: parse `URLSearchParams` into a `FinderQuery` and write it back.
// Parsing is forgiving: a shared link with one stale or mistyped value still opens the finder with
// the rest of its filters, so invalid values are dropped rather than rejected.

import { z } from 'zod';
import type { FinderQuery, FinderSort, LonLat } from './types.ts';

/** Brussels-Capital Region bounding box `[minLon, minLat, maxLon, maxLat]`, from `region.geojson`. */
export const BRUSSELS_BBOX = [4.2437, 50.7636, 4.4823, 50.914] as const;

/** Accepted radius range in metres; values outside are clamped. */
export const RADIUS_LIMITS_METERS = { min: 100, max: 20_000 } as const;

const SORTS = ['distance', 'freshness', 'name'] as const satisfies readonly FinderSort[];
const DEFAULT_SORT: FinderSort = 'distance';
// ISO 639 codes, optionally with a subtag (`ar`, `ary`, `pt-br`).
const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;
// Taxonomy codes are lower snake_case.
const TAXONOMY_CODE = /^[a-z][a-z0-9_]{0,63}$/;
// Six decimals are about 0.1 m: enough for a street, and stable through a round trip.
const COORDINATE_DECIMALS = 6;

function codeList(pattern: RegExp) {
	return z.array(z.string()).transform((values) => [
		...new Set(
			values
				.flatMap((value) => value.split(','))
				.map((value) => value.trim().toLowerCase())
				.filter((value) => pattern.test(value))
		)
	]);
}

function round(value: number): number {
	const factor = 10 ** COORDINATE_DECIMALS;
	return Math.round(value * factor) / factor;
}

const nearSchema = z
	.string()
	.transform((text, context): LonLat => {
		const parts = text.split(',').map((part) => Number(part.trim()));
		const [lon, lat] = parts;
		const [minLon, minLat, maxLon, maxLat] = BRUSSELS_BBOX;
		if (
			parts.length !== 2 ||
			lon === undefined ||
			lat === undefined ||
			!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat)
		) {
			context.addIssue({ code: 'custom', message: 'near must be lon,lat inside Brussels' });
			return z.NEVER;
		}
		return [round(lon), round(lat)];
	})
	.optional()
	.catch(undefined);

const flag = z
	.string()
	.optional()
	.transform((value) => value === '1' || value === 'true');

// Blank values (`radius=`) mean "not given".
const blankToUndefined = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

const fieldsSchema = z.object({
	q: z
		.string()
		.optional()
		.transform((value) => value?.trim().slice(0, 200) || undefined),
	near: nearSchema,
	quartier: z
		.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(9999).optional())
		.catch(undefined),
	radius: z
		.preprocess(blankToUndefined, z.coerce.number().refine(Number.isFinite).optional())
		.transform((value) =>
			value === undefined
				? undefined
				: Math.round(Math.min(RADIUS_LIMITS_METERS.max, Math.max(RADIUS_LIMITS_METERS.min, value)))
		)
		.catch(undefined),
	language: codeList(LANGUAGE_CODE),
	support: codeList(TAXONOMY_CODE),
	target: codeList(TAXONOMY_CODE),
	category: codeList(TAXONOMY_CODE),
	open_now: flag,
	accepting: flag,
	wheelchair: flag,
	page: z
		.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional())
		.catch(undefined),
	sort: z
		.string()
		.optional()
		.transform((value): FinderSort => SORTS.find((sort) => sort === value) ?? DEFAULT_SORT),
	at: z.iso.datetime({ offset: true }).optional().catch(undefined)
});

const SINGLE_PARAMS = [
	'q',
	'near',
	'quartier',
	'radius',
	'open_now',
	'accepting',
	'wheelchair',
	'page',
	'sort',
	'at'
] as const;

/**
 * Parses the finder's search params into a {@link FinderQuery}. Repeatable: `language`, `support`,
 * `target`, `category` (comma-separated values are accepted too). `near=lon,lat` must lie in the
 * Brussels bbox; `radius` is in metres, clamped to 100–20,000; `open_now=1`; `accepting=1`; `wheelchair=1`; `page` (from 1);
 * `sort=distance|freshness|name`; `quartier` is an `mdrc`; `at` (ISO date-time) sets the moment
 * "open now" refers to, the current time otherwise. Invalid values are dropped.
 *
 * @example
 * finderQuerySchema.parse(new URLSearchParams('near=4.3456,50.8276&radius=800&language=ar'))
 * // { near: [4.3456, 50.8276], radiusMeters: 800, languages: ['ar'], sort: 'distance', … }
 */
export const finderQuerySchema = z
	.instanceof(URLSearchParams)
	.transform((params) => {
		const raw: z.input<typeof fieldsSchema> = {
			language: params.getAll('language'),
			support: params.getAll('support'),
			target: params.getAll('target'),
			category: params.getAll('category')
		};
		for (const name of SINGLE_PARAMS) {
			const value = params.get(name);
			if (value !== null) raw[name] = value;
		}
		return raw;
	})
	.pipe(fieldsSchema)
	.transform((fields): FinderQuery => {
		const query: FinderQuery = {
			languages: fields.language,
			support: fields.support,
			target: fields.target,
			category: fields.category,
			openNow: fields.open_now,
			accepting: fields.accepting,
			wheelchair: fields.wheelchair,
			sort: fields.sort,
			page: fields.page ?? 1,
			now: fields.at ? new Date(fields.at) : new Date()
		};
		if (fields.q !== undefined) query.q = fields.q;
		if (fields.near !== undefined) query.near = fields.near;
		if (fields.quartier !== undefined) query.quartier = fields.quartier;
		if (fields.radius !== undefined) query.radiusMeters = fields.radius;
		return query;
	});

/**
 * Writes a {@link FinderQuery} as search params, leaving out defaults so links stay short;
 * `finderQuerySchema` reads it back to the same query. `now` is written (`at`) only with
 * `includeTime`, since a shared link usually means "open when you look".
 *
 * @example toSearchParams({ ...query, near: [4.3456, 50.8276], languages: ['ar'] }).toString()
 * // 'near=4.3456%2C50.8276&language=ar'
 */
export function toSearchParams(
	query: FinderQuery,
	options: { includeTime?: boolean } = {}
): URLSearchParams {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.near) params.set('near', `${round(query.near[0])},${round(query.near[1])}`);
	if (query.radiusMeters !== undefined) params.set('radius', String(query.radiusMeters));
	if (query.quartier !== undefined) params.set('quartier', String(query.quartier));
	for (const value of query.languages) params.append('language', value);
	for (const value of query.support) params.append('support', value);
	for (const value of query.target) params.append('target', value);
	for (const value of query.category) params.append('category', value);
	if (query.openNow) params.set('open_now', '1');
	if (query.accepting) params.set('accepting', '1');
	if (query.wheelchair) params.set('wheelchair', '1');
	if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
	if (query.page > 1) params.set('page', String(query.page));
	if (options.includeTime) params.set('at', query.now.toISOString());
	return params;
}
