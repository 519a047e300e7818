// Data for the coverage dashboard, read through the visitor's Supabase client (RLS applies).
// Geography and taxonomy are reference data, read and kept in reference.ts. Resources, field
// checks and need signals change and are read on every request.
import { z } from 'zod';
import type {
	NeedSignalCountInput,
	ResourceInput,
	ResourceStatus,
	SurveyInput
} from '#lib/domain/coverage/index.ts';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';
import { readAll } from './pages.ts';
import { toNumber } from './reference.ts';

export {
	clearReferenceCache,
	coverageTaxonomy as taxonomy,
	geography,
	type Commune,
	type CoverageTaxonomy as Taxonomy,
	type Geography,
	type QuartierWithGeometry,
	type TaxonomyTerm
} from './reference.ts';

/** A field check with the organisation that made it. */
export interface Survey extends SurveyInput {
	note: string | null;
}

// need_signals.outcome is text with a check constraint.
const signalOutcome = z.enum(['found', 'not_found']);

// resource_index lists published entries only; `status` is text in the schema.
const PUBLISHED: readonly string[] = ['active', 'paused', 'dormant'] satisfies ResourceStatus[];
function isPublished(status: string): status is ResourceStatus {
	return PUBLISHED.includes(status);
}

/**
 * Every published resource (service at a location) with only the columns coverage needs. Large
 * pages: paging with offsets re-reads the view for every page.
 */
export async function resources(supabase: Db): Promise<ResourceInput[]> {
	const rows = await readAll((from, to) =>
		supabase
			.from('resource_index')
			.select(
				'id, category, support_kinds, lon, lat, mdrc, location_precision, status, assured_date, service_area_mdrc'
			)
			.order('id')
			.range(from, to)
	);
	return rows.flatMap((r) => {
		const status = r.status;
		// Not published (the view never lists those): it does not count as coverage.
		if (!isPublished(status)) return [];
		return [
			{
				id: String(r.id),
				category: r.category,
				support_kinds: r.support_kinds ?? [],
				lon: toNumber(r.lon),
				lat: toNumber(r.lat),
				mdrc: r.mdrc,
				location_precision: r.location_precision,
				status,
				assured_date: r.assured_date,
				service_area_mdrc: r.service_area_mdrc ?? []
			}
		];
	});
}

/** Every field check the visitor may read, with the name of the organisation that made it. */
export async function surveys(supabase: Db): Promise<Survey[]> {
	const rows = await readAll((from, to) =>
		supabase
			.from('quartier_surveys')
			.select('id, mdrc, checked_on, note, organizations(name)')
			.order('id')
			.range(from, to)
	);
	return rows.map((r) => {
		const organization = r.organizations as { name: string } | { name: string }[] | null;
		const name = Array.isArray(organization) ? organization[0]?.name : organization?.name;
		return { mdrc: r.mdrc, checked_on: r.checked_on, organization_name: name ?? '', note: r.note };
	});
}

/**
 * Need signals counted per quartier, support kind and outcome (summed over language and target
 * group). The database leaves out cells below `minCount` (at least 3) and refuses callers who
 * are not policy analysts or admins.
 */
export async function needSignals(
	supabase: Db,
	{ minCount = 5 }: { minCount?: number } = {}
): Promise<NeedSignalCountInput[]> {
	const rows = orThrow(await supabase.rpc('need_signal_counts', { min_count: minCount })) ?? [];
	return rows.map((r) => ({
		mdrc: r.mdrc,
		support_kind: r.support_kind,
		outcome: signalOutcome.parse(r.outcome),
		// bigint: may arrive as a string, depending on the server's JSON encoding.
		count: toNumber(r.signal_count) ?? 0
	}));
}
