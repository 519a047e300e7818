import type { User } from '@supabase/supabase-js';
import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/i18n/href.ts';

export type PlatformRole =
	'social_worker' | 'org_editor' | 'moderator' | 'policy_analyst' | 'admin';

export type Viewer = { user: User; roles: PlatformRole[] };

type GuardEvent = { locals: App.Locals; url: URL };

/**
 * The signed-in user with their platform roles (from their own profile, which RLS lets only them
 * read), or null for anonymous visitors. A failed read is thrown: it becomes a 500 with an error
 * id, logged once by `handleError`.
 */
export async function getViewer(locals: App.Locals): Promise<Viewer | null> {
	const user = await locals.user();
	if (!user) return null;
	const { data, error: failure } = await locals.supabase
		.from('profiles')
		.select('roles')
		.eq('id', user.id)
		.maybeSingle();
	// Reading one's own profile is always allowed, so an error here is an outage, not a refusal:
	// answering 403 would tell a moderator they lost their role while the database is down.
	if (failure) {
		throw new Error(`profile roles not read: ${failure.code} ${failure.message}`, {
			cause: failure
		});
	}
	return { user, roles: (data?.roles as PlatformRole[] | undefined) ?? [] };
}

/**
 * For protected loads and actions: the viewer when signed in with one of `roles` (any role when
 * empty). Anonymous visitors are sent to sign in and brought back; signed-in users without the
 * role get a 403; a database failure is thrown (500 with an error id), never a 403. Call it in each protected load and action, not only in a layout.
 */
export async function requireRole(event: GuardEvent, roles: PlatformRole[] = []): Promise<Viewer> {
	const viewer = await getViewer(event.locals);
	if (!viewer) {
		const next = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/account/sign-in?next=${encodeURIComponent(next)}`));
	}
	if (roles.length && !roles.some((role) => viewer.roles.includes(role))) error(403, 'Forbidden');
	return viewer;
}
