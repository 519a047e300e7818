// Moderation decisions that touch more than one table: applying a change request, and telling
// an entry's editors what was decided (each in their own e-mail language).
import type { SupabaseClient } from '@supabase/supabase-js';
import { publicOrigin } from '#lib/server/config.ts';
import * as moderation from '#lib/server/db/moderation.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import * as services from '#lib/server/db/services.ts';
import { getMailer } from '#lib/server/mail/index.ts';
import { approvalMail, changesRequestedMail, rejectionMail } from '#lib/server/mail/templates.ts';
import type { ProposedChanges } from '../diff.ts';

const ORGANIZATION_FIELDS = ['name', 'description_fr', 'description_nl', 'description_en'] as const;
const SERVICE_FIELDS = [
	'accepting_new',
	'eligibility_description',
	'schedules',
	'schedule_kind'
] as const;

function pick<K extends string>(source: Record<string, unknown> | undefined, keys: readonly K[]) {
	const out: Partial<Record<K, string | null>> = {};
	for (const key of keys) {
		if (source && key in source) {
			const value = source[key];
			out[key] = typeof value === 'string' && value !== '' ? value : null;
		}
	}
	return out;
}

/** Applies a pending change request to the organization and its service, and marks it applied. */
export async function applyChange(
	supabase: SupabaseClient,
	input: { changeId: string; organization: organizations.Organization; moderatorId: string }
): Promise<void> {
	const change = await moderation.getChange(supabase, input.changeId);
	if (!change || change.organization_id !== input.organization.id || change.status !== 'pending') {
		throw new Error('change request not pending for this organization');
	}
	const proposed = change.changes as ProposedChanges;
	const orgPatch = pick(proposed.organization, ORGANIZATION_FIELDS);
	if (Object.keys(orgPatch).length) {
		await organizations.update(supabase, input.organization.id, orgPatch as never);
	}
	const servicePatch = pick(proposed.service, SERVICE_FIELDS);
	const serviceId = proposed.service?.id ?? null;
	if (serviceId && Object.keys(servicePatch).length) {
		await services.update(supabase, serviceId, servicePatch as never);
	}
	await moderation.decideChange(supabase, {
		id: change.id,
		status: 'applied',
		decided_by: input.moderatorId
	});
	await moderation.addHistory(supabase, {
		organization_id: input.organization.id,
		actor_id: input.moderatorId,
		action: 'note',
		note: 'change request applied',
		diff: { change_request_id: change.id, ...proposed }
	});
}

/** Mails every editor of `organization` about a decision. */
export async function notifyEditors(
	event: { locals: App.Locals },
	organization: { id: string; name: string },
	decision: 'approved' | 'changes' | 'rejected',
	message = ''
): Promise<void> {
	const supabase = event.locals.supabase;
	const mailer = getMailer(supabase);
	const origin = publicOrigin();
	const entry = { name: organization.name, origin };
	for (const editor of await moderation.editorContacts(supabase, organization.id)) {
		const mail =
			decision === 'approved'
				? approvalMail(editor, entry)
				: decision === 'changes'
					? changesRequestedMail(editor, { ...entry, message })
					: rejectionMail(editor, { ...entry, reason: message });
		await mailer.send(mail);
	}
}
