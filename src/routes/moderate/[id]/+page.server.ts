import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requiredText } from '#lib/domain/registration/text.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import * as channels from '#lib/server/db/contact-channels.ts';
import * as locations from '#lib/server/db/locations.ts';
import * as members from '#lib/server/db/members.ts';
import * as moderation from '#lib/server/db/moderation.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import * as services from '#lib/server/db/services.ts';
import { requireRole } from '#lib/server/guards.ts';
import { diffRows, type ProposedChanges } from '../diff.ts';
import { dataErrorText, errorText } from '#lib/forms/errors.ts';
import { DataError } from '#lib/server/db/errors.ts';
import { notifyEditors } from './decide.ts';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.uuid();

export const load: PageServerLoad = async (event) => {
	const viewer = await requireRole(event, ['moderator']);
	const id = idSchema.safeParse(event.params.id);
	if (!id.success) error(404, 'Not found');
	const supabase = event.locals.supabase;
	const organization = await organizations.get(supabase, id.data);
	if (!organization) error(404, 'Not found');
	const [serviceRows, locationRows, channelRows, history, changes, memberships] = await Promise.all(
		[
			services.listForOrganization(supabase, id.data),
			locations.listForOrganization(supabase, id.data),
			channels.listForOrganization(supabase, id.data),
			moderation.history(supabase, id.data),
			moderation.pendingChanges(supabase, id.data),
			members.listForUser(supabase, viewer.user.id)
		]
	);
	const related = await organizations.listByIds(supabase, [
		...memberships.map((row) => row.organization_id),
		...(organization.vouched_by_organization_id ? [organization.vouched_by_organization_id] : [])
	]);
	const service = serviceRows[0] ?? null;
	return {
		organization,
		service,
		locations: locationRows,
		channels: channelRows,
		history,
		changes: changes.map((change) => ({
			...change,
			rows: diffRows(change.changes as ProposedChanges, organization, service)
		})),
		vouchers: related
			.filter(
				(o) => memberships.some((row) => row.organization_id === o.id) && o.id !== organization.id
			)
			.map(({ id, name }) => ({ id, name })),
		vouchedBy: related.find((o) => o.id === organization.vouched_by_organization_id)?.name ?? null,
		isAdmin: viewer.roles.includes('admin')
	};
};

const textSchema = z.object({ text: requiredText(3, 1000) });

async function context(event: Parameters<Actions[string]>[0]) {
	const viewer = await requireRole(event, ['moderator']);
	const id = idSchema.safeParse(event.params.id);
	if (!id.success) error(404, 'Not found');
	const organization = await organizations.get(event.locals.supabase, id.data);
	if (!organization) error(404, 'Not found');
	return { viewer, organization, form: await event.request.formData() };
}

const back = (id: string) => localizeHref(`/moderate/${id}`);

/**
 * Runs a decision the database may refuse (a moderator who is a member of the entry, a vouch in
 * another organization's name, a change request decided meanwhile…) and turns the refusal into a
 * translated message on the form instead of an error page.
 */
async function refusable(action: string, run: () => Promise<void>) {
	try {
		await run();
		return null;
	} catch (failure) {
		if (failure instanceof DataError && failure.status < 500) {
			return fail(failure.status, { action, error: dataErrorText(failure) });
		}
		throw failure;
	}
}

export const actions: Actions = {
	approve: async (event) => {
		const { organization } = await context(event);
		const refused = await refusable('decide', () =>
			organizations.setStatus(event.locals.supabase, organization.id, 'active')
		);
		if (refused) return refused;
		await notifyEditors(event, organization, 'approved');
		redirect(303, back(organization.id));
	},
	request_changes: async (event) => {
		const { viewer, organization, form } = await context(event);
		const parsed = textSchema.safeParse({ text: form.get('message') });
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message ?? 'invalid';
			return fail(400, {
				action: 'request_changes',
				values: { message: String(form.get('message') ?? '') },
				error: errorText(code)
			});
		}
		await moderation.requestChange(event.locals.supabase, {
			organization_id: organization.id,
			requested_by: viewer.user.id,
			changes: {},
			note: parsed.data.text
		});
		await moderation.addHistory(event.locals.supabase, {
			organization_id: organization.id,
			actor_id: viewer.user.id,
			action: 'change_requested',
			note: parsed.data.text
		});
		await notifyEditors(event, organization, 'changes', parsed.data.text);
		redirect(303, back(organization.id));
	},
	reject: async (event) => {
		const { viewer, organization, form } = await context(event);
		const parsed = textSchema.safeParse({ text: form.get('reason') });
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message ?? 'invalid';
			return fail(400, {
				action: 'reject',
				values: { reason: String(form.get('reason') ?? '') },
				error: errorText(code)
			});
		}
		const refused = await refusable('reject', () =>
			organizations.setStatus(event.locals.supabase, organization.id, 'rejected')
		);
		if (refused) return refused;
		await moderation.addHistory(event.locals.supabase, {
			organization_id: organization.id,
			actor_id: viewer.user.id,
			action: 'note',
			note: parsed.data.text
		});
		await notifyEditors(event, organization, 'rejected', parsed.data.text);
		redirect(303, back(organization.id));
	},
	archive: async (event) => {
		const { organization } = await context(event);
		const refused = await refusable('decide', () =>
			organizations.setStatus(event.locals.supabase, organization.id, 'archived')
		);
		if (refused) return refused;
		redirect(303, back(organization.id));
	},
	vouch: async (event) => {
		const { viewer, organization, form } = await context(event);
		const by = idSchema.safeParse(form.get('by'));
		const mine = await members.organizationIdsOf(event.locals.supabase, viewer.user.id);
		if (!by.success || !mine.has(by.data) || by.data === organization.id) {
			return fail(400, { action: 'vouch', error: errorText('invalid_choice') });
		}
		const refused = await refusable('vouch', () =>
			organizations.vouch(event.locals.supabase, organization.id, by.data)
		);
		if (refused) return refused;
		redirect(303, back(organization.id));
	},
	verify: async (event) => {
		const { viewer, organization } = await context(event);
		// Verification is the platform's own check: moderators who are also admins.
		if (!viewer.roles.includes('admin')) error(403, 'Forbidden');
		const refused = await refusable('decide', () =>
			organizations.verify(event.locals.supabase, organization.id)
		);
		if (refused) return refused;
		redirect(303, back(organization.id));
	},
	apply_change: async (event) => decideChange(event, true),
	reject_change: async (event) => decideChange(event, false)
};

async function decideChange(event: Parameters<Actions[string]>[0], apply: boolean) {
	const { organization, form } = await context(event);
	const id = idSchema.safeParse(form.get('change'));
	if (!id.success) return fail(400, { action: 'change', error: errorText('invalid') });
	const refused = await refusable('change', () =>
		moderation.decideChange(event.locals.supabase, { id: id.data, apply })
	);
	if (refused) return refused;
	redirect(303, back(organization.id));
}
