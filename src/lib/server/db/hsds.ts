// What the HSDS read API and export read: published organizations, services, locations, their
// links and public contact channels, a page at a time. The caller passes an anonymous client,
// so Row Level Security decides what leaves: only published entries, only public channels,
// and quartier-only locations hold nothing but their quartier's point.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { Db } from './client.ts';
import type {
	ChannelRow,
	LocationRow,
	OrganizationRow,
	OurTerm,
	ServiceRow
} from '#lib/domain/hsds/index.ts';
import { orThrow } from './errors.ts';

const ORGANIZATION =
	'id, name, alternate_name, description_fr, description_nl, description_en, legal_status, category, status, trust_tier, assured_date, updated_at';
const SERVICE =
	'id, organization_id, name, description_fr, description_nl, description_en, support_kinds, target_groups, languages, eligibility_description, accessibility, cost, cost_note, accepting_new, schedules, schedule_kind, updated_at';
const LOCATION =
	'id, organization_id, name, address, location_precision, lon, lat, mdrc, partner_venue_name';
const CHANNEL = 'id, organization_id, service_id, kind, value, label, sort_order';
const TERM =
	'code, label_fr, label_nl, label_en, definition_fr, definition_nl, definition_en, sort_order';

/** Rows `[from, to]` (inclusive, from 0), as PostgREST's Range. */
export type RowRange = { from: number; to: number };

/** What the service lists narrow on; arrays match any of their codes. */
export type ServiceFilters = {
	search?: string;
	supportKinds?: string[];
	targetGroups?: string[];
	languages?: string[];
	/** One more language the service must be offered in (ISO 639). */
	language?: string;
	category?: string;
	organizationId?: string;
	/** ISO date-time: only services changed at or after it. */
	modifiedAfter?: string;
	/** Only services with a location in this quartier (mdrc). */
	quartier?: number;
};

/** A page of rows and how many match in all. */
export type Page<T> = { rows: T[]; total: number };

export type ServiceWithOrganization = ServiceRow & { organizations: OrganizationRow };
export type LinkRow = {
	id: string;
	service_id: string;
	location_id: string;
	services: ServiceWithOrganization;
	locations: LocationRow;
};

// The selects below are built from parts (embeds and filters depend on the request), which the
// typed client cannot follow; the rows are typed by the column lists above instead.
function untyped(supabase: Db): SupabaseClient {
	return supabase as unknown as SupabaseClient;
}

/** A `*word*` ilike pattern for an or=(…) filter: quoted, LIKE wildcards taken literally. */
function pattern(search: string): string {
	const literal = search.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll('*', ' ');
	return `"*${literal.replace(/["\\]/g, (c) => `\\${c}`)}*"`;
}

function textSearch(columns: string[], search: string): string {
	const p = pattern(search);
	return columns.map((c) => `${c}.ilike.${p}`).join(',');
}

type Result = { data: unknown; error: PostgrestError | null; count?: number | null };

// PostgREST answers 416 (PGRST103) for a range that starts past the last row.
function pastTheEnd(result: Result): boolean {
	return result.error?.code === 'PGRST103';
}

/** The methods of a PostgREST filter builder the service filters use. */
interface Filterable {
	or(filters: string, options?: { referencedTable?: string }): Filterable;
	overlaps(column: string, value: string[]): Filterable;
	eq(column: string, value: string | number | boolean): Filterable;
	gte(column: string, value: string): Filterable;
}

/** Applies the service filters; `table` names the embedded services when they are not the root. */
function narrow<Q>(builder: Q, filters: ServiceFilters, table?: string): Q {
	let query = builder as unknown as Filterable;
	const col = (c: string) => (table ? `${table}.${c}` : c);
	if (filters.search) {
		const columns = ['name', 'description_fr', 'description_nl', 'description_en'];
		query = query.or(textSearch(columns, filters.search), table ? { referencedTable: table } : {});
	}
	if (filters.supportKinds) query = query.overlaps(col('support_kinds'), filters.supportKinds);
	if (filters.targetGroups) query = query.overlaps(col('target_groups'), filters.targetGroups);
	if (filters.languages) query = query.overlaps(col('languages'), filters.languages);
	if (filters.language) query = query.overlaps(col('languages'), [filters.language]);
	if (filters.organizationId) query = query.eq(col('organization_id'), filters.organizationId);
	if (filters.modifiedAfter) query = query.gte(col('updated_at'), filters.modifiedAfter);
	if (filters.category) query = query.eq(col('organizations.category'), filters.category);
	return query as unknown as Q;
}

// A page is read in two steps: the ids of the page (with the count), then those rows with
// their embeds. PostgreSQL computes a row's select list even for rows an OFFSET skips, so
// selecting the embeds directly would cost as much as every page before the one asked for.

/** Ids of one page of a query that selects only `id`; null when the page starts past the end. */
async function idsOf(
	query: PromiseLike<Result> & {
		order: (c: string) => { range: (f: number, t: number) => PromiseLike<Result> };
	},
	range: RowRange
): Promise<{ ids: string[]; total: number } | null> {
	const result = await query.order('id').range(range.from, range.to);
	if (pastTheEnd(result)) return null;
	const rows = (orThrow(result) ?? []) as { id: string }[];
	return { ids: rows.map((r) => r.id), total: result.count ?? 0 };
}

/** Reads the rows of a page's ids with their embeds, in id order. */
async function rowsOf<T>(
	supabase: Db,
	table: string,
	select: string,
	ids: string[],
	extra?: (q: Filterable) => Filterable
): Promise<T[]> {
	if (ids.length === 0) return [];
	let query = untyped(supabase).from(table).select(select).in('id', ids) as unknown as Filterable;
	if (extra) query = extra(query);
	const result = await (query as unknown as { order: (c: string) => PromiseLike<Result> }).order(
		'id'
	);
	return (orThrow(result) ?? []) as T[];
}

/**
 * One page of published services by id, each with its organization. The database selects the
 * page (range + exact count), so the cost follows the page asked for, not the directory.
 */
export async function listServices(
	supabase: Db,
	filters: ServiceFilters,
	range: RowRange
): Promise<Page<ServiceWithOrganization>> {
	// Empty embeds only filter. RLS already keeps services of unpublished organizations out, so
	// the organization is joined only to filter on its category.
	const embeds: string[] = [];
	if (filters.category) embeds.push('organizations!inner()');
	if (filters.quartier !== undefined) embeds.push('service_at_location!inner(locations!inner())');
	let query = narrow(
		untyped(supabase)
			.from('services')
			.select(['id', ...embeds].join(', '), { count: 'exact' }),
		filters
	);
	if (filters.quartier !== undefined) {
		query = query.eq('service_at_location.locations.mdrc', filters.quartier);
	}
	const page = await idsOf(query, range);
	if (!page)
		return { rows: [], total: (await listServices(supabase, filters, { from: 0, to: 0 })).total };
	const rows = await rowsOf<ServiceWithOrganization>(
		supabase,
		'services',
		`${SERVICE}, organizations!inner(${ORGANIZATION})`,
		page.ids
	);
	return { rows, total: page.total };
}

/**
 * One page of published service_at_location links by id, each with its service (and the
 * service's organization) and its location.
 */
export async function listLinks(
	supabase: Db,
	filters: ServiceFilters,
	range: RowRange
): Promise<Page<LinkRow>> {
	// As for services: RLS keeps unpublished entries out; a table is joined only to filter on it.
	const { quartier, category, ...onService } = filters;
	const embeds: string[] = [];
	if (category) embeds.push('services!inner(organizations!inner())');
	else if (Object.values(onService).some((v) => v !== undefined)) embeds.push('services!inner()');
	if (quartier !== undefined) embeds.push('locations!inner()');
	let query = untyped(supabase)
		.from('service_at_location')
		.select(['id', ...embeds].join(', '), { count: 'exact' });
	if (embeds.some((e) => e.startsWith('services'))) query = narrow(query, filters, 'services');
	if (quartier !== undefined) query = query.eq('locations.mdrc', quartier);
	const page = await idsOf(query, range);
	if (!page)
		return { rows: [], total: (await listLinks(supabase, filters, { from: 0, to: 0 })).total };
	const rows = await rowsOf<LinkRow>(
		supabase,
		'service_at_location',
		`id, service_id, location_id, services!inner(${SERVICE}, organizations!inner(${ORGANIZATION})), locations!inner(${LOCATION})`,
		page.ids
	);
	return { rows, total: page.total };
}

/** One page of published organizations by id, with their public channels. */
export async function listOrganizations(
	supabase: Db,
	filters: { search?: string },
	range: RowRange
): Promise<Page<OrganizationRow & { contact_channels: ChannelRow[] }>> {
	let query = untyped(supabase).from('organizations').select('id', { count: 'exact' });
	if (filters.search) {
		query = query.or(
			textSearch(
				['name', 'alternate_name', 'description_fr', 'description_nl', 'description_en'],
				filters.search
			)
		);
	}
	const page = await idsOf(query, range);
	if (!page) {
		return {
			rows: [],
			total: (await listOrganizations(supabase, filters, { from: 0, to: 0 })).total
		};
	}
	const rows = await rowsOf<OrganizationRow & { contact_channels: ChannelRow[] }>(
		supabase,
		'organizations',
		`${ORGANIZATION}, contact_channels(${CHANNEL})`,
		page.ids,
		(q) => q.eq('contact_channels.public', true)
	);
	return { rows, total: page.total };
}

/** Everything a fully nested organization shows, or null when it is not published. */
export async function getOrganization(
	supabase: Db,
	id: string
): Promise<{
	organization: OrganizationRow;
	services: ServiceRow[];
	locations: LocationRow[];
	channels: ChannelRow[];
} | null> {
	const row = orThrow(
		await untyped(supabase)
			.from('organizations')
			.select(
				`${ORGANIZATION}, services(${SERVICE}), locations(${LOCATION}), contact_channels(${CHANNEL})`
			)
			.eq('id', id)
			.eq('contact_channels.public', true)
			.order('id', { referencedTable: 'services' })
			.order('id', { referencedTable: 'locations' })
			.order('sort_order', { referencedTable: 'contact_channels' })
			.maybeSingle()
	) as
		| (OrganizationRow & {
				services: ServiceRow[];
				locations: LocationRow[];
				contact_channels: ChannelRow[];
		  })
		| null;
	if (!row) return null;
	const { services, locations, contact_channels, ...organization } = row;
	return { organization, services, locations, channels: contact_channels };
}

/** Everything a fully nested service shows, or null when it is not published. */
export async function getService(
	supabase: Db,
	id: string
): Promise<{
	service: ServiceRow;
	organization: OrganizationRow;
	locations: { id: string; location: LocationRow }[];
	channels: ChannelRow[];
} | null> {
	const row = orThrow(
		await untyped(supabase)
			.from('services')
			.select(
				`${SERVICE}, organizations!inner(${ORGANIZATION}, contact_channels(${CHANNEL})), service_at_location(id, locations(${LOCATION}))`
			)
			.eq('id', id)
			.eq('organizations.contact_channels.public', true)
			.order('id', { referencedTable: 'service_at_location' })
			.maybeSingle()
	) as
		| (ServiceRow & {
				organizations: OrganizationRow & { contact_channels: ChannelRow[] };
				service_at_location: { id: string; locations: LocationRow | null }[];
		  })
		| null;
	if (!row) return null;
	const { organizations, service_at_location, ...service } = row;
	const { contact_channels, ...organization } = organizations;
	return {
		service,
		organization,
		locations: service_at_location.flatMap((l) =>
			l.locations ? [{ id: l.id, location: l.locations }] : []
		),
		channels: contact_channels.sort((a, b) => a.sort_order - b.sort_order)
	};
}

/** One published service_at_location link with its service's parts, or null. */
export async function getLink(
	supabase: Db,
	id: string
): Promise<{ id: string; serviceId: string; location: LocationRow } | null> {
	const row = orThrow(
		await untyped(supabase)
			.from('service_at_location')
			.select(`id, service_id, locations!inner(${LOCATION})`)
			.eq('id', id)
			.maybeSingle()
	) as { id: string; service_id: string; locations: LocationRow } | null;
	return row && { id: row.id, serviceId: row.service_id, location: row.locations };
}

/** The three taxonomy tables with labels and definitions, in display order. */
export async function loadTaxonomy(
	supabase: Db
): Promise<{ categories: OurTerm[]; supportKinds: OurTerm[]; targetGroups: OurTerm[] }> {
	const [categories, supportKinds, targetGroups] = await Promise.all([
		supabase.from('categories').select(TERM).order('sort_order'),
		supabase.from('support_kinds').select(`${TERM}, parent_code`).order('sort_order'),
		supabase.from('target_groups').select(TERM).order('sort_order')
	]);
	return {
		categories: orThrow(categories) ?? [],
		supportKinds: orThrow(supportKinds) ?? [],
		targetGroups: orThrow(targetGroups) ?? []
	};
}

/** A published organization with everything it publishes, for the whole-directory export. */
export type OrganizationTree = OrganizationRow & {
	services: ServiceRow[];
	locations: LocationRow[];
	contact_channels: ChannelRow[];
};

// Organizations per request when reading the whole directory: their embeds ride along, so
// well under the API's row cap.
const TREE_PAGE = 200;

/** Every published organization with its services, locations and public channels, by id. */
export async function readAllOrganizations(supabase: Db): Promise<OrganizationTree[]> {
	const all: OrganizationTree[] = [];
	for (let from = 0; ; from += TREE_PAGE) {
		const page = (orThrow(
			await untyped(supabase)
				.from('organizations')
				.select(
					`${ORGANIZATION}, services(${SERVICE}), locations(${LOCATION}), contact_channels(${CHANNEL})`
				)
				.eq('contact_channels.public', true)
				.order('id')
				.range(from, from + TREE_PAGE - 1)
		) ?? []) as OrganizationTree[];
		all.push(...page);
		if (page.length < TREE_PAGE) return all;
	}
}

/** Every published service_at_location link, by id. */
export async function readAllLinks(
	supabase: Db
): Promise<{ id: string; service_id: string; location_id: string }[]> {
	const all: { id: string; service_id: string; location_id: string }[] = [];
	const size = 1000;
	for (let from = 0; ; from += size) {
		const page =
			orThrow(
				await supabase
					.from('service_at_location')
					.select('id, service_id, location_id')
					.order('id')
					.range(from, from + size - 1)
			) ?? [];
		all.push(...page);
		if (page.length < size) return all;
	}
}
