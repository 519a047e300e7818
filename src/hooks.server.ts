import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { localeRedirectTarget, negotiateLocale } from '#lib/i18n/locale-redirect.ts';
import { cookieName, isLocale } from '#lib/paraglide/runtime.js';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { securityHeaders } from '#lib/server/security-headers.ts';
import { createRequestClient, getValidatedUser } from '#lib/server/supabase.ts';

// A page address without a locale (/, /find) is sent to the reader's language: the one they
// chose before (cookie), else their browser's preference, else French. The redirect is relative,
// so it keeps the scheme and host the reader used.
const handleLocaleRedirect: Handle = ({ event, resolve }) => {
	const chosen = event.cookies.get(cookieName);
	const locale =
		(chosen && isLocale(chosen) ? chosen : null) ??
		negotiateLocale(event.request.headers.get('accept-language')) ??
		'fr';
	const target = localeRedirectTarget(event.url, locale);
	if (target === null) return resolve(event);
	return new Response(null, {
		status: 307,
		headers: { location: target, vary: 'Accept-Language, Cookie' }
	});
};

const handleLocale: Handle = ({ event, resolve }) =>
	// Routing ignores the locale prefix already (reroute in hooks.ts), so the original request is
	// resolved; the middleware only makes the locale known to messages during rendering.
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

// Following Supabase's server-side guide: one client per request, and the user validated by the
// auth server (getUser), at most once per request and only when a page asks.
const handleSupabase: Handle = ({ event, resolve }) => {
	// Created on first use, so pages that need no data work even before Supabase is configured.
	let client: ReturnType<typeof createRequestClient> | undefined;
	Object.defineProperty(event.locals, 'supabase', {
		get: () => (client ??= createRequestClient(event.cookies))
	});
	let user: ReturnType<typeof getValidatedUser> | undefined;
	event.locals.user = () => (user ??= getValidatedUser(event.locals.supabase));
	return resolve(event, {
		// supabase-js reads these from responses it triggers (e.g. range counts).
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

export const handle = sequence(
	handleSecurityHeaders,
	handleLocaleRedirect,
	handleLocale,
	handleSupabase
);

// Unexpected errors are logged once, with an id the user sees and can quote to us. Expected
// ones (error(404), a framework 404) keep SvelteKit's defaults and are not logged.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind !== 'unknown') return;
	const id = crypto.randomUUID();
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Internal Error', id };
};
