// "Why so few results", from the counts the database computes in one statement: how many
// entries pass every active filter but one, and how many pass every filter but the radius within
// each wider radius. The same suggestions, in the same order, as `searchResources` gives.

import { RADIUS_STEPS_METERS } from './search.ts';
import type { EmptyReason, FinderFilter } from './types.ts';

/** The counts behind an explanation (see `finder_search` in the migrations). */
export interface SearchCounts {
	/** Every published entry. */
	everything: number;
	/** Per filter: entries that pass every other active filter. */
	without: Partial<Record<FinderFilter, number>>;
	/** Per radius in metres: entries within it that pass every active filter but the radius. */
	within: Partial<Record<string, number>>;
}

/**
 * Reasons for a search that found `total` results with the `active` filters: the smallest wider
 * radius of {@link RADIUS_STEPS_METERS} that finds more, each single filter whose removal finds
 * more, most results first (on a tie the radius first); `combined_filters` when nothing single
 * helps; `no_resources` when there is nothing at all.
 *
 * @example
 * reasonsFromCounts({ total: 0, active: ['radius', 'languages'], radiusMeters: 500,
 *   counts: { everything: 9, without: { languages: 2 }, within: { '1000': 3 } } })
 * // [{ code: 'widen_radius', radiusMeters: 1000, resultsWithin: 3 },
 * //  { code: 'drop_filter', filter: 'languages', resultsWithout: 2 }]
 */
export function reasonsFromCounts(input: {
	total: number;
	active: readonly FinderFilter[];
	radiusMeters: number | undefined;
	counts: SearchCounts;
}): EmptyReason[] {
	const { total, active, radiusMeters, counts } = input;
	if (counts.everything === 0) return [{ code: 'no_resources' }];
	const suggestions: Array<{ reason: EmptyReason; results: number }> = [];
	if (radiusMeters !== undefined && active.includes('radius')) {
		// The smallest step that finds more: people on foot care about the nearest extra option.
		const step = RADIUS_STEPS_METERS.find(
			(meters) => meters > radiusMeters && (counts.within[String(meters)] ?? 0) > total
		);
		if (step !== undefined) {
			const resultsWithin = counts.within[String(step)] ?? 0;
			suggestions.push({
				reason: { code: 'widen_radius', radiusMeters: step, resultsWithin },
				results: resultsWithin
			});
		}
	}
	for (const filter of active) {
		if (filter === 'radius') continue;
		const without = counts.without[filter] ?? 0;
		if (without > total) {
			suggestions.push({
				reason: { code: 'drop_filter', filter, resultsWithout: without },
				results: without
			});
		}
	}
	suggestions.sort((a, b) => b.results - a.results);
	const reasons = suggestions.map((s) => s.reason);
	if (reasons.length === 0 && total === 0 && active.length > 1) {
		reasons.push({ code: 'combined_filters', filters: [...active] });
	}
	return reasons;
}
