import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { optionalText } from '#lib/domain/registration/text.ts';
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/i18n/href.ts';
import * as profiles from '#lib/server/db/profiles.ts';
import { requireRole } from '#lib/server/guards.ts';
import { errorText } from '#lib/forms/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const profileSchema = z.object({
	display_name: optionalText(100),
	email_language: z.enum(['fr', 'nl', 'en'], { error: 'invalid_choice' })
});

export const load: PageServerLoad = async (event) => {
	const viewer = await requireRole(event);
	const profile = await profiles.get(event.locals.supabase, viewer.user.id);
	return {
		email: viewer.user.email ?? '',
		roles: viewer.roles,
		profile: {
			display_name: profile?.display_name ?? '',
			email_language: profile?.email_language ?? 'fr'
		},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const viewer = await requireRole(event);
		const form = await event.request.formData();
		const values = {
			display_name: String(form.get('display_name') ?? ''),
			email_language: String(form.get('email_language') ?? '')
		};
		const parsed = profileSchema.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues)
				errors[String(issue.path[0])] = errorText(issue.message);
			return fail(400, { values, errors });
		}
		await profiles.update(event.locals.supabase, viewer.user.id, {
			display_name: parsed.data.display_name ?? null,
			email_language: parsed.data.email_language
		});
		redirect(303, localizeHref('/account?saved'));
	},
	delete: async (event) => {
		await requireRole(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'on') {
			return fail(400, { deleteError: m.account_delete_confirm_required() });
		}
		await profiles.deleteOwnAccount(event.locals.supabase);
		await event.locals.supabase.auth.signOut();
		redirect(303, localizeHref('/account/sign-in?deleted'));
	}
};
