// The finder's search on the server (the finder, its exports and the embed): one call to the database's search function, which filters,
// ranks and pages; here only what needs our TypeScript schedule engine ("open now", next
// opening) and the shapes the page shows.
import type { Db } from '#lib/server/db/client.ts';
import {
	FEW_RESULTS,
	describeResults,
	openScheduleTexts,
	reasonsFromCounts,
	type EmptyReason,
	type FinderQuery
} from '#lib/domain/search/index.ts';
import * as finderEntries from '#lib/server/db/finder-entries.ts';
import type { PackedPoints } from '#lib/map/packed-points.ts';
import type { DescribedResult } from '#lib/domain/search/index.ts';

/** A ranked result as a card shows it (descriptions stay in the database: only the detail page shows them). */
export type FinderResult = DescribedResult<finderEntries.FinderEntryRow>;

/**
 * What a result card shows. A page sends its data to the browser (to hydrate), so the row's
 * other columns — coordinates (the map has them packed), filters' arrays, the schedule text,
 * the rank — stay on the server: a fifth of the finder page's data.
 */
export type FinderCard = Omit<
	FinderResult,
	| 'organization_id'
	| 'lon'
	| 'lat'
	| 'mdrc'
	| 'support_kinds'
	| 'target_groups'
	| 'wheelchair_accessible'
	| 'schedules'
	| 'relevance'
>;

/** A result reduced to its card. */
export function cardOf(result: FinderResult): FinderCard {
	const {
		organization_id: _organization,
		lon: _lon,
		lat: _lat,
		mdrc: _mdrc,
		support_kinds: _support,
		target_groups: _target,
		wheelchair_accessible: _wheelchair,
		schedules: _schedules,
		relevance: _relevance,
		...card
	} = result;
	return card;
}

/** Results listed on one page. */
export const PAGE_SIZE = 50;

export type FinderSearch = {
	results: FinderResult[];
	total: number;
	reasons: EmptyReason[];
	/** Every match; each result's `map_code` finds its point. */
	points: PackedPoints;
	page: number;
	pages: number;
};

/** How long the list of distinct opening-hours texts is reused for "open now". */
export const SCHEDULE_TEXTS_MS = 30_000;
let scheduleTexts: { at: number; texts: Promise<string[]> } | null = null;

/**
 * The distinct opening-hours texts, the same for every visitor (published entries only), kept a
 * short while: an entry with a new text is found by "open now" that much later.
 */
function distinctScheduleTexts(supabase: Db): Promise<string[]> {
	const now = Date.now();
	if (!scheduleTexts || now - scheduleTexts.at > SCHEDULE_TEXTS_MS) {
		const texts = finderEntries.scheduleTexts(supabase);
		scheduleTexts = { at: now, texts };
		texts.catch(() => (scheduleTexts = null));
	}
	return scheduleTexts.texts;
}

/** The database's parameters for a finder query. */
async function searchParams(
	supabase: Db,
	query: FinderQuery
): Promise<finderEntries.FinderSearchParams> {
	return {
		...(query.q ? { q: query.q } : {}),
		...(query.near ? { lon: query.near[0], lat: query.near[1] } : {}),
		...(query.near && query.radiusMeters ? { radius_m: query.radiusMeters } : {}),
		...(query.quartier !== undefined ? { quartier: query.quartier } : {}),
		languages: query.languages,
		support: query.support,
		target: query.target,
		category: query.category,
		accepting: query.accepting,
		wheelchair: query.wheelchair,
		...(query.openNow
			? { open_schedules: openScheduleTexts(await distinctScheduleTexts(supabase), query.now) }
			: {}),
		sort: query.sort,
		page: query.page,
		page_size: PAGE_SIZE,
		explain_below: FEW_RESULTS
	};
}

/**
 * Searches published resources for a finder query: one page of ranked results (with open now,
 * next opening and walking time), the total, every match as a map point, and when fewer than
 * {@link FEW_RESULTS} are found the reasons, from the database's counts.
 */
export async function findResources(supabase: Db, query: FinderQuery): Promise<FinderSearch> {
	const found = await finderEntries.search(supabase, await searchParams(supabase, query));
	const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
	return {
		results: describeResults(found.results, query.now),
		total: found.total,
		reasons: found.counts
			? reasonsFromCounts({
					total: found.total,
					active: found.filters,
					radiusMeters: query.near ? query.radiusMeters : undefined,
					counts: found.counts
				})
			: [],
		points: { packed: found.points, categories: found.categories },
		page: query.page,
		pages
	};
}

/** Rows per call when every match is read (the database returns at most 100 a page). */
const ALL_PAGE_SIZE = 100;

/**
 * The ids of every entry matching a finder query, in the finder's order, exactly as many as its
 * `total`: what an export of the finder's results holds. Pages of 100, without explanations.
 */
export async function matchingIds(supabase: Db, query: FinderQuery): Promise<string[]> {
	const params = await searchParams(supabase, query);
	const ids: string[] = [];
	for (let page = 1; ; page += 1) {
		const found = await finderEntries.search(supabase, {
			...params,
			page,
			page_size: ALL_PAGE_SIZE,
			explain_below: 0
		});
		ids.push(...found.results.map((result) => result.id));
		if (found.results.length < ALL_PAGE_SIZE || ids.length >= found.total) return ids;
	}
}
