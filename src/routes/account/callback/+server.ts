import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { safeNext } from '../next.ts';
import type { RequestHandler } from './$types';

// The sign-in link lands here with a PKCE code; exchanging it (with the verifier kept in a cookie
// by @supabase/ssr) sets the session cookies. A stale or reused link goes back to sign in.
export const GET: RequestHandler = async ({ url, locals }) => {
	const next = safeNext(url.searchParams.get('next'), localizeHref('/account'));
	const code = url.searchParams.get('code');
	if (code && code.length <= 500) {
		const { error } = await locals.supabase.auth.exchangeCodeForSession(code);
		if (!error) redirect(303, next);
	}
	redirect(303, localizeHref(`/account/sign-in?error=link&next=${encodeURIComponent(next)}`));
};
