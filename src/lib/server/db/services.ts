// Services: what an organization offers (support kinds, target groups, languages, schedule).
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

// The values the schema's check constraints allow (the columns are text).
const cost = z.enum(['free', 'contribution', 'paid']);
const acceptingNew = z.enum(['open', 'waitlist', 'full']);
const scheduleKind = z.enum(['hours', 'by_appointment', 'irregular']);

export type ServiceInput = {
	organization_id: string;
	name: string;
	description_fr?: string | null;
	description_nl?: string | null;
	description_en?: string | null;
	support_kinds: string[];
	target_groups: string[];
	languages: string[];
	eligibility_description?: string | null;
	cost: z.infer<typeof cost>;
	cost_note?: string | null;
	accepting_new: z.infer<typeof acceptingNew>;
	schedules?: string | null;
	schedule_kind: z.infer<typeof scheduleKind>;
};

export type Service = ServiceInput & { id: string };

const COLUMNS =
	'id, organization_id, name, description_fr, description_nl, description_en, support_kinds, target_groups, languages, eligibility_description, cost, cost_note, accepting_new, schedules, schedule_kind';

/** Creates a service and returns its id. */
export async function create(supabase: Db, input: ServiceInput): Promise<string> {
	const row = orThrow(await supabase.from('services').insert(input).select('id').single());
	if (!row) throw new Error('the insert returned no row');
	return row.id;
}

/** The services of an organization the caller can read. */
export async function listForOrganization(
	supabase: Db,
	organizationId: string
): Promise<Service[]> {
	const rows =
		orThrow(
			await supabase
				.from('services')
				.select(COLUMNS)
				.eq('organization_id', organizationId)
				.order('created_at')
		) ?? [];
	return rows.map((row) => ({
		...row,
		cost: cost.parse(row.cost),
		accepting_new: acceptingNew.parse(row.accepting_new),
		schedule_kind: scheduleKind.parse(row.schedule_kind)
	}));
}

/** Updates a service's fields. */
export async function update(
	supabase: Db,
	id: string,
	patch: Partial<Omit<ServiceInput, 'organization_id'>>
): Promise<void> {
	const rows = orThrow(await supabase.from('services').update(patch).eq('id', id).select('id'));
	if (!rows?.length) throw new Error('service not updated');
}

/** Links a service to a location of the same organization. */
export async function linkLocation(
	supabase: Db,
	link: { organization_id: string; service_id: string; location_id: string }
): Promise<void> {
	orThrow(await supabase.from('service_at_location').insert(link));
}

export type TaxonomyOption = {
	code: string;
	label_fr: string;
	label_nl: string;
	label_en: string;
	parent_code?: string | null;
};

/** Support kinds (groups have no parent) and target groups, in display order. */
export async function listTaxonomy(
	supabase: Db
): Promise<{ supportKinds: TaxonomyOption[]; targetGroups: TaxonomyOption[] }> {
	const [kinds, groups] = await Promise.all([
		supabase
			.from('support_kinds')
			.select('code, parent_code, label_fr, label_nl, label_en')
			.order('sort_order'),
		supabase.from('target_groups').select('code, label_fr, label_nl, label_en').order('sort_order')
	]);
	return { supportKinds: orThrow(kinds) ?? [], targetGroups: orThrow(groups) ?? [] };
}
