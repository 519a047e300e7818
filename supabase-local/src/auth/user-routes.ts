// The endpoints a signed-out or signed-in user calls through auth-js: sign-up, the token grants,
// one-time codes and links, the user itself, sign-out.
import { randomUUID } from 'node:crypto';
import type { Query } from '../types.ts';
import {
	createFlowState,
	isUuid,
	obj,
	pkceParams,
	requireEmail,
	str,
	type Ctx,
	type PkceParams
} from './context.ts';
import { AuthHttpError, validationFailed } from './errors.ts';
import {
	authenticationMethod,
	checkSendFrequency,
	issueOtp,
	mailOtp,
	parseVerifyType,
	PKCE_PREFIX,
	SINGLE_CONFIRMATION_ACCEPTED,
	verifyOtp,
	type EmailOtpKind,
	type VerifyType
} from './otp.ts';
import { issueSession, refreshSession } from './sessions.ts';
import { verifyCodeChallenge } from './tokens.ts';
import {
	confirmEmail,
	createUser,
	findUserByEmail,
	findUserById,
	isBanned,
	mergeMetadata,
	passwordMatches,
	setPassword,
	userJson,
	type UserRow
} from './users.ts';

/** Issues a one-time token, records the PKCE flow when one was started, and mails the token. */
async function sendOtpMail(
	ctx: Ctx,
	q: Query,
	input: { user: UserRow; kind: EmailOtpKind; email: string; pkce: PkceParams; redirectTo: string }
): Promise<void> {
	checkSendFrequency(input.user, input.kind, ctx.settings.emailMaxFrequencySeconds);
	const issued = await issueOtp(q, {
		user: input.user,
		kind: input.kind,
		email: input.email,
		pkce: input.pkce !== null
	});
	if (input.pkce) {
		await createFlowState(q, {
			userId: input.user.id,
			pkce: input.pkce,
			authenticationMethod: authenticationMethod(input.kind)
		});
	}
	await mailOtp(q, {
		to: input.email,
		kind: input.kind,
		issued,
		apiBase: ctx.apiBase,
		redirectTo: input.redirectTo,
		user: input.user,
		siteUrl: ctx.settings.siteUrl,
		templates: ctx.deps.mailTemplates ?? {},
		newEmail: input.kind === 'email_change' ? input.email : undefined
	});
}

/**
 * Mails an email change: a code and link to the new address and, for a secure change, another
 * pair to the current address; the change completes once both are confirmed.
 */
async function sendEmailChangeMails(
	ctx: Ctx,
	q: Query,
	input: { user: UserRow; newEmail: string; pkce: PkceParams; redirectTo: string }
): Promise<void> {
	const { user, newEmail, pkce, redirectTo } = input;
	await sendOtpMail(ctx, q, { user, kind: 'email_change', email: newEmail, pkce, redirectTo });
	if (!ctx.settings.secureEmailChange || !user.email) return;
	const issued = await issueOtp(q, {
		user,
		kind: 'email_change',
		email: user.email,
		pkce: pkce !== null,
		currentAddress: true
	});
	await mailOtp(q, {
		to: user.email,
		kind: 'email_change',
		issued,
		apiBase: ctx.apiBase,
		redirectTo,
		user,
		siteUrl: ctx.settings.siteUrl,
		templates: ctx.deps.mailTemplates ?? {},
		newEmail
	});
}

async function reload(q: Query, id: string): Promise<UserRow> {
	const user = await findUserById(q, id);
	if (!user) throw new AuthHttpError(404, 'user_not_found', 'User not found');
	return user;
}

/** The stand-in GoTrue returns when someone signs up again with a registered address. */
function obfuscatedUser(email: string, data: Record<string, unknown>): Record<string, unknown> {
	const now = new Date().toISOString();
	return {
		id: randomUUID(),
		aud: 'authenticated',
		role: 'authenticated',
		email,
		phone: '',
		confirmation_sent_at: now,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: data,
		identities: [],
		created_at: now,
		updated_at: now,
		is_anonymous: false
	};
}

/** POST /signup: email + password (+ data). A session with autoConfirm, else a mailed link. */
export async function signup(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	if (body.email === undefined && body.phone !== undefined) {
		throw new AuthHttpError(400, 'phone_provider_disabled', 'Phone signups are disabled');
	}
	if (body.email === undefined && body.password === undefined) {
		// signInAnonymously(): GoTrue's default is anonymous sign-ins disabled.
		throw new AuthHttpError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
	}
	const email = requireEmail(body.email, 'To signup, please provide your email');
	const password = str(body, 'password') ?? '';
	if (password === '') throw validationFailed('Signup requires a valid password');
	ctx.checkPassword(password);
	const pkce = pkceParams(body);
	const redirectTo = ctx.redirectParam(body);
	const data = obj(body, 'data');
	const { autoConfirm, bcryptCost } = ctx.settings;
	const result = await ctx.tx(async (q) => {
		let user = await findUserByEmail(q, email);
		if (user?.email_confirmed_at) {
			// With confirmations on, GoTrue hides that the address is registered: it answers
			// with a made-up user that has no identities. Only with autoConfirm does it say so.
			if (autoConfirm) {
				throw new AuthHttpError(422, 'user_already_exists', 'User already registered');
			}
			return obfuscatedUser(email, data);
		}
		if (user) {
			// An unconfirmed sign-up is started again: new password and data, new mail.
			await setPassword(q, user.id, password, bcryptCost);
			await q(
				'update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1',
				[user.id, JSON.stringify(mergeMetadata(user.raw_user_meta_data, data))]
			);
			user = await reload(q, user.id);
		} else {
			user = await createUser(q, {
				email,
				password,
				userMetadata: data,
				confirmed: autoConfirm,
				bcryptCost
			});
		}
		if (autoConfirm) {
			// Also covers a sign-up left unconfirmed while confirmations were on.
			await confirmEmail(q, user.id);
			return issueSession(q, ctx.tokens, user.id, 'password');
		}
		await sendOtpMail(ctx, q, { user, kind: 'signup', email, pkce, redirectTo });
		return userJson(await reload(q, user.id));
	});
	return ctx.json(200, result);
}

/** POST /token?grant_type=password|refresh_token|pkce. */
export async function token(ctx: Ctx): Promise<Response> {
	const grantType = ctx.url.searchParams.get('grant_type');
	const body = await ctx.body();
	switch (grantType) {
		case 'password':
			return ctx.json(200, await passwordGrant(ctx, body));
		case 'refresh_token': {
			const presented = str(body, 'refresh_token') ?? '';
			if (presented === '') throw validationFailed('refresh_token required');
			return ctx.json(200, await ctx.tx((q) => refreshSession(q, ctx.tokens, presented)));
		}
		case 'pkce':
			return ctx.json(200, await pkceGrant(ctx, body));
		default:
			throw validationFailed('unsupported_grant_type');
	}
}

function invalidCredentials(): AuthHttpError {
	return new AuthHttpError(400, 'invalid_credentials', 'Invalid login credentials');
}

async function passwordGrant(
	ctx: Ctx,
	body: Record<string, unknown>
): Promise<Record<string, unknown>> {
	const email = (str(body, 'email') ?? '').trim().toLowerCase();
	const password = str(body, 'password') ?? '';
	return countingFailures(ctx, 'password', 'invalid_credentials', async () => {
		if (email === '' || password === '') throw invalidCredentials();
		return ctx.tx(async (q) => {
			const user = await findUserByEmail(q, email);
			if (!user || !(await passwordMatches(q, user.id, password))) throw invalidCredentials();
			if (isBanned(user)) throw new AuthHttpError(400, 'user_banned', 'User is banned');
			if (!user.email_confirmed_at) {
				throw new AuthHttpError(400, 'email_not_confirmed', 'Email not confirmed');
			}
			return issueSession(q, ctx.tokens, user.id, 'password');
		});
	});
}

/**
 * Runs one attempt of `kind` (password sign-in, token verification) from the client's address:
 * refused with 429 once that address has failed too often, and counted when it fails with
 * `failureCode`.
 */
async function countingFailures<T>(
	ctx: Ctx,
	kind: 'password' | 'verify',
	failureCode: string,
	attempt: () => Promise<T>
): Promise<T> {
	const key = `${kind}:${ctx.clientAddress}`;
	ctx.failures.check(key);
	try {
		return await attempt();
	} catch (error) {
		if (error instanceof AuthHttpError && error.errorCode === failureCode) ctx.failures.fail(key);
		throw error;
	}
}

// GoTrue's flow state lifetime.
const FLOW_STATE_EXPIRY_SECONDS = 300;

async function pkceGrant(
	ctx: Ctx,
	body: Record<string, unknown>
): Promise<Record<string, unknown>> {
	const authCode = str(body, 'auth_code') ?? '';
	const verifier = str(body, 'code_verifier') ?? '';
	if (authCode === '' || verifier === '') {
		throw validationFailed('invalid request: both auth code and code verifier should be non-empty');
	}
	return ctx.tx(async (q) => {
		const found = await q(
			`select id, user_id, code_challenge, code_challenge_method::text as method,
				authentication_method,
				coalesce(auth_code_issued_at, created_at) + make_interval(secs => $2) < now() as expired
			 from auth.flow_state where auth_code = $1`,
			[authCode, FLOW_STATE_EXPIRY_SECONDS]
		);
		const flow = found.rows[0];
		if (!flow) {
			throw new AuthHttpError(
				404,
				'flow_state_not_found',
				'invalid flow state, no valid flow state found'
			);
		}
		if (flow.expired === true) {
			throw new AuthHttpError(
				400,
				'flow_state_expired',
				'invalid flow state, flow state has expired'
			);
		}
		const method = flow.method === 'plain' ? 'plain' : 's256';
		if (!verifyCodeChallenge(verifier, String(flow.code_challenge), method)) {
			throw new AuthHttpError(
				403,
				'bad_code_verifier',
				'code challenge does not match previously saved code verifier'
			);
		}
		const user = typeof flow.user_id === 'string' ? await findUserById(q, flow.user_id) : null;
		if (!user || user.deleted_at) {
			throw new AuthHttpError(404, 'user_not_found', 'User not found');
		}
		if (isBanned(user)) throw new AuthHttpError(400, 'user_banned', 'User is banned');
		await q('delete from auth.flow_state where id = $1', [flow.id]);
		return issueSession(q, ctx.tokens, user.id, String(flow.authentication_method));
	});
}

/** POST /otp: mails a magic link and code; creates the user first when allowed. */
export async function otp(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	if (body.email === undefined && body.phone !== undefined) {
		throw new AuthHttpError(400, 'phone_provider_disabled', 'Unsupported phone provider');
	}
	const email = requireEmail(body.email, 'An email address is required');
	const pkce = pkceParams(body);
	const redirectTo = ctx.redirectParam(body);
	const createAllowed = body.create_user !== false;
	await ctx.tx(async (q) => {
		let user = await findUserByEmail(q, email);
		if (!user) {
			if (!createAllowed) {
				throw new AuthHttpError(422, 'otp_disabled', 'Signups not allowed for otp');
			}
			user = await createUser(q, {
				email,
				password: null,
				userMetadata: obj(body, 'data'),
				confirmed: ctx.settings.autoConfirm,
				bcryptCost: ctx.settings.bcryptCost
			});
		}
		const kind: EmailOtpKind = user.email_confirmed_at ? 'magiclink' : 'signup';
		await sendOtpMail(ctx, q, { user, kind, email, pkce, redirectTo });
	});
	return ctx.json(200, {});
}

/** POST /verify: a mailed code (email + token) or link hash (token_hash) → a session. */
export async function verifyPost(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	const type = parseVerifyType(body.type);
	if (type === null) throw validationFailed('Verify requires a verification type');
	const tokenHash = str(body, 'token_hash');
	const code = str(body, 'token');
	if (!tokenHash && !(code && str(body, 'email'))) {
		throw validationFailed('Verify requires either a token or a token hash');
	}
	if (tokenHash?.startsWith(PKCE_PREFIX)) {
		// Answering a session here would let whoever holds the link skip the code verifier.
		throw validationFailed(
			'A PKCE link is redeemed by opening it and exchanging its code with the code verifier'
		);
	}
	const session = await countingFailures(ctx, 'verify', 'otp_expired', () =>
		ctx.tx(async (q) => {
			const verified = await verifyOtp(
				q,
				tokenHash
					? { type, tokenHash }
					: { type, email: str(body, 'email') ?? '', token: code ?? '' },
				ctx.settings.otpExpirySeconds
			);
			if (verified.pending) return { msg: SINGLE_CONFIRMATION_ACCEPTED, code: 200 };
			return issueSession(q, ctx.tokens, verified.userId, authenticationMethod(verified.type));
		})
	);
	return ctx.json(200, session);
}

type VerifyOutcome = { code: string } | { session: Record<string, unknown> } | { message: string };

function redirectTo(target: string): Response {
	return new Response(null, { status: 303, headers: { Location: target } });
}

function withFragment(target: string, params: Record<string, string>): string {
	const url = new URL(target);
	url.hash = new URLSearchParams(params).toString();
	return url.toString();
}

function withQuery(target: string, params: Record<string, string>): string {
	const url = new URL(target);
	for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
	return url.toString();
}

/** Verifies a link's token hash: a PKCE code, a session, or the first of two confirmations. */
async function verifyLink(
	ctx: Ctx,
	input: { type: VerifyType; token: string; pkce: boolean }
): Promise<VerifyOutcome> {
	const { type, token, pkce } = input;
	return ctx.tx(async (q): Promise<VerifyOutcome> => {
		const verified = await verifyOtp(q, { type, tokenHash: token }, ctx.settings.otpExpirySeconds);
		const method = authenticationMethod(verified.type);
		if (verified.pending) return { message: SINGLE_CONFIRMATION_ACCEPTED };
		if (!pkce) {
			return { session: await issueSession(q, ctx.tokens, verified.userId, method) };
		}
		const flow = await q(
			`update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
			 where id = (select id from auth.flow_state
				where user_id = $1 and authentication_method = $2 and auth_code_issued_at is null
				order by created_at desc limit 1)
			 returning auth_code`,
			[verified.userId, method]
		);
		const code = flow.rows[0]?.auth_code;
		if (typeof code !== 'string') {
			throw new AuthHttpError(
				404,
				'flow_state_not_found',
				'invalid flow state, no valid flow state found'
			);
		}
		return { code };
	});
}

/**
 * GET /verify, the link in the mail: verifies the token hash and redirects to `redirect_to` —
 * with `?code=` for a PKCE flow (exchanged at /token?grant_type=pkce), else with the session in
 * the URL fragment (implicit flow). Failures redirect with `error`, `error_code` and
 * `error_description`.
 */
export async function verifyGet(ctx: Ctx): Promise<Response> {
	const params = ctx.url.searchParams;
	const target = ctx.redirectTarget(params.get('redirect_to'));
	const token = params.get('token') ?? '';
	const type = parseVerifyType(params.get('type'));
	const pkce = token.startsWith(PKCE_PREFIX);
	const fail = (errorCode: string, description: string): Response => {
		const error = { error: 'access_denied', error_code: errorCode, error_description: description };
		return redirectTo(pkce ? withQuery(target, error) : withFragment(target, error));
	};
	if (type === null || token === '') {
		return fail('validation_failed', 'Verify requires a verification type and a token');
	}
	try {
		const outcome = await countingFailures(ctx, 'verify', 'otp_expired', () =>
			verifyLink(ctx, { type, token, pkce })
		);
		if ('code' in outcome) return redirectTo(withQuery(target, { code: outcome.code }));
		if ('message' in outcome) {
			const message = { message: outcome.message };
			return redirectTo(pkce ? withQuery(target, message) : withFragment(target, message));
		}
		const session = outcome.session;
		return redirectTo(
			withFragment(target, {
				access_token: String(session.access_token),
				expires_at: String(session.expires_at),
				expires_in: String(session.expires_in),
				refresh_token: String(session.refresh_token),
				token_type: 'bearer',
				type
			})
		);
	} catch (error) {
		if (error instanceof AuthHttpError) {
			return fail(
				error.errorCode,
				error.errorCode === 'otp_expired' ? 'Email link is invalid or has expired' : error.message
			);
		}
		throw error;
	}
}

/** GET /user. */
export async function getUser(ctx: Ctx): Promise<Response> {
	const user = await ctx.tx(async (q) => (await ctx.requireUser(q)).user);
	return ctx.json(200, userJson(user));
}

/** PUT /user: new password, merged metadata (`data`), new email (mailed unless autoConfirm). */
export async function updateUser(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	const password = str(body, 'password');
	if (password !== undefined) ctx.checkPassword(password);
	const newEmail =
		body.email === undefined || body.email === null
			? null
			: requireEmail(body.email, 'An email address is required');
	const pkce = newEmail === null ? null : pkceParams(body);
	const redirectTarget = ctx.redirectParam(body);
	const updated = await ctx.tx(async (q) => {
		const { user } = await ctx.requireUser(q);
		if (password !== undefined) {
			if (await passwordMatches(q, user.id, password)) {
				throw new AuthHttpError(
					422,
					'same_password',
					'New password should be different from the old password.'
				);
			}
			await setPassword(q, user.id, password, ctx.settings.bcryptCost);
		}
		if (body.data !== undefined) {
			await q(
				'update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1',
				[user.id, JSON.stringify(mergeMetadata(user.raw_user_meta_data, obj(body, 'data')))]
			);
		}
		if (newEmail !== null && newEmail !== user.email) {
			const taken = await findUserByEmail(q, newEmail);
			if (taken && taken.id !== user.id) {
				throw new AuthHttpError(
					422,
					'email_exists',
					'A user with this email address has already been registered'
				);
			}
			if (ctx.settings.autoConfirm) {
				await changeEmail(q, user.id, newEmail);
			} else {
				await sendEmailChangeMails(ctx, q, {
					user,
					newEmail,
					pkce,
					redirectTo: redirectTarget
				});
			}
		}
		return reload(q, user.id);
	});
	return ctx.json(200, userJson(updated));
}

/** Switches a user's email address at once (autoConfirm, admin updates). */
export async function changeEmail(q: Query, userId: string, email: string): Promise<void> {
	await q(
		`update auth.users set email = $2::text, email_change = '', email_change_token_new = '',
			raw_user_meta_data = case when raw_user_meta_data ? 'email'
				then jsonb_set(raw_user_meta_data, '{email}', to_jsonb($2::text)) else raw_user_meta_data end,
			updated_at = now()
		 where id = $1`,
		[userId, email]
	);
	await q(
		`update auth.identities set identity_data = jsonb_set(identity_data, '{email}', to_jsonb($2::text)),
			updated_at = now()
		 where user_id = $1 and provider = 'email'`,
		[userId, email]
	);
}

/** POST /logout?scope=global|local|others: ends sessions; 204. */
export async function logout(ctx: Ctx): Promise<Response> {
	const scope = ctx.url.searchParams.get('scope') ?? 'global';
	if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
		throw validationFailed(`Unsupported logout scope "${scope}"`);
	}
	await ctx.tx(async (q) => {
		const { user, sessionId } = await ctx.requireUser(q);
		if (scope === 'global' || sessionId === null) {
			await q('delete from auth.sessions where user_id = $1', [user.id]);
		} else if (scope === 'local') {
			await q('delete from auth.sessions where id = $1', [sessionId]);
		} else {
			await q('delete from auth.sessions where user_id = $1 and id <> $2', [user.id, sessionId]);
		}
	});
	return new Response(null, { status: 204, headers: ctx.versionHeader() });
}

/** POST /recover: mails a password-recovery link and code; answers `{}` for unknown addresses. */
export async function recover(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	const email = requireEmail(body.email, 'Password recovery requires an email');
	const pkce = pkceParams(body);
	const target = ctx.redirectParam(body);
	await ctx.tx(async (q) => {
		const user = await findUserByEmail(q, email);
		if (!user) return;
		await sendOtpMail(ctx, q, { user, kind: 'recovery', email, pkce, redirectTo: target });
	});
	return ctx.json(200, {});
}

/** POST /resend: the signup confirmation or the email-change mail again. */
export async function resend(ctx: Ctx): Promise<Response> {
	const body = await ctx.body();
	const type = str(body, 'type');
	if (type !== 'signup' && type !== 'email_change') {
		throw validationFailed('Missing one of these types: signup, email_change');
	}
	const email = requireEmail(body.email, 'An email address is required');
	const pkce = pkceParams(body);
	const target = ctx.redirectParam(body);
	await ctx.tx(async (q) => {
		if (type === 'signup') {
			const user = await findUserByEmail(q, email);
			if (!user || user.email_confirmed_at) return;
			await sendOtpMail(ctx, q, { user, kind: 'signup', email, pkce, redirectTo: target });
			return;
		}
		const found = await q(
			`select id from auth.users where (lower(email) = $1 or lower(email_change) = $1)
			 and coalesce(email_change, '') <> '' and deleted_at is null limit 1`,
			[email]
		);
		const id = found.rows[0]?.id;
		const user = typeof id === 'string' && isUuid(id) ? await findUserById(q, id) : null;
		if (!user || typeof user.email_change !== 'string') return;
		await sendEmailChangeMails(ctx, q, {
			user,
			newEmail: user.email_change,
			pkce,
			redirectTo: target
		});
	});
	return ctx.json(200, {});
}

export type { VerifyType };
