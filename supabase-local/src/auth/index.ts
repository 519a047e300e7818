// The GoTrue (Supabase Auth v2) subset of the local gateway, plus the developer mailbox. The
// gateway's front hands over every request under /auth/v1/ and /mailbox, /mailbox.json after
// checking the apikey header.
import { clearMail, listMail, renderMailboxPage } from '../mailbox.ts';
import type { Handler } from '../types.ts';
import {
	adminCreateUser,
	adminDeleteUser,
	adminGenerateLink,
	adminGetUser,
	adminListUsers,
	adminUpdateUser,
	invite
} from './admin-routes.ts';
import { Ctx, type AuthDeps, type Settings } from './context.ts';
import { AuthHttpError, errorPayload, usesApiVersion2024, API_VERSION_HEADER } from './errors.ts';
import { FailedAttempts } from './rate-limit.ts';
import {
	getUser,
	logout,
	otp,
	recover,
	resend,
	signup,
	token,
	updateUser,
	verifyGet,
	verifyPost
} from './user-routes.ts';

export type { AuthDeps } from './context.ts';

const PREFIX = '/auth/v1';

type Route = (ctx: Ctx, param: string) => Promise<Response>;

// method → path → handler; `:id` stands for one path segment.
const ROUTES: Record<string, Record<string, Route>> = {
	'/health': { GET: async (ctx) => ctx.json(200, health()) },
	'/settings': { GET: async (ctx) => ctx.json(200, settingsJson(ctx.settings)) },
	'/signup': { POST: signup },
	'/token': { POST: token },
	'/otp': { POST: otp },
	'/magiclink': { POST: otp },
	'/verify': { GET: verifyGet, POST: verifyPost },
	'/user': { GET: getUser, PUT: updateUser },
	'/logout': { POST: logout },
	'/recover': { POST: recover },
	'/resend': { POST: resend },
	'/invite': { POST: invite },
	'/admin/users': { GET: adminListUsers, POST: adminCreateUser },
	'/admin/users/:id': {
		GET: adminGetUser,
		PUT: adminUpdateUser,
		DELETE: adminDeleteUser
	},
	'/admin/generate_link': { POST: adminGenerateLink },
	// Tokens are signed with the shared HS256 secret, so there is no public key to publish;
	// auth-js getClaims() then validates through /user, as with a Supabase project on HS256.
	'/.well-known/jwks.json': { GET: async (ctx) => ctx.json(200, { keys: [] }) }
};

function match(path: string): { methods: Record<string, Route>; param: string } | null {
	const exact = ROUTES[path];
	if (exact) return { methods: exact, param: '' };
	const user = /^\/admin\/users\/([^/]+)$/.exec(path);
	const methods = ROUTES['/admin/users/:id'];
	if (user?.[1] && methods) return { methods, param: decodeURIComponent(user[1]) };
	return null;
}

function health(): Record<string, string> {
	return {
		version: 'v2.0.0-local',
		name: 'GoTrue',
		description: 'GoTrue is a user registration and authentication API'
	};
}

function settingsJson(settings: Settings): Record<string, unknown> {
	return {
		external: {
			anonymous_users: false,
			apple: false,
			azure: false,
			bitbucket: false,
			discord: false,
			facebook: false,
			figma: false,
			fly: false,
			github: false,
			gitlab: false,
			google: false,
			keycloak: false,
			kakao: false,
			linkedin: false,
			linkedin_oidc: false,
			notion: false,
			spotify: false,
			slack: false,
			slack_oidc: false,
			workos: false,
			twitch: false,
			twitter: false,
			email: true,
			phone: false,
			zoom: false
		},
		disable_signup: false,
		mailer_autoconfirm: settings.autoConfirm,
		phone_autoconfirm: false,
		sms_provider: '',
		saml_enabled: false
	};
}

function resolveSettings(deps: AuthDeps): Settings {
	return {
		siteUrl: deps.siteUrl,
		autoConfirm: deps.autoConfirm,
		jwtExpirySeconds: deps.jwtExpirySeconds ?? 3600,
		otpExpirySeconds: deps.otpExpirySeconds ?? 3600,
		emailMaxFrequencySeconds: deps.emailMaxFrequencySeconds ?? 1,
		refreshTokenReuseIntervalSeconds: deps.refreshTokenReuseIntervalSeconds ?? 10,
		minPasswordLength: deps.minPasswordLength ?? 6,
		bcryptCost: deps.bcryptCost ?? 10,
		secureEmailChange: deps.secureEmailChange ?? true
	};
}

async function mailbox(deps: AuthDeps, request: Request, url: URL): Promise<Response> {
	if (url.pathname === '/mailbox' && request.method === 'GET') {
		return new Response(renderMailboxPage(await listMail(deps.executor)), {
			headers: {
				'Content-Type': 'text/html; charset=utf-8',
				// The page needs no script, image or remote resource; forbid them all.
				'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'"
			}
		});
	}
	if (url.pathname === '/mailbox.json' && request.method === 'GET') {
		const to = url.searchParams.get('to');
		const messages = await listMail(deps.executor, to === null ? {} : { to });
		return Response.json(messages);
	}
	if (url.pathname === '/mailbox.json' && request.method === 'DELETE') {
		return Response.json({ deleted: await clearMail(deps.executor) });
	}
	return Response.json(
		{ code: 405, error_code: 'method_not_allowed', msg: 'Method not allowed' },
		{ status: 405 }
	);
}

/**
 * The handler for `/auth/v1/*` (GoTrue's API as supabase-js 2.x and @supabase/ssr call it) and
 * for the local mailbox (`GET /mailbox` HTML, `GET /mailbox.json?to=`, `DELETE /mailbox.json`).
 *
 * @example
 * const auth = createAuthHandler({ executor, jwtSecret, siteUrl: 'http://127.0.0.1:5173', autoConfirm: false });
 * const response = await auth(new Request('http://127.0.0.1:54321/auth/v1/health'));
 */
export function createAuthHandler(deps: AuthDeps): Handler {
	const settings = resolveSettings(deps);
	const failures = new FailedAttempts(deps.attemptLimit);
	return async (request, info) => {
		const url = new URL(request.url);
		if (url.pathname === '/mailbox' || url.pathname === '/mailbox.json') {
			return mailbox(deps, request, url);
		}
		const v2024 = usesApiVersion2024(request.headers.get(API_VERSION_HEADER));
		const ctx = new Ctx(deps, settings, request, v2024, {
			failures,
			clientAddress: info?.clientAddress
		});
		const path = url.pathname.startsWith(PREFIX)
			? url.pathname.slice(PREFIX.length).replace(/\/+$/, '')
			: url.pathname;
		try {
			const route = match(path);
			if (!route) throw new AuthHttpError(404, 'not_found', 'Not found');
			const handler = route.methods[request.method];
			if (!handler) throw new AuthHttpError(405, 'method_not_allowed', 'Method not allowed');
			return await handler(ctx, route.param);
		} catch (error) {
			if (error instanceof AuthHttpError) {
				const payload = errorPayload(error, { apiVersion2024: v2024, oauth: path === '/token' });
				return ctx.json(payload.status, payload.body);
			}
			console.error('auth: unexpected failure', request.method, path, error);
			const payload = errorPayload(
				new AuthHttpError(
					500,
					'unexpected_failure',
					'Unexpected failure, please check server logs'
				),
				{ apiVersion2024: v2024 }
			);
			return ctx.json(payload.status, payload.body);
		}
	};
}
