// The finder's entries (table finder_entries, kept by triggers): one search function that
// filters, ranks and pages in the database, the distinct opening-hours texts for "open now", and
// the version of both (finder_region.version), which changes with every write to the entries.
import { z } from 'zod';
import { FINDER_FILTERS } from '#lib/domain/search/index.ts';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

/** What `finder_search` takes; arrays match any of their values, absent keys mean no filter. */
export type FinderSearchParams = {
	q?: string;
	lon?: number;
	lat?: number;
	/** Metres around lon/lat, great-circle. */
	radius_m?: number;
	quartier?: number;
	languages?: string[];
	/** Support kinds; a parent kind matches its children. */
	support?: string[];
	/** Target groups; services for everyone match every group. */
	target?: string[];
	category?: string[];
	accepting?: boolean;
	wheelchair?: boolean;
	/** When present: the opening-hours texts open now; only entries with one of them match. */
	open_schedules?: string[];
	sort?: 'distance' | 'freshness' | 'name';
	page?: number;
	page_size?: number;
	/** Below this many matches, the counts that explain them are computed too (default 5). */
	explain_below?: number;
};

const count = z.coerce.number().int().nonnegative();
const filterName = z.enum(FINDER_FILTERS);

const rowSchema = z.object({
	id: z.string(),
	organization_id: z.string(),
	organization_name: z.string(),
	service_name: z.string(),
	category: z.string(),
	lon: z.number(),
	lat: z.number(),
	mdrc: z.number().int(),
	location_precision: z.enum(['exact', 'street', 'quartier']),
	languages: z.array(z.string()),
	support_kinds: z.array(z.string()),
	target_groups: z.array(z.string()),
	accepting_new: z.enum(['open', 'waitlist', 'full']),
	wheelchair_accessible: z.boolean().nullable(),
	trust_tier: z.enum(['self_declared', 'vouched', 'verified']),
	vouched_by_name: z.string().nullable(),
	assured_date: z.string().nullable(),
	status: z.enum(['active', 'paused', 'dormant']),
	schedules: z.string().nullable(),
	schedule_kind: z.enum(['hours', 'by_appointment', 'irregular']),
	quartier_name_fr: z.string(),
	quartier_name_nl: z.string(),
	distance_m: z.number().nullable(),
	relevance: z.number(),
	/** The entry's map point, as in `points`. */
	map_code: z.string().length(9)
});

const searchSchema = z.object({
	total: count,
	results: z.array(rowSchema),
	/** 9 characters per match, in no particular order (see `packed-points.ts`). */
	points: z.string(),
	categories: z.array(z.string()),
	filters: z.array(filterName),
	counts: z
		.object({
			everything: count,
			without: z.partialRecord(filterName, count),
			within: z.record(z.string(), count)
		})
		.optional()
});

/** One page of a finder search, as `finder_search` returns it. */
export type FinderSearchPage = z.infer<typeof searchSchema>;

/** A listed entry: the card's columns, its distance in metres (null without lon/lat) and relevance. */
export type FinderEntryRow = z.infer<typeof rowSchema>;

/**
 * Searches the published entries: returns the page asked for (ranked), the total, every match as a
 * packed map point (see `packed-points.ts`; each result carries its own code), the active
 * filters and, when fewer than `explain_below` match, the counts per dropped filter and per
 * wider radius.
 *
 * @example await finderEntries.search(locals.supabase, { lon: 4.3456, lat: 50.8276, radius_m: 1000, languages: ['ar'] })
 */
export async function search(supabase: Db, params: FinderSearchParams): Promise<FinderSearchPage> {
	const data = orThrow(await supabase.rpc('finder_search', { p_query: params }));
	return searchSchema.parse(data);
}

/** The distinct opening-hours texts of the published entries (for "open now"). */
export async function scheduleTexts(supabase: Db): Promise<string[]> {
	const rows = orThrow(await supabase.rpc('finder_schedule_texts')) ?? [];
	return z.array(z.string()).parse(rows);
}

/**
 * The version of the finder's data: drawn anew by every write to the entries, so an answer of
 * `search` or `scheduleTexts` holds while it is unchanged. Null before the entries were first kept.
 */
export async function version(supabase: Db): Promise<string | null> {
	const row = orThrow(await supabase.from('finder_region').select('version').maybeSingle());
	return row ? z.uuid().parse(row.version) : null;
}
