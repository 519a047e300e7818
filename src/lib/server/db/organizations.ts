// Organizations: the entries of the directory, their life cycle (pending → active → paused /
// dormant / closed → archived) and trust tier (self_declared → vouched → verified).
import { z } from 'zod';
import type { Db } from './client.ts';
import type { Tables } from './database.types.ts';
import type { Registration } from '#lib/domain/registration/index.ts';
import { orThrow } from './errors.ts';

// The values the schema's check constraints allow (the columns are text).
const organizationStatus = z.enum([
	'pending',
	'active',
	'paused',
	'dormant',
	'closed',
	'rejected',
	'archived'
]);
const trustTier = z.enum(['self_declared', 'vouched', 'verified']);
export type OrganizationStatus = z.infer<typeof organizationStatus>;
export type TrustTier = z.infer<typeof trustTier>;

const COLUMNS =
	'id, name, category, legal_status, description_fr, description_nl, description_en, status, trust_tier, vouched_by_organization_id, assured_date, paused_until, created_at, updated_at';

type OrganizationRow = Pick<
	Tables<'organizations'>,
	| 'id'
	| 'name'
	| 'category'
	| 'legal_status'
	| 'description_fr'
	| 'description_nl'
	| 'description_en'
	| 'status'
	| 'trust_tier'
	| 'vouched_by_organization_id'
	| 'assured_date'
	| 'paused_until'
	| 'created_at'
	| 'updated_at'
>;

/** An organization as the app reads it: the row of COLUMNS with its status and tier checked. */
export type Organization = Omit<OrganizationRow, 'status' | 'trust_tier'> & {
	status: OrganizationStatus;
	trust_tier: TrustTier;
};

function toOrganization(row: OrganizationRow): Organization {
	return {
		...row,
		status: organizationStatus.parse(row.status),
		trust_tier: trustTier.parse(row.trust_tier)
	};
}

export type OrganizationFields = Pick<
	Organization,
	'name' | 'category' | 'legal_status' | 'description_fr' | 'description_nl' | 'description_en'
>;

/** One organization the caller may read, or null. */
export async function get(supabase: Db, id: string): Promise<Organization | null> {
	const row = orThrow(
		await supabase.from('organizations').select(COLUMNS).eq('id', id).maybeSingle()
	);
	return row && toOrganization(row);
}

/** Organizations by id (those the caller may read), newest first. */
export async function listByIds(supabase: Db, ids: string[]): Promise<Organization[]> {
	if (ids.length === 0) return [];
	const rows =
		orThrow(
			await supabase
				.from('organizations')
				.select(COLUMNS)
				.in('id', ids)
				.order('created_at', { ascending: false })
		) ?? [];
	return rows.map(toOrganization);
}

/** Organizations in one of `statuses`, oldest first (a moderation queue). */
export async function listByStatus(
	supabase: Db,
	statuses: OrganizationStatus[],
	limit = 100
): Promise<Organization[]> {
	const rows =
		orThrow(
			await supabase
				.from('organizations')
				.select(COLUMNS)
				.in('status', statuses)
				.order('created_at')
				.limit(limit)
		) ?? [];
	return rows.map(toOrganization);
}

/** Changes an organization's fields; throws not_found when the caller may not change it. */
export async function update(
	supabase: Db,
	id: string,
	patch: Partial<OrganizationFields> &
		Partial<
			Pick<Organization, 'status' | 'trust_tier' | 'vouched_by_organization_id' | 'paused_until'>
		>
): Promise<void> {
	orThrow(await supabase.from('organizations').update(patch).eq('id', id).select('id').single());
}

/** Moves an organization to `status` (the database checks the transition and who may make it). */
export async function setStatus(
	supabase: Db,
	id: string,
	status: OrganizationStatus,
	pausedUntil: string | null = null
): Promise<void> {
	await update(supabase, id, { status, paused_until: pausedUntil });
}

/** Marks an organization as vouched for by `byOrganizationId` (moderators only). */
export async function vouch(supabase: Db, id: string, byOrganizationId: string): Promise<void> {
	await update(supabase, id, {
		trust_tier: 'vouched',
		vouched_by_organization_id: byOrganizationId
	});
}

/** Marks an organization as verified by the platform (moderators only). */
export async function verify(supabase: Db, id: string): Promise<void> {
	await update(supabase, id, { trust_tier: 'verified' });
}

/** Deletes an organization (owners of never-published entries, admins). */
export async function remove(supabase: Db, id: string): Promise<void> {
	orThrow(await supabase.from('organizations').delete().eq('id', id));
}

/** The organization categories with labels, in display order. */
export async function listCategories(
	supabase: Db
): Promise<{ code: string; label_fr: string; label_nl: string; label_en: string }[]> {
	return (
		orThrow(
			await supabase
				.from('categories')
				.select('code, label_fr, label_nl, label_en')
				.order('sort_order')
		) ?? []
	);
}

/**
 * Saves a validated registration as a pending, self-declared organization with one service at
 * one location and its channels, in one database transaction (register_organization): either
 * everything is written or nothing. The caller becomes its owner. Returns its id.
 */
export async function register(
	supabase: Db,
	input: { registration: Registration; quartierPoint: { lon: number; lat: number } }
): Promise<string> {
	const { who, offer, when, where, contact } = input.registration;
	const id = orThrow(
		await supabase.rpc('register_organization', {
			p_organization: {
				name: who.name,
				category: who.category,
				legal_status: who.legal_status ?? null,
				description_fr: who.description_fr ?? null,
				description_nl: who.description_nl ?? null,
				description_en: who.description_en ?? null
			},
			p_service: {
				support_kinds: offer.support_kinds,
				target_groups: offer.target_groups,
				languages: offer.languages,
				eligibility_description: offer.eligibility_description ?? null,
				cost: offer.cost,
				cost_note: offer.cost_note ?? null,
				accepting_new: offer.accepting_new,
				schedules: when.opening_hours ?? null,
				schedule_kind: when.schedule_kind
			},
			p_location: {
				name: where.location_name ?? null,
				address: where.address ?? null,
				location_precision: where.place_kind === 'address' ? 'street' : 'quartier',
				lon: input.quartierPoint.lon,
				lat: input.quartierPoint.lat,
				mdrc: where.mdrc,
				partner_venue_name: where.partner_venue_name ?? null
			},
			p_channels: contact.channels.map(({ kind, value, public: isPublic }) => ({
				kind,
				value,
				public: isPublic
			}))
		})
	);
	if (typeof id !== 'string') throw new Error('the registration returned no id');
	return id;
}

/**
 * Records that a published entry is still active today (its members only; a dormant entry
 * becomes active). The database sets the date: nobody chooses their own "confirmed on" date.
 */
export async function confirm(supabase: Db, id: string): Promise<void> {
	orThrow(await supabase.rpc('confirm_organization_active', { p_organization_id: id }));
}
