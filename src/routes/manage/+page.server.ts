import { brusselsToday } from '#lib/domain/schedule/brussels-time.ts';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { pauseSchema } from '#lib/domain/registration/index.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import * as members from '#lib/server/db/members.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import { requireRole } from '#lib/server/guards.ts';
import { DataError } from '#lib/server/db/errors.ts';
import { dataErrorText, errorText } from '#lib/forms/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.uuid();

export const load: PageServerLoad = async (event) => {
	const viewer = await requireRole(event);
	const supabase = event.locals.supabase;
	const mine = await members.organizationIdsOf(supabase, viewer.user.id);
	const entries = await organizations.listByIds(supabase, [...mine.keys()]);
	return {
		entries: entries.map(({ id, name, status, trust_tier, assured_date, paused_until }) => ({
			id,
			name,
			status,
			trust_tier,
			assured_date,
			paused_until
		})),
		// Only a real entry id turns the "registered" notice on.
		registered: idSchema.safeParse(event.url.searchParams.get('registered')).success,
		proposed: event.url.searchParams.has('proposed')
	};
};

async function mine(event: Parameters<Actions[string]>[0]) {
	const viewer = await requireRole(event);
	const form = await event.request.formData();
	const id = idSchema.safeParse(form.get('id'));
	const memberships = await members.organizationIdsOf(event.locals.supabase, viewer.user.id);
	if (!id.success || !memberships.has(id.data)) return null;
	return { id: id.data, form };
}

export const actions: Actions = {
	pause: async (event) => {
		const entry = await mine(event);
		if (!entry) return fail(404, { id: null, error: errorText('invalid') });
		const today = brusselsToday();
		const parsed = pauseSchema(today).safeParse({ paused_until: entry.form.get('paused_until') });
		if (!parsed.success) {
			return fail(400, { id: entry.id, error: errorText(parsed.error.issues[0]?.message ?? '') });
		}
		await organizations.setStatus(
			event.locals.supabase,
			entry.id,
			'paused',
			parsed.data.paused_until
		);
		redirect(303, localizeHref('/manage'));
	},
	confirm: async (event) => {
		const entry = await mine(event);
		if (!entry) return fail(404, { id: null, error: errorText('invalid') });
		try {
			await organizations.confirm(event.locals.supabase, entry.id);
		} catch (failure) {
			if (failure instanceof DataError && failure.status < 500) {
				return fail(failure.status, { id: entry.id, error: dataErrorText(failure) });
			}
			throw failure;
		}
		redirect(303, localizeHref('/manage'));
	},
	resume: async (event) => {
		const entry = await mine(event);
		if (!entry) return fail(404, { id: null, error: errorText('invalid') });
		await organizations.setStatus(event.locals.supabase, entry.id, 'active');
		redirect(303, localizeHref('/manage'));
	},
	close: async (event) => {
		const entry = await mine(event);
		if (!entry) return fail(404, { id: null, error: errorText('invalid') });
		await organizations.setStatus(event.locals.supabase, entry.id, 'closed');
		redirect(303, localizeHref('/manage'));
	}
};
