// The directory as it leaves Nabij in an export: every published entry with the columns a
// spreadsheet or a map needs. Read through the caller's client, so RLS decides what is published.
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';
import type { DirectoryEntry } from '#lib/domain/export/directory.ts';

// One literal each, so the typed client infers the rows' shape. The view's own `contacts`
// column costs a subquery per row (seconds for a thousand rows); the channels are read apart.
const EXPORT_COLUMNS =
	'id, organization_id, service_id, organization_name, service_name, category, description_fr, description_nl, description_en, support_kinds, target_groups, languages, accepting_new, cost, cost_note, eligibility_description, accessibility, schedules, schedule_kind, address, location_precision, lon, lat, mdrc, quartier_name_fr, quartier_name_nl, nis, trust_tier, status, assured_date, updated_at';
const CHANNEL_COLUMNS = 'organization_id, service_id, kind, value, label, public, sort_order';

/** Rows one API request returns at most (Supabase's default `max_rows`). */
const PAGE_ROWS = 1000;

// The view's text columns, checked against what the schema's constraints allow.
const checkedSchema = z.object({
	location_precision: z.enum(['exact', 'street', 'quartier']),
	accepting_new: z.enum(['open', 'waitlist', 'full']),
	trust_tier: z.enum(['self_declared', 'vouched', 'verified']),
	status: z.enum(['active', 'paused', 'dormant']),
	schedule_kind: z.enum(['hours', 'by_appointment', 'irregular']),
	cost: z.enum(['free', 'contribution', 'paid'])
});
const channelKind = z.enum(['phone', 'email', 'website', 'whatsapp', 'relay']);

type Page<Row> = { data: Row[] | null; error: unknown; count: number | null };

/**
 * Every row of a query read page by page: the API returns at most its max_rows per request,
 * whatever range is asked, so pages follow until the count the first page reported.
 */
async function allPages<Row>(
	read: (from: number, to: number, count: boolean) => PromiseLike<Page<Row>>
): Promise<Row[]> {
	const rows: Row[] = [];
	let total = Infinity;
	while (rows.length < total) {
		const result = await read(rows.length, rows.length + PAGE_ROWS - 1, rows.length === 0);
		const page = orThrow(result as never) as Row[] | null;
		if (rows.length === 0) total = result.count ?? 0;
		if (!page?.length) break;
		rows.push(...page);
	}
	return rows;
}

type ExportRow = { organization_id: string; service_id: string } & Omit<
	DirectoryEntry,
	'contacts' | keyof z.infer<typeof checkedSchema>
>;
type ChannelRow = {
	organization_id: string;
	service_id: string | null;
	kind: string;
	value: string;
	label: string | null;
	public: boolean;
};

/** Entries with their channels: the organisation's own and the service's, as the view has them. */
function withContacts(rows: ExportRow[], channels: ChannelRow[]): DirectoryEntry[] {
	const byOrganization = Map.groupBy(channels, (c) => c.organization_id);
	return rows.map(({ organization_id, service_id, ...row }) => ({
		...row,
		...checkedSchema.parse(row),
		contacts: (byOrganization.get(organization_id) ?? [])
			.filter((c) => c.service_id === null || c.service_id === service_id)
			.map((c) => ({
				kind: channelKind.parse(c.kind),
				value: c.value,
				label: c.label,
				public: c.public
			}))
	}));
}

/** Public channels of published organisations, ordered as the view orders them. */
function publicChannels(supabase: Db, organizationIds?: string[]) {
	return allPages((from, to, count) => {
		const query = supabase
			.from('contact_channels')
			.select(CHANNEL_COLUMNS, count ? { count: 'exact' } : {})
			.eq('public', true);
		return (organizationIds ? query.in('organization_id', organizationIds) : query)
			.order('organization_id')
			.order('sort_order')
			.order('kind')
			.order('value')
			.range(from, to);
	});
}

/**
 * Every published entry (service at a location), ordered by id, with its public contact
 * channels only (non-public ones are not even read). Quartier-only entries carry their
 * quartier's point and no address, as the view gives them.
 *
 * @example await directoryExport.list(locals.supabase)
 */
export async function list(supabase: Db): Promise<DirectoryEntry[]> {
	const [rows, channels] = await Promise.all([
		allPages((from, to, count) =>
			supabase
				.from('resource_index')
				.select(EXPORT_COLUMNS, count ? { count: 'exact' } : {})
				.order('id')
				.range(from, to)
		),
		publicChannels(supabase)
	]);
	return withContacts(rows, channels);
}

/** Ids per request when reading by id: about 4 kB of address, well within any proxy's limit. */
const IDS_PER_REQUEST = 100;

/**
 * Published entries by id, in the order given (unknown or hidden ids left out), as {@link list}
 * gives them; for a search's results, cheaper than reading the whole directory.
 */
export async function getMany(supabase: Db, ids: string[]): Promise<DirectoryEntry[]> {
	const rows: ExportRow[] = [];
	for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
		const chunk = ids.slice(i, i + IDS_PER_REQUEST);
		rows.push(
			...(orThrow(await supabase.from('resource_index').select(EXPORT_COLUMNS).in('id', chunk)) ??
				[])
		);
	}
	const organizations = [...new Set(rows.map((r) => r.organization_id))];
	const channels: ChannelRow[] = [];
	for (let i = 0; i < organizations.length; i += IDS_PER_REQUEST) {
		channels.push(...(await publicChannels(supabase, organizations.slice(i, i + IDS_PER_REQUEST))));
	}
	const byId = new Map(withContacts(rows, channels).map((entry) => [entry.id, entry]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}
