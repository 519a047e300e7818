// Small pure helpers around the finder's query: what to ask the database, and the queries behind
// "widen the search" links.

import type { EmptyReason, FinderFilter, FinderQuery } from '../search/types.ts';
import { memo } from '../memo.ts';

/**
 * The support-kind codes to ask the database for: the wanted codes and the children of any
 * wanted group, since the engine lets a group match its kinds.
 *
 * @example expandSupportKinds(['social_contact'], [{ code: 'home_visits', parent_code: 'social_contact' }])
 * // ['social_contact', 'home_visits']
 */
export function expandSupportKinds(
	wanted: readonly string[],
	kinds: readonly { code: string; parent_code: string | null }[]
): string[] {
	const codes = new Set(wanted);
	for (const kind of kinds) {
		if (kind.parent_code && codes.has(kind.parent_code)) codes.add(kind.code);
	}
	return [...codes];
}

/** Target groups to ask the database for: a service for `everyone` suits every group. */
export function expandTargetGroups(wanted: readonly string[]): string[] {
	return wanted.length ? [...new Set([...wanted, 'everyone'])] : [];
}

/** Child code → parent code, as `searchResources` takes it. */
export function supportParents(
	kinds: readonly { code: string; parent_code: string | null }[]
): Record<string, string> {
	return Object.fromEntries(
		kinds.flatMap((kind) => (kind.parent_code ? [[kind.code, kind.parent_code]] : []))
	);
}

/** The query without one filter, for a "drop this filter" link. */
export function withoutFilter(query: FinderQuery, filter: FinderFilter): FinderQuery {
	const next: FinderQuery = { ...query };
	switch (filter) {
		case 'text':
			delete next.q;
			break;
		case 'radius':
			delete next.radiusMeters;
			break;
		case 'quartier':
			delete next.quartier;
			break;
		case 'languages':
			next.languages = [];
			break;
		case 'support':
			next.support = [];
			break;
		case 'target':
			next.target = [];
			break;
		case 'category':
			next.category = [];
			break;
		case 'openNow':
			next.openNow = false;
			break;
		case 'accepting':
			next.accepting = false;
			break;
		case 'wheelchair':
			next.wheelchair = false;
			break;
	}
	// Another set of results starts on its first page.
	next.page = 1;
	return next;
}

/**
 * The query a reason suggests (drop a filter or several, or a wider radius); null for
 * `no_resources`.
 */
export function widenedQuery(query: FinderQuery, reason: EmptyReason): FinderQuery | null {
	if (reason.code === 'drop_filter') return withoutFilter(query, reason.filter);
	if (reason.code === 'combined_filters') return reason.filters.reduce(withoutFilter, query);
	if (reason.code === 'widen_radius') {
		return { ...query, radiusMeters: reason.radiusMeters, page: 1 };
	}
	return null;
}

/**
 * A distance for people: metres under 1 km (rounded to 10 m), else kilometres with one decimal.
 *
 * @example formatDistance(432, 'fr') // '430 m'
 * @example formatDistance(1250, 'en') // '1.3 km'
 */
export function formatDistance(meters: number, locale: string): string {
	if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} m`;
	return `${kilometres(locale).format(meters / 1000)} km`;
}

// Building a number format costs a hundred times more than using one, and every finder page
// writes its radius choices and its cards' distances: one per locale, kept.
const kilometres = memo(
	(locale: string) => locale,
	(locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
);
