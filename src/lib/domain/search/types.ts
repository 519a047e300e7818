// The finder's data shapes: a row of the `resource_index` view, the parsed URL state, and results.

import type { OpeningPeriod } from '../schedule/types.ts';

import type { LonLat } from '../geo/coordinates.ts';

export type { LonLat };

/** The columns of the `resource_index` view the finder uses (rows may carry more). */
export interface ResourceRow {
	id: string;
	organization_id: string;
	organization_name: string;
	service_name: string;
	category: string;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
	lon: number;
	lat: number;
	mdrc: number;
	location_precision: 'exact' | 'street' | 'quartier';
	languages: string[];
	support_kinds: string[];
	target_groups: string[];
	accepting_new: 'open' | 'waitlist' | 'full';
	trust_tier: 'self_declared' | 'vouched' | 'verified';
	vouched_by_name: string | null;
	/** Last confirmation, `YYYY-MM-DD`; null when never confirmed. */
	assured_date: string | null;
	status: 'active' | 'paused' | 'dormant';
	/** OSM `opening_hours` text when `schedule_kind` is `hours`. */
	schedules: string | null;
	schedule_kind: 'hours' | 'by_appointment' | 'irregular';
	/** True when step-free for wheelchairs, false when not, null or absent when not known. */
	wheelchair_accessible?: boolean | null;
}

/** Orders the finder offers. */
export type FinderSort = 'distance' | 'freshness' | 'name';

/** The finder's state, as parsed from the URL by `finderQuerySchema`. */
export interface FinderQuery {
	q?: string;
	near?: LonLat;
	/** Only resources located in this quartier (`mdrc`). */
	quartier?: number;
	/** Only with `near`: the straight-line radius around it. */
	radiusMeters?: number;
	languages: string[];
	support: string[];
	target: string[];
	category: string[];
	openNow: boolean;
	accepting: boolean;
	/** Only services known to be wheelchair accessible. */
	wheelchair: boolean;
	sort: FinderSort;
	/** The page of the list, from 1. */
	page: number;
	/** The moment "open now" refers to. */
	now: Date;
}

/**
 * The finder's filters, as named in {@link EmptyReason} and in the database search's answer, in
 * the order a search lists the active ones.
 */
export const FINDER_FILTERS = [
	'text',
	'radius',
	'quartier',
	'languages',
	'support',
	'target',
	'category',
	'accepting',
	'wheelchair',
	'openNow'
] as const;

/** A filter of the finder. */
export type FinderFilter = (typeof FINDER_FILTERS)[number];

/**
 * Why a search found nothing or little, best suggestion first.
 * - `no_resources`: there is nothing to search at all.
 * - `drop_filter`: removing `filter` alone would give `resultsWithout` results.
 * - `widen_radius`: a radius of `radiusMeters` would give `resultsWithin` results.
 * - `combined_filters`: no single change helps; these active filters together exclude everything.
 */
export type EmptyReason =
	| { code: 'no_resources' }
	| { code: 'drop_filter'; filter: FinderFilter; resultsWithout: number }
	| { code: 'widen_radius'; radiusMeters: number; resultsWithin: number }
	| { code: 'combined_filters'; filters: FinderFilter[] };

/** A row as the finder shows it. */
export type ResourceResult<Row extends ResourceRow = ResourceRow> = Row & {
	/** Straight-line distance from `near`, metres; null without `near`. */
	distanceMeters: number | null;
	/** Estimated walk, whole minutes (see `walkingMinutes`); null without `near`. */
	walkingMinutes: number | null;
	/** Null when the schedule is by appointment, irregular, missing or unreadable. */
	openNow: boolean | null;
	/** The current or next opening period within 14 days. */
	nextOpening: OpeningPeriod | null;
	dormant: boolean;
	/** Text relevance, 0 without `q`; higher is better. */
	relevance: number;
};

/** What `searchResources` returns. */
export interface SearchOutcome<Row extends ResourceRow = ResourceRow> {
	results: ResourceResult<Row>[];
	/** Number of matches before `limit`. */
	total: number;
	reasons: EmptyReason[];
}
