// HS256 JSON Web Tokens, as Supabase signs its API keys and access tokens. Written on node:crypto
// so the gateway has no token library of its own to keep in step with GoTrue.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown> & {
	role?: string;
	sub?: string;
	exp?: number;
	iat?: number;
};

export class JwtError extends Error {
	readonly reason: 'malformed' | 'signature' | 'expired' | 'algorithm' | 'no-exp';
	constructor(reason: JwtError['reason'], message: string) {
		super(message);
		this.reason = reason;
	}
}

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

/** Signs `claims` with HS256. */
export function signJwt(claims: JwtClaims, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = base64url(JSON.stringify(claims));
	const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
	return `${header}.${body}.${signature}`;
}

/**
 * Verifies an HS256 token and returns its claims; throws JwtError when the token is malformed,
 * signed with another secret or algorithm, expired (`exp` in seconds, `nowSeconds` injectable)
 * or without `exp`: a token that never expires is refused, as GoTrue refuses it, so a leaked one
 * cannot be used forever.
 */
export function verifyJwt(
	token: string,
	secret: string,
	nowSeconds: number = Math.floor(Date.now() / 1000)
): JwtClaims {
	const parts = token.split('.');
	if (parts.length !== 3) throw new JwtError('malformed', 'JWT must have 3 parts');
	const [header, body, signature] = parts as [string, string, string];
	let parsedHeader: unknown;
	let claims: unknown;
	try {
		parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
		claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
	} catch {
		throw new JwtError('malformed', 'JWT is not valid base64url JSON');
	}
	if (
		typeof parsedHeader !== 'object' ||
		parsedHeader === null ||
		(parsedHeader as { alg?: unknown }).alg !== 'HS256'
	) {
		throw new JwtError('algorithm', 'JWT algorithm must be HS256');
	}
	if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
		throw new JwtError('malformed', 'JWT claims must be an object');
	}
	const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new JwtError('signature', 'JWSInvalidSignature');
	}
	const exp = (claims as JwtClaims).exp;
	if (typeof exp !== 'number' || !Number.isFinite(exp)) {
		throw new JwtError('no-exp', 'JWT has no exp claim');
	}
	if (exp <= nowSeconds) {
		throw new JwtError('expired', 'JWT expired');
	}
	return claims as JwtClaims;
}
