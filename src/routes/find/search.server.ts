// The finder's search on the server: narrow in the database where it is easy, then rank, test
// "open now" and match text with the shared engine, and keep only what the page shows.
import type { Db } from '#lib/server/db/client.ts';
import { bboxAround } from '#lib/domain/finder/bbox.ts';
import {
	expandSupportKinds,
	expandTargetGroups,
	supportParents
} from '#lib/domain/finder/query.ts';
import {
	FEW_RESULTS,
	searchResources,
	type EmptyReason,
	type FinderQuery
} from '#lib/domain/search/index.ts';
import * as resources from '#lib/server/db/resources.ts';
import type { SupportKindTerm } from '#lib/server/db/taxonomy.ts';
import type { MapPoint } from '#lib/map/points.ts';
import type { FinderResult } from './types.ts';

/** Results listed on one page. */
export const PAGE_SIZE = 50;
/** Points drawn on the map at most (the nearest or best ranked). */
export const MAP_LIMIT = 500;

export type FinderSearch = {
	results: FinderResult[];
	total: number;
	reasons: EmptyReason[];
	points: MapPoint[];
};

/** How long the full list used to explain empty searches is reused. */
export const EXPLAIN_CACHE_MS = 30_000;
const published = new Map<boolean, { at: number; rows: Promise<resources.ResourceListRow[]> }>();

/**
 * Every published resource, for explaining a search that found little. The listed columns are
 * the same for every visitor (published entries, no contact channels), so one copy serves all
 * requests for a short while; a reason's counts may lag a new entry by that long.
 */
function allPublished(
	supabase: Db,
	withDescriptions: boolean
): Promise<resources.ResourceListRow[]> {
	const now = Date.now();
	let entry = published.get(withDescriptions);
	if (!entry || now - entry.at > EXPLAIN_CACHE_MS) {
		const rows = resources.list(supabase, { withDescriptions });
		entry = { at: now, rows };
		published.set(withDescriptions, entry);
		rows.catch(() => published.delete(withDescriptions));
	}
	return entry.rows;
}

/**
 * Searches published resources for a finder query. The database narrows by category, languages,
 * support kinds, target groups and the box around `near`; the engine does the rest. When little
 * is found, the reasons are computed over every resource, so "without this filter" counts are
 * true even for filters the database applied.
 */
export async function findResources(
	supabase: Db,
	query: FinderQuery,
	supportKinds: SupportKindTerm[]
): Promise<FinderSearch> {
	const parents = supportParents(supportKinds);
	const withDescriptions = query.q !== undefined;
	const rows = await resources.list(supabase, {
		withDescriptions,
		categories: query.category,
		languages: query.languages,
		supportKinds: expandSupportKinds(query.support, supportKinds),
		targetGroups: expandTargetGroups(query.target),
		...(query.near && query.radiusMeters
			? { bbox: bboxAround(query.near, query.radiusMeters) }
			: {})
	});
	const outcome = searchResources({ resources: rows, query, supportParents: parents });
	let reasons = outcome.reasons;
	if (outcome.total < FEW_RESULTS) {
		const everything = await allPublished(supabase, withDescriptions);
		reasons = searchResources({ resources: everything, query, supportParents: parents }).reasons;
	}
	return {
		// Descriptions are searched but not shown on cards: they stay on the server.
		results: outcome.results
			.slice(0, PAGE_SIZE)
			.map(({ description_fr: _fr, description_nl: _nl, description_en: _en, ...card }) => card),
		total: outcome.total,
		reasons,
		points: outcome.results.slice(0, MAP_LIMIT).map((r) => ({
			id: r.id,
			name: r.organization_name,
			category: r.category,
			lon: r.lon,
			lat: r.lat,
			mdrc: r.mdrc,
			quartierOnly: r.location_precision === 'quartier',
			dormant: r.dormant
		}))
	};
}
