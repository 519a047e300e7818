// HMAC-signed, expiring tokens for links that work without signing in (the "still active?"
// links). The token carries a purpose, a payload and an expiry; the signature covers all three.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck<T> =
	| { ok: true; payload: T; expiresAt: Date }
	| { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

function sign(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body).digest('base64url');
}

/**
 * A token `body.signature` for `payload`, valid until `expiresAt`, only for `purpose`.
 *
 * @example createSignedToken({ secret, purpose: 'liveness', payload: { n: nonce }, expiresAt })
 */
export function createSignedToken<T>(options: {
	secret: string;
	purpose: string;
	payload: T;
	expiresAt: Date;
}): string {
	const body = Buffer.from(
		JSON.stringify({ p: options.purpose, d: options.payload, e: options.expiresAt.getTime() })
	).toString('base64url');
	return `${body}.${sign(options.secret, body)}`;
}

/** Checks a token's signature, purpose and expiry (at `now`), and returns its payload. */
export function verifySignedToken<T>(options: {
	secret: string;
	purpose: string;
	token: string;
	now?: Date;
}): LinkCheck<T> {
	const { token, secret, purpose } = options;
	const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
	const expected = Buffer.from(sign(secret, match[1]));
	const given = Buffer.from(match[2]);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
		return { ok: false, reason: 'tampered' };
	}
	let parsed: { p?: unknown; d?: unknown; e?: unknown };
	try {
		parsed = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as typeof parsed;
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	if (parsed.p !== purpose || typeof parsed.e !== 'number')
		return { ok: false, reason: 'tampered' };
	if (parsed.e <= (options.now ?? new Date()).getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, payload: parsed.d as T, expiresAt: new Date(parsed.e) };
}
