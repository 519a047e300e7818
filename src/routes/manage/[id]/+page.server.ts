import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { editSchema, fieldErrors } from '#lib/domain/registration/index.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import * as members from '#lib/server/db/members.ts';
import * as moderation from '#lib/server/db/moderation.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import * as services from '#lib/server/db/services.ts';
import { requireRole } from '#lib/server/guards.ts';
import { dataErrorText, errorText, translateErrors } from '#lib/forms/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { DataError } from '#lib/server/db/errors.ts';
import { limits } from '#lib/server/rate-limit.ts';
import { sendInvite } from './invite.ts';
import { editValues, needsModeration, toChanges } from './edit.ts';
import type { Actions, PageServerLoad } from './$types';

async function entry(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const viewer = await requireRole(event);
	const id = z.uuid().safeParse(event.params.id);
	const supabase = event.locals.supabase;
	// Only members edit an entry; anyone else gets the same answer as for a missing one.
	const mine = await members.organizationIdsOf(supabase, viewer.user.id);
	if (!id.success || !mine.has(id.data)) error(404, 'Not found');
	const organization = await organizations.get(supabase, id.data);
	if (!organization) error(404, 'Not found');
	const [service] = await services.listForOrganization(supabase, id.data);
	return { viewer, organization, service: service ?? null };
}

export const load: PageServerLoad = async (event) => {
	const { viewer, organization, service } = await entry(event);
	const pending = await moderation.pendingChanges(event.locals.supabase, organization.id);
	return {
		organization: { id: organization.id, name: organization.name, status: organization.status },
		values: editValues(organization, service),
		moderated: needsModeration(organization),
		pendingChanges: pending.length,
		withdrawn: event.url.searchParams.has('withdrawn'),
		// The viewer's own proposals, which they may withdraw while no moderator has decided.
		ownPending: pending
			.filter((change) => change.requested_by === viewer.user.id)
			.map(({ id, created_at }) => ({ id, created_at }))
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { viewer, organization } = await entry(event);
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').trim();
		if (!z.email().max(254).safeParse(email).success) {
			return fail(400, { invite: { email, error: errorText('invalid_email') } });
		}
		if (
			!(await limits.allowAttempt('register', {
				ip: event.getClientAddress(),
				userId: viewer.user.id
			}))
		) {
			return fail(429, { invite: { email, error: errorText('rate_limited') } });
		}
		try {
			await sendInvite(event, { organization, email, inviter: viewer.user.email ?? '' });
		} catch (failure) {
			if (failure instanceof DataError && failure.kind === 'forbidden') {
				return fail(403, { invite: { email, error: m.account_invite_owner_only() } });
			}
			throw failure;
		}
		return { invite: { email: '', sent: email } };
	},
	save: async (event) => {
		const { viewer, organization, service } = await entry(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			Object.keys(editValues(organization, service)).map((key) => [
				key,
				String(form.get(key) ?? '')
			])
		);
		const parsed = editSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: translateErrors(fieldErrors(parsed.error)) });
		}
		const changes = toChanges(parsed.data);
		const supabase = event.locals.supabase;
		try {
			if (needsModeration(organization)) {
				await moderation.requestChange(supabase, {
					organization_id: organization.id,
					requested_by: viewer.user.id,
					service_id: service?.id ?? null,
					changes
				});
			} else {
				await organizations.update(supabase, organization.id, changes.organization);
				if (service) await services.update(supabase, service.id, changes.service);
			}
		} catch (failure) {
			// The database refused (e.g. the entry was published meanwhile): keep what was typed.
			if (failure instanceof DataError && failure.status < 500) {
				return fail(failure.status, { values, errors: { '': dataErrorText(failure) } });
			}
			throw failure;
		}
		redirect(303, localizeHref(needsModeration(organization) ? '/manage?proposed' : '/manage'));
	},
	withdraw: async (event) => {
		const { organization } = await entry(event);
		const form = await event.request.formData();
		const id = z.uuid().safeParse(form.get('change'));
		if (!id.success) return fail(400, { withdraw: { error: errorText('invalid') } });
		try {
			await moderation.withdrawChange(event.locals.supabase, id.data);
		} catch (failure) {
			if (failure instanceof DataError && failure.status < 500) {
				return fail(failure.status, { withdraw: { error: dataErrorText(failure) } });
			}
			throw failure;
		}
		redirect(303, localizeHref(`/manage/${organization.id}?withdrawn`));
	}
};
