import type { RequestEvent } from '@sveltejs/kit';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { localeOfPath, localeRedirectTarget, negotiateLocale } from '#lib/i18n/locale-redirect.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	cookieName,
	getServerAsyncLocalStorage,
	isLocale,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '#lib/paraglide/runtime.js';
import { compressResponse } from '#lib/server/compress.ts';
import { assertServerSettings, config } from '#lib/server/config.ts';
import { log, requestId } from '#lib/server/log.ts';
import {
	allowAnyFrameAncestor,
	FRAMEABLE_ROUTES,
	securityHeaders
} from '#lib/server/security-headers.ts';
import { hasSessionCookie } from '#lib/server/session-cookie.ts';
import { anonymousClient, createRequestClient, getValidatedUser } from '#lib/server/supabase.ts';
import { geocoder } from '#lib/places/geocoder.server.ts';

// Every setting is checked when the server starts, so a misconfigured deployment stops at once
// with one line per missing or wrong variable. The build's analysis runs without them.
export const init: ServerInit = () => {
	if (building) return;
	try {
		assertServerSettings();
	} catch (error) {
		log.fatal(error instanceof Error ? error.message : String(error));
		throw error;
	}
	log.info({ event: 'start' }, 'server settings checked');
	// The street index is built now rather than on the first visitor's keystroke.
	geocoder().catch((error: unknown) => log.error({ err: error }, 'street index not loaded'));
};

// One log line per request: id, method, route id (the route's pattern, never the address with
// its query), status and duration. The id is echoed in `x-request-id` for support.
const handleLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const id = requestId(event.request.headers.get('x-request-id'));
	event.locals.requestId = id;
	const line = { req: id, method: event.request.method, route: event.route.id };
	try {
		const response = await resolve(event);
		const ms = Math.round(performance.now() - started);
		log.info({ ...line, status: response.status, ms }, 'request');
		if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', id);
		return response;
	} catch (error) {
		log.error({ ...line, status: 500, ms: Math.round(performance.now() - started) }, 'request');
		throw error;
	}
};

// Messages read the request's locale from Paraglide's async storage; this hook fills it (the
// store's shape is Paraglide's). Paraglide's middleware would too, but it parses the address
// again through URL patterns and copies the request, a few percent of a finder page's time.
type LocaleStore = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const localeStorage = getServerAsyncLocalStorage() ?? new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(localeStorage);

/** The reader's language when the address names none: their choice, their browser's, French. */
function preferredLocale(event: RequestEvent): Locale {
	const chosen = event.cookies.get(cookieName);
	if (chosen && isLocale(chosen)) return chosen;
	return negotiateLocale(event.request.headers.get('accept-language')) ?? 'fr';
}

// A page's locale is the first segment of its address. A page address without one (/, /find) is
// sent to the reader's language: the one they chose before (cookie), else their browser's
// preference, else French; machine endpoints without one (/api/…) answer in that language. The
// redirect is relative, so it keeps the scheme and host the reader used.
const handleLocale: Handle = ({ event, resolve }) => {
	const fromPath = localeOfPath(event.url.pathname);
	const locale = fromPath ?? preferredLocale(event);
	const target = fromPath ? null : localeRedirectTarget(event.url, locale);
	if (target !== null) {
		return new Response(null, {
			status: 307,
			headers: { location: target, vary: 'Accept-Language, Cookie' }
		});
	}
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	// Routing ignores the locale prefix already (reroute in hooks.ts).
	return localeStorage.run(store, (): Promise<Response> =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	) as Promise<Response>;
};

// The kit's CSP forbids framing everywhere; the embeddable map alone lets any site frame it, and
// sets no cookie there (a third-party frame has no business with sessions or language choices).
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const frameable = event.route.id !== null && FRAMEABLE_ROUTES.has(event.route.id);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (frameable && name === 'X-Frame-Options') continue;
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (frameable) {
		const csp = response.headers.get('content-security-policy');
		if (csp) response.headers.set('content-security-policy', allowAnyFrameAncestor(csp));
		response.headers.delete('set-cookie');
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
	// Without a session cookie the visitor is anonymous: no client to build, no auth call to
	// make. Most visitors of the public pages are, and building a client costs each request.
	const session = hasSessionCookie(event.cookies.getAll());
	Object.defineProperty(event.locals, 'reader', {
		get: () => (session ? event.locals.supabase : anonymousClient())
	});
	let user: ReturnType<typeof getValidatedUser> | undefined;
	event.locals.user = () =>
		(user ??= session ? getValidatedUser(event.locals.supabase) : Promise.resolve(null));
	return resolve(event, {
		// supabase-js reads these from responses it triggers (e.g. range counts).
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

// Pages and JSON go out brotli- or gzip-compressed when the browser accepts it (the built assets
// are precompressed by the adapter), unless a proxy in front compresses (NABIJ_COMPRESSION=off).
const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (building || config().NABIJ_COMPRESSION === 'off') return response;
	return compressResponse(event.request, response);
};

export const handle = sequence(
	handleCompression,
	handleLog,
	handleSecurityHeaders,
	handleLocale,
	handleSupabase
);

// Unexpected errors are logged once, with an id the user sees and can quote to us. Expected
// ones (error(404), a framework 404) keep SvelteKit's defaults and are not logged.
// The log line carries the request id and the route id, never the address (it may hold a search).
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind !== 'unknown') return;
	const id = crypto.randomUUID();
	log.error(
		{
			error: id,
			req: event.locals.requestId,
			method: event.request.method,
			route: event.route.id,
			err: error
		},
		'unexpected error'
	);
	return { message: 'Internal Error', id };
};
