// Sessions, refresh tokens and access tokens, as GoTrue keeps them in auth.sessions,
// auth.refresh_tokens and auth.mfa_amr_claims and signs them (HS256 with the JWT secret).
import { randomUUID } from 'node:crypto';
import { signJwt } from '../jwt.ts';
import type { Query } from '../types.ts';
import { AuthHttpError } from './errors.ts';
import { generateRefreshToken } from './tokens.ts';
import { findUserById, isBanned, userJson, type UserRow } from './users.ts';

export type TokenSettings = {
	jwtSecret: string;
	jwtExpirySeconds: number;
	/** `<gateway url>/auth/v1`, the `iss` claim. */
	issuer: string;
	/** GoTrue's refresh-token reuse interval: a revoked token may be replayed this long. */
	reuseIntervalSeconds: number;
};

export type AmrEntry = { method: string; timestamp: number };

/** The access token claims GoTrue issues for a user and session. */
export function accessTokenClaims(input: {
	user: UserRow;
	sessionId: string;
	amr: AmrEntry[];
	issuer: string;
	nowSeconds: number;
	expirySeconds: number;
}): Record<string, unknown> {
	const { user } = input;
	return {
		aud: user.aud ?? 'authenticated',
		exp: input.nowSeconds + input.expirySeconds,
		iat: input.nowSeconds,
		iss: input.issuer,
		sub: user.id,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role ?? 'authenticated',
		aal: 'aal1',
		amr: input.amr,
		session_id: input.sessionId,
		is_anonymous: user.is_anonymous === true
	};
}

async function amrFor(q: Query, sessionId: string): Promise<AmrEntry[]> {
	const result = await q(
		`select authentication_method, extract(epoch from created_at)::bigint as ts
		 from auth.mfa_amr_claims where session_id = $1 order by created_at desc`,
		[sessionId]
	);
	return result.rows.map((r) => ({
		method: String(r.authentication_method),
		timestamp: Number(r.ts)
	}));
}

async function sessionJson(
	q: Query,
	settings: TokenSettings,
	userId: string,
	sessionId: string,
	refreshToken: string
): Promise<Record<string, unknown>> {
	const user = await findUserById(q, userId);
	if (!user) throw new AuthHttpError(404, 'user_not_found', 'User not found');
	const nowSeconds = Math.floor(Date.now() / 1000);
	const claims = accessTokenClaims({
		user,
		sessionId,
		amr: await amrFor(q, sessionId),
		issuer: settings.issuer,
		nowSeconds,
		expirySeconds: settings.jwtExpirySeconds
	});
	return {
		access_token: signJwt(claims, settings.jwtSecret),
		token_type: 'bearer',
		expires_in: settings.jwtExpirySeconds,
		expires_at: nowSeconds + settings.jwtExpirySeconds,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

/**
 * Signs a user in: a new session, its first refresh token, the sign-in method recorded for the
 * `amr` claim and `last_sign_in_at` updated. Returns GoTrue's session JSON.
 */
export async function issueSession(
	q: Query,
	settings: TokenSettings,
	userId: string,
	method: string
): Promise<Record<string, unknown>> {
	// Every way of signing in ends here, so a banned user is refused here once for all of them.
	const banned = await q(
		'select banned_until is not null and banned_until > now() as banned from auth.users where id = $1',
		[userId]
	);
	if (banned.rows[0]?.banned === true) {
		throw new AuthHttpError(400, 'user_banned', 'User is banned');
	}
	const sessionId = randomUUID();
	await q(
		`insert into auth.sessions (id, user_id, created_at, updated_at, aal)
		 values ($1, $2, now(), now(), 'aal1')`,
		[sessionId, userId]
	);
	await q(
		`insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
		 values (gen_random_uuid(), $1, now(), now(), $2)`,
		[sessionId, method]
	);
	const token = generateRefreshToken();
	await q(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at,
			session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3)`,
		[token, userId, sessionId]
	);
	await q('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [
		userId
	]);
	await q(
		`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`,
		[userId]
	);
	return sessionJson(q, settings, userId, sessionId, token);
}

/**
 * The refresh_token grant with rotation: every refresh token is single-use. Replaying the token
 * that was just rotated (the parent of the active one) returns the active token again, as GoTrue
 * does for clients that lost a response; replaying any other revoked token after the reuse
 * interval is taken as theft and ends the whole session.
 */
export async function refreshSession(
	q: Query,
	settings: TokenSettings,
	presented: string
): Promise<Record<string, unknown>> {
	// FOR UPDATE: on PostgreSQL two concurrent refreshes of one token must not both rotate it.
	const found = await q(
		`select t.id, t.token, t.user_id, t.revoked, t.session_id,
			extract(epoch from now() - t.updated_at) as age_seconds,
			s.id as live_session, s.not_after
		 from auth.refresh_tokens t left join auth.sessions s on s.id = t.session_id
		 where t.token = $1
		 for update of t`,
		[presented]
	);
	const token = found.rows[0];
	if (!token || token.live_session === null) {
		throw new AuthHttpError(
			400,
			'refresh_token_not_found',
			'Invalid Refresh Token: Refresh Token Not Found'
		);
	}
	const sessionId = String(token.session_id);
	const userId = String(token.user_id);
	const user = await findUserById(q, userId);
	if (!user || user.deleted_at) {
		throw new AuthHttpError(
			400,
			'refresh_token_not_found',
			'Invalid Refresh Token: Refresh Token Not Found'
		);
	}
	if (isBanned(user)) throw new AuthHttpError(400, 'user_banned', 'User is banned');
	if (token.revoked === true) {
		const active = await q(
			`select token, parent from auth.refresh_tokens
			 where session_id = $1 and revoked = false order by id desc limit 1`,
			[sessionId]
		);
		const activeRow = active.rows[0];
		if (activeRow && activeRow.parent === presented) {
			await q('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [
				sessionId
			]);
			return sessionJson(q, settings, userId, sessionId, String(activeRow.token));
		}
		if (Number(token.age_seconds) >= settings.reuseIntervalSeconds) {
			await q('delete from auth.sessions where id = $1', [sessionId]);
			// The session must stay deleted although the request fails.
			throw new CommittedAuthError(
				new AuthHttpError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
			);
		}
	}
	await q('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [
		token.id
	]);
	const next = generateRefreshToken();
	await q(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at,
			parent, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
		[next, userId, presented, sessionId]
	);
	await q('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [
		sessionId
	]);
	return sessionJson(q, settings, userId, sessionId, next);
}

/**
 * An error whose transaction must still commit (GoTrue's NewCommitWithError): the handler
 * returns it from the transaction instead of throwing it.
 */
export class CommittedAuthError extends Error {
	readonly error: AuthHttpError;
	constructor(error: AuthHttpError) {
		super(error.message);
		this.error = error;
	}
}
