import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { newUserMetadata, rememberAuthMailLocale } from '#lib/server/mail/auth-locale.ts';
import { publicOrigin } from '#lib/server/config.ts';
import { limits } from '#lib/server/rate-limit.ts';
import { safeNext } from '../next.ts';
import type { Actions, PageServerLoad } from './$types';

const emailSchema = z.email().max(254);

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), localizeHref('/account'));
	if (await locals.user()) redirect(303, next);
	return { next, linkFailed: url.searchParams.get('error') === 'link' };
};

function readForm(form: FormData) {
	const email = String(form.get('email') ?? '').trim();
	const next = safeNext(String(form.get('next') ?? ''), localizeHref('/account'));
	return { email, next };
}

export const actions: Actions = {
	link: async ({ request, locals, getClientAddress }) => {
		const { email, next } = readForm(await request.formData());
		const values = { email };
		if (!emailSchema.safeParse(email).success) {
			return fail(400, { values, errors: { email: m.account_error_invalid_email() } });
		}
		if (
			!(await limits.allowAttempt('sign_in', {
				ip: getClientAddress(),
				userId: email.toLowerCase()
			}))
		) {
			return fail(429, { values, errors: { form: m.account_error_rate_limited() } });
		}
		const callback = new URL(localizeHref('/account/callback'), publicOrigin());
		callback.searchParams.set('next', next);
		const { error } = await locals.supabase.auth.signInWithOtp({
			email,
			options: { emailRedirectTo: callback.href, data: newUserMetadata(getLocale()) }
		});
		if (error) return fail(400, { values, errors: { form: m.account_sign_in_link_failed() } });
		return { sent: true, values };
	},
	password: async ({ request, locals, getClientAddress }) => {
		const form = await request.formData();
		const { email, next } = readForm(form);
		const password = String(form.get('password') ?? '');
		const values = { email };
		if (!emailSchema.safeParse(email).success) {
			return fail(400, { values, errors: { email: m.account_error_invalid_email() } });
		}
		const who = { ip: getClientAddress(), userId: email.toLowerCase() };
		if (await limits.isBlocked('sign_in', who)) {
			return fail(429, { values, errors: { form: m.account_error_rate_limited() } });
		}
		if (password.length < 6 || password.length > 200) {
			return fail(400, { values, errors: { password: m.account_sign_in_wrong_password() } });
		}
		const { data, error } = await locals.supabase.auth.signInWithPassword({ email, password });
		if (error) await limits.recordFailure('sign_in', who);
		if (error)
			return fail(400, { values, errors: { password: m.account_sign_in_wrong_password() } });
		await rememberAuthMailLocale(locals.supabase, data.user, getLocale());
		redirect(303, next);
	}
};
