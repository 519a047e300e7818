import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/i18n/href.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals }) => {
		await locals.supabase.auth.signOut();
		redirect(303, localizeHref('/'));
	}
};
