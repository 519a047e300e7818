// The secrets GoTrue hands out and checks: one-time codes and their hashes, refresh tokens, PKCE.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the
 * content nor the length of the expected value leaks through timing.
 */
export function safeEqual(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given.length === expected.length;
}

/** A one-time code of `length` decimal digits (GoTrue's default is 6), e.g. `'048213'`. */
export function generateOtp(length = 6): string {
	let code = '';
	for (let i = 0; i < length; i++) code += String(randomInt(10));
	return code;
}

/**
 * The token hash GoTrue stores and mails for an email one-time code: hex SHA-224 of the email
 * address followed by the code. Email links carry this hash, never the code itself.
 */
export function hashOtp(email: string, otp: string): string {
	return createHash('sha224')
		.update(email + otp, 'utf8')
		.digest('hex');
}

/** A fresh opaque refresh token. */
export function generateRefreshToken(): string {
	return randomBytes(16).toString('base64url');
}

export type CodeChallengeMethod = 's256' | 'plain';

/**
 * Reads `code_challenge_method` as GoTrue does: case-insensitive `s256` or `plain`; null for
 * anything else.
 */
export function parseCodeChallengeMethod(value: unknown): CodeChallengeMethod | null {
	if (typeof value !== 'string') return null;
	const lower = value.toLowerCase();
	return lower === 's256' || lower === 'plain' ? lower : null;
}

/**
 * Whether `verifier` matches the PKCE `challenge` saved at the start of the flow (RFC 7636):
 * for `s256` the challenge is the unpadded base64url SHA-256 of the verifier, for `plain` the
 * verifier itself.
 */
export function verifyCodeChallenge(
	verifier: string,
	challenge: string,
	method: CodeChallengeMethod
): boolean {
	const computed =
		method === 's256'
			? createHash('sha256').update(verifier, 'ascii').digest('base64url')
			: verifier;
	return safeEqual(computed, challenge);
}

/**
 * RFC 7636 bounds verifiers and challenges to 43–128 characters; GoTrue refuses a code challenge
 * outside them when a flow starts.
 */
export function isValidPkceLength(value: string): boolean {
	return value.length >= 43 && value.length <= 128;
}
