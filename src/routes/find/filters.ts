// What the folded filters' summary counts on a phone ("3 filters").
import type { FinderQuery } from '#lib/domain/search/index.ts';

/**
 * The number of filters a query applies beyond the place and its distance: the keywords, each
 * chosen support kind, target group, category and language, the quartier, "open now",
 * "accepting" and "wheelchair accessible". The order of the results is not a filter.
 *
 * @example activeFilterCount({ ...query, languages: ['ar', 'nl'], openNow: true }) // 3
 */
export function activeFilterCount(query: FinderQuery): number {
	return (
		(query.q ? 1 : 0) +
		query.support.length +
		query.target.length +
		query.category.length +
		query.languages.length +
		(query.quartier === undefined ? 0 : 1) +
		(query.openNow ? 1 : 0) +
		(query.accepting ? 1 : 0) +
		(query.wheelchair ? 1 : 0)
	);
}
