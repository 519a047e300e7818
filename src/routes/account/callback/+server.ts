import { redirect } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { rememberAuthMailLocale } from '#lib/server/mail/auth-locale.ts';
import { safeNext } from '../next.ts';
import type { RequestHandler } from './$types';

// The sign-in link lands here with a PKCE code; exchanging it (with the verifier kept in a cookie
// by @supabase/ssr) sets the session cookies, and the page's language becomes the language of
// the user's next auth mails. A stale or reused link goes back to sign in.
export const GET: RequestHandler = async ({ url, locals }) => {
	const next = safeNext(url.searchParams.get('next'), localizeHref('/account'));
	const code = url.searchParams.get('code');
	if (code && code.length <= 500) {
		const { data, error } = await locals.supabase.auth.exchangeCodeForSession(code);
		if (!error) {
			await rememberAuthMailLocale(locals.supabase, data.user, getLocale());
			redirect(303, next);
		}
	}
	redirect(303, localizeHref(`/account/sign-in?error=link&next=${encodeURIComponent(next)}`));
};
