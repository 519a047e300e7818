import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/i18n/href.ts';
import { config } from '#lib/server/config.ts';
import { DataError } from '#lib/server/db/errors.ts';
import * as members from '#lib/server/db/members.ts';
import { requireRole } from '#lib/server/guards.ts';
import { verifySignedToken } from '#lib/server/signed-links.ts';
import type { Actions, PageServerLoad } from './$types';

function readToken(token: string | null) {
	if (!token) return { state: 'invalid' as const };
	const checked = verifySignedToken<{ n?: unknown }>({
		secret: config().NABIJ_LINK_SECRET,
		purpose: 'invite',
		token
	});
	if (!checked.ok)
		return { state: checked.reason === 'expired' ? ('expired' as const) : ('invalid' as const) };
	const nonce = checked.payload.n;
	return typeof nonce === 'string' && /^[0-9a-f]{64}$/.test(nonce)
		? { state: 'ok' as const, nonce }
		: { state: 'invalid' as const };
}

export const load: PageServerLoad = async (event) => {
	const viewer = await requireRole(event);
	const token = event.url.searchParams.get('token');
	return { state: readToken(token).state, token: token ?? '', email: viewer.user.email ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		await requireRole(event);
		const form = await event.request.formData();
		const read = readToken(String(form.get('token') ?? ''));
		if (read.state !== 'ok') return fail(400, { error: read.state });
		try {
			await members.acceptInvite(event.locals.supabase, read.nonce);
		} catch (failure) {
			if (failure instanceof DataError && failure.status < 500) {
				return fail(400, { error: failure.kind === 'forbidden' ? 'other_email' : 'invalid' });
			}
			throw failure;
		}
		redirect(303, localizeHref('/manage'));
	}
};
