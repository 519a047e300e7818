import { z } from 'zod';
import { MAP_MEASURE_IDS } from './measures.ts';

/** Columns the ranked table can be sorted by. */
export const SORT_KEYS = [
	'rank',
	'name',
	'population',
	'supply_count',
	'walking_500',
	'walking_1000',
	'share_65plus',
	'single_households',
	'median_income',
	'need_z',
	'supply_z',
	'gap_index',
	'survey'
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const code = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/);
// A GET form sends empty fields as `category=`; they mean "no filter".
const optionalCode = z.preprocess((v) => (v === '' ? undefined : v), code.optional());

/**
 * The dashboard's URL parameters. Anything unreadable falls back to the default rather than
 * failing: a shared or hand-edited link should still open the dashboard.
 */
export const coverageQuerySchema = z.object({
	measure: z.enum(MAP_MEASURE_IDS).catch('gap_index'),
	category: optionalCode.catch(undefined),
	support: optionalCode.catch(undefined),
	commune: z
		.preprocess(
			(v) => (v === '' ? undefined : v),
			z
				.string()
				.regex(/^21\d{3}$/)
				.optional()
		)
		.catch(undefined),
	sort: z
		.string()
		.regex(new RegExp(`^-?(${SORT_KEYS.join('|')})$`))
		.catch('rank')
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

/** Reads the dashboard parameters from a URL's search parameters. */
export function parseCoverageQuery(params: URLSearchParams): CoverageQuery {
	return coverageQuerySchema.parse({
		measure: params.get('measure') ?? undefined,
		category: params.get('category') ?? undefined,
		support: params.get('support') ?? undefined,
		commune: params.get('commune') ?? undefined,
		sort: params.get('sort') ?? undefined
	});
}

/**
 * The query string for `query` with some parameters changed, leaving out defaults and empty
 * values so that links stay short: `?measure=walking_500&sort=-gap_index`.
 */
export function coverageSearch(query: CoverageQuery, changes: Partial<CoverageQuery> = {}): string {
	const merged = { ...query, ...changes };
	const params = new URLSearchParams();
	if (merged.measure !== 'gap_index') params.set('measure', merged.measure);
	if (merged.category) params.set('category', merged.category);
	if (merged.support) params.set('support', merged.support);
	if (merged.commune) params.set('commune', merged.commune);
	if (merged.sort !== 'rank') params.set('sort', merged.sort);
	const text = params.toString();
	return text ? `?${text}` : '';
}
