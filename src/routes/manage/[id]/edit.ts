// Editing an entry: which edits need a moderator, and the change request they become.
import type { Edit } from '#lib/domain/registration/index.ts';

type OrganizationLike = {
	name: string;
	status: string;
	trust_tier: string;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
};
type ServiceLike = {
	accepting_new: string;
	eligibility_description?: string | null;
	schedules?: string | null;
	schedule_kind: string;
};

/**
 * Changes to a published entry wait for a moderator unless the organization is verified: what
 * the public sees was checked once, and a verified organization has been checked by the platform.
 * Entries not yet published (pending, rejected) change directly: a moderator reviews them anyway.
 */
export function needsModeration(organization: { status: string; trust_tier: string }): boolean {
	const published = ['active', 'paused', 'dormant'].includes(organization.status);
	return published && organization.trust_tier !== 'verified';
}

/** The edit form's values for an entry. */
export function editValues(organization: OrganizationLike, service: ServiceLike | null) {
	return {
		name: organization.name,
		description_fr: organization.description_fr ?? '',
		description_nl: organization.description_nl ?? '',
		description_en: organization.description_en ?? '',
		accepting_new: service?.accepting_new ?? 'open',
		eligibility_description: service?.eligibility_description ?? '',
		schedule_kind: service?.schedule_kind ?? 'irregular',
		opening_hours: service?.schedules ?? ''
	};
}

/**
 * A validated edit as organization and service patches (the shape of change_requests.changes).
 * No row ids: the database applies a change request to its own organization and service.
 */
export function toChanges(edit: Edit) {
	return {
		organization: {
			name: edit.name,
			description_fr: edit.description_fr ?? null,
			description_nl: edit.description_nl ?? null,
			description_en: edit.description_en ?? null
		},
		service: {
			accepting_new: edit.accepting_new,
			eligibility_description: edit.eligibility_description ?? null,
			schedule_kind: edit.schedule_kind,
			schedules: edit.schedule_kind === 'hours' ? (edit.opening_hours ?? null) : null
		}
	};
}
