// What every auth endpoint shares: settings, JSON bodies and responses, transactions, bearer
// tokens, redirect targets and input checks.
import { JwtError, verifyJwt, type JwtClaims } from '../jwt.ts';
import type { Executor, Query } from '../types.ts';
import {
	API_VERSION_2024,
	API_VERSION_HEADER,
	AuthHttpError,
	badJwt,
	noAuthorization,
	validationFailed,
	weakPassword
} from './errors.ts';
import type { MailTemplates } from '../mail-templates.ts';
import type { AttemptLimit, FailedAttempts } from './rate-limit.ts';
import { CommittedAuthError, type TokenSettings } from './sessions.ts';
import { isValidPkceLength, parseCodeChallengeMethod, type CodeChallengeMethod } from './tokens.ts';
import { findUserById, type UserRow } from './users.ts';

export type AuthDeps = {
	executor: Executor;
	jwtSecret: string;
	/** Where links and redirects go when no allowed `redirect_to` is given. */
	siteUrl: string;
	/** GoTrue's MAILER_AUTOCONFIRM: sign-ups get a session at once, no confirmation mail. */
	autoConfirm: boolean;
	/** Access token lifetime; GoTrue's default is 3600. */
	jwtExpirySeconds?: number;
	/** How long mailed codes and links stay valid; default 3600 (GoTrue's MAILER_OTP_EXP). */
	otpExpirySeconds?: number;
	/** Minimum seconds between two mails of one kind to one user; default 1 (Supabase CLI). */
	emailMaxFrequencySeconds?: number;
	/** How long a rotated refresh token may be replayed; default 10 (GoTrue). */
	refreshTokenReuseIntervalSeconds?: number;
	/** Minimum password length; default 6 (GoTrue). */
	minPasswordLength?: number;
	/** bcrypt cost for password hashes; default 10 (GoTrue). */
	bcryptCost?: number;
	/**
	 * GoTrue's secure email change (Supabase's `double_confirm_changes`, on by default): a change
	 * needs the code or link mailed to the current address as well as the one to the new address.
	 */
	secureEmailChange?: boolean;
	/**
	 * Failed password sign-ins and failed token verifications allowed per client address
	 * (GoTrue's sign_in_sign_ups and token_verifications limits); default 30 per 5 minutes.
	 */
	attemptLimit?: AttemptLimit;
	/** E-mail templates from supabase/config.toml (see ../mail-templates.ts); none: built-in mails. */
	mailTemplates?: MailTemplates;
};

export type Settings = Required<
	Omit<AuthDeps, 'executor' | 'jwtSecret' | 'siteUrl' | 'attemptLimit' | 'mailTemplates'>
> & {
	siteUrl: string;
};

export class Ctx {
	readonly deps: AuthDeps;
	readonly settings: Settings;
	readonly request: Request;
	readonly url: URL;
	/** `<gateway origin>/auth/v1`: the JWT issuer and the base of mailed links. */
	readonly apiBase: string;
	readonly apiVersion2024: boolean;
	readonly tokens: TokenSettings;
	/** The client's address, the key of the failed-attempt counters. */
	readonly clientAddress: string;
	/** Failed attempts of this handler, shared by its requests. */
	readonly failures: FailedAttempts;

	constructor(
		deps: AuthDeps,
		settings: Settings,
		request: Request,
		apiVersion2024: boolean,
		limits: { failures: FailedAttempts; clientAddress?: string }
	) {
		this.deps = deps;
		this.failures = limits.failures;
		this.clientAddress = limits.clientAddress ?? 'unknown';
		this.settings = settings;
		this.request = request;
		this.url = new URL(request.url);
		this.apiBase = `${this.url.origin}/auth/v1`;
		this.apiVersion2024 = apiVersion2024;
		this.tokens = {
			jwtSecret: deps.jwtSecret,
			jwtExpirySeconds: settings.jwtExpirySeconds,
			issuer: this.apiBase,
			reuseIntervalSeconds: settings.refreshTokenReuseIntervalSeconds
		};
	}

	/** A JSON response, carrying the API version header when the client sent one. */
	json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
		return new Response(JSON.stringify(body), {
			status,
			headers: { 'Content-Type': 'application/json', ...this.versionHeader(), ...headers }
		});
	}

	versionHeader(): Record<string, string> {
		return this.apiVersion2024 ? { [API_VERSION_HEADER]: API_VERSION_2024 } : {};
	}

	/**
	 * One auth-server transaction. A CommittedAuthError thrown inside is raised only after the
	 * transaction committed, so what it recorded (e.g. a revoked session) stays.
	 */
	async tx<T>(fn: (q: Query) => Promise<T>): Promise<T> {
		const outcome = await this.deps.executor.auth(
			async (q): Promise<{ value: T } | { error: AuthHttpError }> => {
				try {
					return { value: await fn(q) };
				} catch (error) {
					if (error instanceof CommittedAuthError) return { error: error.error };
					throw error;
				}
			}
		);
		if ('error' in outcome) throw outcome.error;
		return outcome.value;
	}

	/** The request body as a JSON object; an empty body is `{}`. */
	async body(): Promise<Record<string, unknown>> {
		const text = await this.request.text();
		if (text.trim() === '') return {};
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			throw new AuthHttpError(
				400,
				'bad_json',
				`Could not parse request body as JSON: ${(error as Error).message}`
			);
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new AuthHttpError(
				400,
				'bad_json',
				'Could not parse request body as JSON: not an object'
			);
		}
		return parsed as Record<string, unknown>;
	}

	/** The verified claims of the `Authorization: Bearer` token. */
	bearerClaims(): JwtClaims {
		const header = this.request.headers.get('authorization') ?? '';
		const match = /^bearer\s+(\S+)$/i.exec(header.trim());
		if (!match?.[1]) throw noAuthorization();
		try {
			return verifyJwt(match[1], this.deps.jwtSecret);
		} catch (error) {
			if (error instanceof JwtError) {
				throw badJwt(
					error.reason === 'expired'
						? 'token has invalid claims: token is expired'
						: error.reason === 'no-exp'
							? 'token has invalid claims: token is missing required claim: exp claim is required'
							: 'token signature is invalid'
				);
			}
			throw error;
		}
	}

	/**
	 * The signed-in user of the bearer token, checked as GoTrue does: the user must exist and,
	 * when the token names a session, that session must still exist.
	 */
	async requireUser(q: Query): Promise<{ user: UserRow; sessionId: string | null }> {
		const claims = this.bearerClaims();
		if (typeof claims.sub !== 'string' || claims.sub === '') {
			throw new AuthHttpError(403, 'bad_jwt', 'invalid claim: missing sub claim');
		}
		const user = isUuid(claims.sub) ? await findUserById(q, claims.sub) : null;
		if (!user || user.deleted_at) {
			throw new AuthHttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		}
		const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
		if (sessionId !== null) {
			const found = isUuid(sessionId)
				? await q('select 1 from auth.sessions where id = $1 and user_id = $2', [
						sessionId,
						user.id
					])
				: { rows: [] };
			// rows, not rowCount: PGlite reports affected rows, which is 0 for a select.
			if (found.rows.length === 0) {
				throw new AuthHttpError(
					403,
					'session_not_found',
					'Session from session_id claim in JWT does not exist'
				);
			}
		}
		return { user, sessionId };
	}

	/** Admin endpoints need a service_role (or supabase_admin) token, as GoTrue's requireAdmin. */
	requireAdmin(): void {
		const claims = this.bearerClaims();
		if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') {
			throw new AuthHttpError(403, 'not_admin', 'User not allowed');
		}
	}

	/**
	 * Where to send the user after a link: `redirect_to` when it points at the site URL's origin
	 * or at a loopback host (a local developer tool serves only local apps), else the site URL.
	 */
	redirectTarget(raw: unknown): string {
		return resolveRedirect(raw, this.settings.siteUrl);
	}

	/** `redirect_to` from the query string (how auth-js sends it) or, failing that, the body. */
	redirectParam(body?: Record<string, unknown>): string {
		return this.redirectTarget(this.url.searchParams.get('redirect_to') ?? body?.redirect_to);
	}

	checkPassword(password: string): void {
		if (password.length < this.settings.minPasswordLength) {
			throw weakPassword(this.settings.minPasswordLength);
		}
	}
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** See Ctx.redirectTarget. */
export function resolveRedirect(raw: unknown, siteUrl: string): string {
	if (typeof raw !== 'string' || raw === '') return siteUrl;
	let target: URL;
	try {
		target = new URL(raw);
	} catch {
		return siteUrl;
	}
	if (target.protocol !== 'http:' && target.protocol !== 'https:') return siteUrl;
	const site = new URL(siteUrl);
	return target.origin === site.origin || LOOPBACK_HOSTS.has(target.hostname) ? raw : siteUrl;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

// GoTrue's email pattern (internal/api/mail.go).
const EMAIL_PATTERN =
	/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** A trimmed, lower-cased, syntactically valid email address, or 400 validation_failed. */
export function requireEmail(value: unknown, missingMessage: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw validationFailed(missingMessage);
	const email = value.trim().toLowerCase();
	if (email.length > 255 || !EMAIL_PATTERN.test(email)) {
		throw validationFailed('Unable to validate email address: invalid format');
	}
	return email;
}

/** A string field, or undefined when absent or not a string. */
export function str(body: Record<string, unknown>, key: string): string | undefined {
	const value = body[key];
	return typeof value === 'string' ? value : undefined;
}

/** An object field (metadata), or `{}`. */
export function obj(body: Record<string, unknown>, key: string): Record<string, unknown> {
	const value = body[key];
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

export type PkceParams = { challenge: string; method: CodeChallengeMethod } | null;

/**
 * The PKCE parameters of a flow-starting request: none when no challenge was sent, otherwise a
 * challenge of valid length with a known method, as GoTrue's validatePKCEParams.
 */
export function pkceParams(body: Record<string, unknown>): PkceParams {
	const challenge = str(body, 'code_challenge') ?? '';
	const rawMethod = body.code_challenge_method;
	if (challenge === '' && (rawMethod === undefined || rawMethod === null || rawMethod === '')) {
		return null;
	}
	const method = parseCodeChallengeMethod(rawMethod);
	if (challenge === '' || method === null) {
		throw validationFailed('PKCE flow requires code_challenge_method and code_challenge');
	}
	if (!isValidPkceLength(challenge)) {
		throw validationFailed('code challenge has to be between 43 and 128 characters');
	}
	return { challenge, method };
}

/** Records a PKCE flow for a user, to be completed by the code /verify hands out. */
export async function createFlowState(
	q: Query,
	input: { userId: string; pkce: NonNullable<PkceParams>; authenticationMethod: string }
): Promise<void> {
	await q(
		`insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge,
			provider_type, created_at, updated_at, authentication_method)
		 values (gen_random_uuid(), $1, gen_random_uuid()::text, $2::auth.code_challenge_method, $3,
			'email', now(), now(), $4)`,
		[input.userId, input.pkce.method, input.pkce.challenge, input.authenticationMethod]
	);
}
