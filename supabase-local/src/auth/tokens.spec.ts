import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	generateOtp,
	generateRefreshToken,
	hashOtp,
	isValidPkceLength,
	parseCodeChallengeMethod,
	safeEqual,
	verifyCodeChallenge
} from './tokens.ts';

describe('hashOtp', () => {
	it('is the hex SHA-224 of the address followed by the code', () => {
		// FIPS 180-4 test vector: SHA-224("abc").
		expect(hashOtp('ab', 'c')).toBe('23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7');
	});

	it('depends on both the address and the code', () => {
		expect(hashOtp('a@example.test', '123456')).not.toBe(hashOtp('b@example.test', '123456'));
		expect(hashOtp('a@example.test', '123456')).not.toBe(hashOtp('a@example.test', '123457'));
	});
});

describe('generateOtp', () => {
	it('gives six decimal digits by default', () => {
		for (let i = 0; i < 50; i++) expect(generateOtp()).toMatch(/^\d{6}$/);
		expect(generateOtp(8)).toMatch(/^\d{8}$/);
	});
});

describe('generateRefreshToken', () => {
	it('gives distinct URL-safe tokens', () => {
		const tokens = new Set(Array.from({ length: 100 }, generateRefreshToken));
		expect(tokens.size).toBe(100);
		for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});
});

describe('safeEqual', () => {
	it('agrees with string equality', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				expect(safeEqual(a, b)).toBe(a === b);
				expect(safeEqual(a, a)).toBe(true);
			})
		);
	});
});

describe('PKCE', () => {
	// RFC 7636, appendix B.
	const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
	const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

	it('accepts the RFC 7636 S256 example and rejects other verifiers', () => {
		expect(verifyCodeChallenge(verifier, challenge, 's256')).toBe(true);
		expect(verifyCodeChallenge(verifier + 'x', challenge, 's256')).toBe(false);
		expect(verifyCodeChallenge(challenge, challenge, 's256')).toBe(false);
	});

	it('compares plain challenges directly', () => {
		expect(verifyCodeChallenge(verifier, verifier, 'plain')).toBe(true);
		expect(verifyCodeChallenge(verifier, challenge, 'plain')).toBe(false);
	});

	it('reads the method case-insensitively, as auth-js sends "s256"', () => {
		expect(parseCodeChallengeMethod('s256')).toBe('s256');
		expect(parseCodeChallengeMethod('S256')).toBe('s256');
		expect(parseCodeChallengeMethod('PLAIN')).toBe('plain');
		expect(parseCodeChallengeMethod('sha1')).toBeNull();
		expect(parseCodeChallengeMethod(undefined)).toBeNull();
	});

	it('bounds challenges to 43–128 characters', () => {
		expect(isValidPkceLength('a'.repeat(42))).toBe(false);
		expect(isValidPkceLength(challenge)).toBe(true);
		expect(isValidPkceLength('a'.repeat(128))).toBe(true);
		expect(isValidPkceLength('a'.repeat(129))).toBe(false);
	});
});
