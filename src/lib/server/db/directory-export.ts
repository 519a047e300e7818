// The directory as it leaves Nabij in an export: every published entry with the columns a
// spreadsheet or a map needs. Read through the caller's client, so RLS decides what is published.
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';
import type { DirectoryEntry } from '#lib/domain/export/directory.ts';

// One literal, so the typed client infers the rows' shape.
const EXPORT_COLUMNS =
	'id, organization_name, service_name, category, description_fr, description_nl, description_en, support_kinds, target_groups, languages, accepting_new, cost, cost_note, eligibility_description, accessibility, schedules, schedule_kind, address, location_precision, lon, lat, mdrc, quartier_name_fr, quartier_name_nl, nis, contacts, trust_tier, status, assured_date, updated_at';

/** Rows one API request returns at most (Supabase's default `max_rows`). */
const PAGE_ROWS = 1000;

// The view's text and jsonb columns, checked against what the schema's constraints allow.
const checkedSchema = z.object({
	location_precision: z.enum(['exact', 'street', 'quartier']),
	accepting_new: z.enum(['open', 'waitlist', 'full']),
	trust_tier: z.enum(['self_declared', 'vouched', 'verified']),
	status: z.enum(['active', 'paused', 'dormant']),
	schedule_kind: z.enum(['hours', 'by_appointment', 'irregular']),
	cost: z.enum(['free', 'contribution', 'paid']),
	contacts: z
		.array(
			z.object({
				kind: z.enum(['phone', 'email', 'website', 'whatsapp', 'relay']),
				value: z.string(),
				label: z.string().nullable(),
				public: z.boolean()
			})
		)
		.nullable()
		.transform((contacts) => contacts ?? [])
});

/**
 * Every published entry (service at a location), ordered by id. Quartier-only entries carry
 * their quartier's point and no address, as the view gives them. Contacts are as RLS returns
 * them: the exporters keep the public ones only.
 *
 * @example await directoryExport.list(locals.supabase)
 */
export async function list(supabase: Db): Promise<DirectoryEntry[]> {
	const entries: DirectoryEntry[] = [];
	let total = Infinity;
	// The API returns at most its max_rows per request, whatever range is asked: read in pages
	// until the count the first page reported is reached.
	while (entries.length < total) {
		const result = await supabase
			.from('resource_index')
			.select(EXPORT_COLUMNS, entries.length === 0 ? { count: 'exact' } : {})
			.order('id')
			.range(entries.length, entries.length + PAGE_ROWS - 1);
		const page = orThrow(result) ?? [];
		if (entries.length === 0) total = result.count ?? 0;
		if (page.length === 0) break;
		for (const row of page) entries.push({ ...row, ...checkedSchema.parse(row) });
	}
	return entries;
}
