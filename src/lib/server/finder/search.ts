// The finder's search on the server (the finder, its exports and the embed): one call to the
// database's search function, which filters, ranks and pages (or its answer kept from before,
// while the data's version is unchanged); here only what needs our TypeScript schedule engine
// ("open now", next opening) and the shapes the page shows.
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
import { versionedCache } from '#lib/server/cache.ts';
import type { PackedPoints } from '#lib/map/packed-points.ts';
import type { DescribedResult } from '#lib/domain/search/index.ts';
import { placeName } from '#lib/domain/places/place-name.ts';
import type { Locale } from '#lib/i18n/locales.ts';

/** A ranked result as a card shows it (descriptions stay in the database: only the detail page shows them). */
export type FinderResult = DescribedResult<finderEntries.FinderEntryRow>;

/**
 * A result reduced to what its card shows, for a page in `locale`. A page sends its data to the
 * browser (to hydrate), so the row's other columns — coordinates (the map has them packed),
 * filters' arrays, the schedule text, the rank — stay on the server, and a column added to the
 * search later stays there too until it is named here. The quartier comes in the page's language
 * only, the distance in whole metres (a card shows tens of metres at most).
 */
export function cardOf(result: FinderResult, locale: Locale) {
	return {
		id: result.id,
		organization_name: result.organization_name,
		service_name: result.service_name,
		category: result.category,
		location_precision: result.location_precision,
		languages: result.languages,
		map_code: result.map_code,
		accepting_new: result.accepting_new,
		trust_tier: result.trust_tier,
		vouched_by_name: result.vouched_by_name,
		assured_date: result.assured_date,
		status: result.status,
		schedule_kind: result.schedule_kind,
		quartier: placeName(
			{ name_fr: result.quartier_name_fr, name_nl: result.quartier_name_nl },
			locale
		),
		distanceMeters: result.distanceMeters === null ? null : Math.round(result.distanceMeters),
		walkingMinutes: result.walkingMinutes,
		openNow: result.openNow,
		nextOpening: result.nextOpening,
		dormant: result.dormant
	};
}

/** What a result card shows: {@link cardOf}'s allow-list. */
export type FinderCard = ReturnType<typeof cardOf>;

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

// Answers are kept per version of the finder's data (read first, one small call), so a kept
// answer is never older than the entries: a write draws a new version. Many visitors ask the
// same few searches (a quartier, the first screen, a link shared in a team), and a search costs
// the database far more than reading the version.

/**
 * How many search answers a server process keeps (the least recently asked go first). The
 * largest, a search of the whole region, holds 9 bytes of map points per entry (450 KB at 50,000
 * entries), so even then the answers kept stay under 50 MB; filtered searches hold far less.
 */
export const SEARCH_ANSWERS_KEPT = 100;
const searchAnswers = versionedCache<finderEntries.FinderSearchPage>({
	capacity: SEARCH_ANSWERS_KEPT
});
const scheduleTextsKept = versionedCache<string[]>({ capacity: 1 });

/** The distinct opening-hours texts of the published entries, at the data's version. */
function distinctScheduleTexts(supabase: Db, version: string | null): Promise<string[]> {
	return scheduleTextsKept.get(version, 'schedule texts', () =>
		finderEntries.scheduleTexts(supabase)
	);
}

/** The database's parameters for a finder query. */
async function searchParams(
	supabase: Db,
	query: FinderQuery,
	version: string | null
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
			? {
					open_schedules: openScheduleTexts(
						await distinctScheduleTexts(supabase, version),
						query.now
					)
				}
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
	const version = await finderEntries.version(supabase);
	const params = await searchParams(supabase, query, version);
	const found = await searchAnswers.get(version, JSON.stringify(params), () =>
		finderEntries.search(supabase, params)
	);
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
	// Not kept: an export reads every page once, and would push out the answers visitors reuse.
	const params = await searchParams(supabase, query, await finderEntries.version(supabase));
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
