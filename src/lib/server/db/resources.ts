import { z } from 'zod';
import type { Db } from './client.ts';
import type { Json } from './database.types.ts';
import type { ResourceRow } from '#lib/domain/search/types.ts';
import { orThrow } from './errors.ts';

// The view's text and jsonb columns, checked against what the schema's constraints allow.
const contactSchema = z.object({
	kind: z.enum(['phone', 'email', 'website', 'whatsapp', 'relay']),
	value: z.string(),
	label: z.string().nullable(),
	public: z.boolean()
});
const fieldsSchema = z.object({
	location_precision: z.enum(['exact', 'street', 'quartier']),
	accepting_new: z.enum(['open', 'waitlist', 'full']),
	trust_tier: z.enum(['self_declared', 'vouched', 'verified']),
	status: z.enum(['active', 'paused', 'dormant']),
	schedule_kind: z.enum(['hours', 'by_appointment', 'irregular'])
});
const costSchema = z.enum(['free', 'contribution', 'paid']);
// The view aggregates no channels as null.
const contactsSchema = z.array(contactSchema).nullable();

/** A public contact channel as the resource_index view aggregates it. */
export type ResourceContact = z.infer<typeof contactSchema>;

type TextFields = { [K in keyof z.infer<typeof fieldsSchema>]: string };

/** A list row with its text columns narrowed to the values the schema allows. */
function toListRow<Row extends TextFields>(
	row: Row
): Omit<Row, keyof TextFields> & z.infer<typeof fieldsSchema> {
	return { ...row, ...fieldsSchema.parse(row) };
}

/** A detail row: list fields, cost and contacts checked. */
function toIndexRow<Row extends TextFields & { cost: string; contacts: Json | null }>(row: Row) {
	return {
		...toListRow(row),
		cost: costSchema.parse(row.cost),
		contacts: contactsSchema.parse(row.contacts) ?? []
	};
}

/**
 * One row of the `resource_index` view: a published service at one location, with the names the
 * search engine expects (`vouched_by_name`) and everything the detail page and slip show.
 */
export type ResourceIndexRow = ResourceRow & {
	service_id: string;
	location_id: string;
	organization_alternate_name: string | null;
	paused_until: string | null;
	cost: z.infer<typeof costSchema>;
	cost_note: string | null;
	eligibility_description: string | null;
	accessibility: string | null;
	location_name: string | null;
	address: string | null;
	quartier_name_fr: string;
	quartier_name_nl: string;
	nis: string;
	service_area_mdrc: number[];
	partner_venue_name: string | null;
	contacts: ResourceContact[];
	updated_at: string | null;
};

/** Columns the finder, detail page and slip read; everything in the view that they show. */
// One literal each (not concatenated), so the typed client can infer the rows' shape.
export const RESOURCE_COLUMNS =
	'id, service_id, location_id, organization_id, organization_name, organization_alternate_name, category, status, trust_tier, vouched_by_name:vouched_by_organization_name, assured_date, paused_until, service_name, description_fr, description_nl, description_en, support_kinds, target_groups, languages, accepting_new, cost, cost_note, eligibility_description, accessibility, schedules, schedule_kind, location_name, address, location_precision, lon, lat, mdrc, quartier_name_fr, quartier_name_nl, nis, service_area_mdrc, partner_venue_name, contacts, updated_at';

/** What the finder ranks and shows on a result card: the engine's columns and quartier names. */
export type ResourceListRow = ResourceRow & { quartier_name_fr: string; quartier_name_nl: string };

/** The columns of {@link ResourceListRow}; a search reads no contacts or details it does not show. */
export const LIST_COLUMNS =
	'id, organization_id, organization_name, service_name, category, description_fr, description_nl, description_en, lon, lat, mdrc, location_precision, languages, support_kinds, target_groups, accepting_new, trust_tier, vouched_by_name:vouched_by_organization_name, assured_date, status, schedules, schedule_kind, quartier_name_fr, quartier_name_nl';

// Without a text query the engine never reads descriptions; leaving them out makes a search
// that must read every row (to explain an empty result) several times lighter.
const LIST_COLUMNS_WITHOUT_TEXT =
	'id, organization_id, organization_name, service_name, category, lon, lat, mdrc, location_precision, languages, support_kinds, target_groups, accepting_new, trust_tier, vouched_by_name:vouched_by_organization_name, assured_date, status, schedules, schedule_kind, quartier_name_fr, quartier_name_nl';

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** What the database can narrow before ranking; every field optional, arrays match any-of. */
export type ResourceFilters = {
	categories?: string[];
	languages?: string[];
	supportKinds?: string[];
	targetGroups?: string[];
	/** Only rows whose point lies in this box (quartier-only rows use their quartier's point). */
	bbox?: BBox;
	/** Safety cap on rows fetched; the finder ranks and pages what comes back. */
	limit?: number;
	/** False leaves the descriptions out (null), for searches without words. Default true. */
	withDescriptions?: boolean;
};

/** Rows one API request returns at most (Supabase's default `max_rows`). */
export const PAGE_ROWS = 1000;

/** Rows fetched at most for one search; more than the finder ever shows or maps. */
export const MAX_CANDIDATES = 20_000;

/** The query methods the finder's filters use (every PostgREST filter builder has them). */
interface Filterable<Q> {
	in(column: 'category', values: string[]): Q;
	overlaps(column: 'languages' | 'support_kinds' | 'target_groups', value: string[]): Q;
	gte(column: 'lon' | 'lat', value: number): Q;
	lte(column: 'lon' | 'lat', value: number): Q;
}

/** Applies the filters to a resource_index query, whichever columns it selects. */
function narrow<Q extends Filterable<Q>>(query: Q, filters: ResourceFilters): Q {
	if (filters.categories?.length) query = query.in('category', filters.categories);
	if (filters.languages?.length) query = query.overlaps('languages', filters.languages);
	if (filters.supportKinds?.length) query = query.overlaps('support_kinds', filters.supportKinds);
	if (filters.targetGroups?.length) query = query.overlaps('target_groups', filters.targetGroups);
	if (filters.bbox) {
		const [minLon, minLat, maxLon, maxLat] = filters.bbox;
		query = query.gte('lon', minLon).lte('lon', maxLon).gte('lat', minLat).lte('lat', maxLat);
	}
	return query;
}

/**
 * Published resources matching the filters, unranked; RLS applies as the caller, so non-public
 * contact channels appear only for roles allowed to read them.
 *
 * @example await resources.list(locals.supabase, { languages: ['ar'], bbox: [4.33, 50.83, 4.36, 50.85] })
 */
export async function list(
	supabase: Db,
	filters: ResourceFilters = {}
): Promise<ResourceListRow[]> {
	const cap = Math.min(filters.limit ?? MAX_CANDIDATES, MAX_CANDIDATES);
	const rows: ResourceListRow[] = [];
	let total = cap;
	// The API returns at most its max_rows per request, whatever range is asked: read in pages
	// until the count the first page reported (or the cap) is reached.
	while (rows.length < Math.min(total, cap)) {
		const count = rows.length === 0 ? ({ count: 'exact' } as const) : {};
		const size = Math.min(PAGE_ROWS, cap - rows.length);
		const range = [rows.length, rows.length + size - 1] as const;
		const view = supabase.from('resource_index');
		const result =
			filters.withDescriptions === false
				? await narrow(view.select(LIST_COLUMNS_WITHOUT_TEXT, count), filters)
						.order('id')
						.range(...range)
				: await narrow(view.select(LIST_COLUMNS, count), filters)
						.order('id')
						.range(...range);
		const page = (orThrow(result) ?? []).map((row) =>
			toListRow({ description_fr: null, description_nl: null, description_en: null, ...row })
		);
		if (rows.length === 0 && result.count !== null) total = result.count;
		rows.push(...page);
		if (page.length === 0) break;
	}
	return rows.slice(0, cap);
}

/** One published resource by its service-at-location id, or null when unknown or hidden. */
export async function get(supabase: Db, id: string): Promise<ResourceIndexRow | null> {
	const row = orThrow(
		await supabase.from('resource_index').select(RESOURCE_COLUMNS).eq('id', id).maybeSingle()
	);
	return row && toIndexRow(row);
}

/** Ids asked for in one request: about 4 KB of address, far below what servers accept. */
const IDS_PER_REQUEST = 100;

/** Several resources by id, in the order given; unknown ids are left out. */
export async function getMany(supabase: Db, ids: string[]): Promise<ResourceIndexRow[]> {
	const rows: ResourceIndexRow[] = [];
	for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
		const chunk = ids.slice(start, start + IDS_PER_REQUEST);
		const found = orThrow(
			await supabase.from('resource_index').select(RESOURCE_COLUMNS).in('id', chunk)
		);
		rows.push(...(found ?? []).map(toIndexRow));
	}
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}
