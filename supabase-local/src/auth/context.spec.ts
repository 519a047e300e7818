import { describe, expect, it } from 'vitest';
import { parseBanDuration } from './admin-routes.ts';
import { pkceParams, requireEmail, resolveRedirect } from './context.ts';
import { AuthHttpError } from './errors.ts';
import { mergeMetadata } from './users.ts';

const SITE = 'http://127.0.0.1:5173';

describe('resolveRedirect', () => {
	it('keeps targets on the site origin or a loopback host', () => {
		expect(resolveRedirect(`${SITE}/fr/auth/callback?next=/x`, SITE)).toBe(
			`${SITE}/fr/auth/callback?next=/x`
		);
		expect(resolveRedirect('http://localhost:4173/cb', SITE)).toBe('http://localhost:4173/cb');
	});

	it('falls back to the site URL for anything else', () => {
		expect(resolveRedirect(undefined, SITE)).toBe(SITE);
		expect(resolveRedirect('', SITE)).toBe(SITE);
		expect(resolveRedirect('not a url', SITE)).toBe(SITE);
		expect(resolveRedirect('http://attacker.invalid/steal', SITE)).toBe(SITE);
		expect(resolveRedirect('javascript:alert(1)', SITE)).toBe(SITE);
	});
});

describe('requireEmail', () => {
	it('trims and lower-cases valid addresses', () => {
		expect(requireEmail('  Amina@Example.TEST ', 'missing')).toBe('amina@example.test');
	});

	it('refuses missing and malformed addresses with validation_failed', () => {
		for (const value of [undefined, '', 'a@', '@b.c', 'a b@c.d', 42]) {
			expect(() => requireEmail(value, 'missing')).toThrow(AuthHttpError);
		}
	});
});

describe('pkceParams', () => {
	const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

	it('is null when no flow was started (auth-js sends nulls)', () => {
		expect(pkceParams({})).toBeNull();
		expect(pkceParams({ code_challenge: null, code_challenge_method: null })).toBeNull();
	});

	it('reads a challenge and its method', () => {
		expect(pkceParams({ code_challenge: challenge, code_challenge_method: 's256' })).toEqual({
			challenge,
			method: 's256'
		});
	});

	it('refuses half a flow, unknown methods and short challenges', () => {
		expect(() => pkceParams({ code_challenge: challenge })).toThrow(AuthHttpError);
		expect(() => pkceParams({ code_challenge: challenge, code_challenge_method: 'md5' })).toThrow(
			AuthHttpError
		);
		expect(() => pkceParams({ code_challenge: 'short', code_challenge_method: 'plain' })).toThrow(
			AuthHttpError
		);
	});
});

describe('parseBanDuration', () => {
	it('reads Go durations in seconds and "none"', () => {
		expect(parseBanDuration('24h')).toBe(86_400);
		expect(parseBanDuration('1h30m')).toBe(5_400);
		expect(parseBanDuration('90s')).toBe(90);
		expect(parseBanDuration('none')).toBeNull();
	});

	it('refuses other text', () => {
		expect(() => parseBanDuration('1 day')).toThrow(AuthHttpError);
		expect(() => parseBanDuration('h')).toThrow(AuthHttpError);
	});
});

describe('mergeMetadata', () => {
	it('sets keys and removes those set to null', () => {
		expect(mergeMetadata({ a: 1, b: 2 }, { b: null, c: 3 })).toEqual({ a: 1, c: 3 });
		expect(mergeMetadata(null, { a: 1 })).toEqual({ a: 1 });
	});
});
