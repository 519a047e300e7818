// The query parameters of the HSDS read API: the spec's `page`, `per_page`, `search`,
// `taxonomy_term_id`, `taxonomy_id`, `organization_id`, `modified_after`, `parent_id`,
// `top_only`, and ours: `quartier` (an mdrc code), `language` (ISO 639) and `locale` (the
// language names and descriptions are written in).
import { z } from 'zod';
import { isUuid } from './ids.ts';

/** Entries per page when `per_page` is not given, and the most a page may hold. */
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

const integer = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
		.transform(Number)
		.pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const uuid = z.string().refine(isUuid, 'must be a UUID');

const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');

const isoDate = z
	.string()
	.regex(
		/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
		'must be an ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z'
	)
	.refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date')
	.transform((v) => new Date(v).toISOString());

/** Every parameter the list routes understand; each route takes those that apply to it. */
export const hsdsQuerySchema = z.object({
	page: integer(1, 1_000_000).default(1),
	per_page: integer(1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
	search: z
		.string()
		.trim()
		.max(200, 'must be at most 200 characters')
		.transform((v) => v || undefined)
		.optional(),
	taxonomy_term_id: uuid.optional(),
	taxonomy_id: uuid.optional(),
	organization_id: uuid.optional(),
	parent_id: uuid.optional(),
	top_only: boolean.optional(),
	modified_after: isoDate.optional(),
	quartier: integer(1, 99_999).optional(),
	language: z
		.string()
		.regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fr, nl, ar or ber')
		.optional(),
	locale: z.enum(['fr', 'nl', 'en'], 'must be fr, nl or en').default('en')
});

export type HsdsQuery = z.infer<typeof hsdsQuerySchema>;

/** A query the API refuses: which parameter and why, in plain English. */
export type HsdsQueryError = { parameter: string; message: string };

// Parameters of the spec that we do not implement are refused rather than ignored, so that a
// client never believes a filter applied when it did not.
const UNSUPPORTED = ['format', 'minimal', 'full', 'full_service', 'postcode', 'proximity'];

// The spec's filters of taxonomy terms: only /taxonomy_terms reads them, so any other route
// refuses them instead of answering as if they had filtered.
const TERM_PARAMETERS = ['taxonomy_id', 'parent_id', 'top_only'];

/**
 * Parses a request's search parameters; each parameter may appear once. `termFilters` is true
 * for the route that lists taxonomy terms, the only one that reads `taxonomy_id`, `parent_id`
 * and `top_only`.
 *
 * @example parseHsdsQuery(new URLSearchParams('page=2&per_page=20')) // { ok: true, query: {…} }
 */
export function parseHsdsQuery(
	params: URLSearchParams,
	{ termFilters = false }: { termFilters?: boolean } = {}
): { ok: true; query: HsdsQuery } | { ok: false; error: HsdsQueryError } {
	const raw: Record<string, string> = {};
	for (const [key, value] of params) {
		if (key in raw)
			return { ok: false, error: { parameter: key, message: 'is given more than once' } };
		if (UNSUPPORTED.includes(key)) {
			return { ok: false, error: { parameter: key, message: 'is not supported by this API' } };
		}
		if (!termFilters && TERM_PARAMETERS.includes(key)) {
			return {
				ok: false,
				error: { parameter: key, message: 'filters /taxonomy_terms only, not this route' }
			};
		}
		raw[key] = value;
	}
	const parsed = hsdsQuerySchema.safeParse(raw);
	if (parsed.success) return { ok: true, query: parsed.data };
	const issue = parsed.error.issues[0];
	return {
		ok: false,
		error: { parameter: String(issue?.path[0] ?? ''), message: issue?.message ?? 'is invalid' }
	};
}
