import { describe, expect, it } from 'vitest';
import { hasSessionCookie } from './session-cookie.ts';

describe('hasSessionCookie', () => {
	it('sees a session, whole or split into chunks, and a sign-in under way', () => {
		expect(hasSessionCookie([{ name: 'sb-127-auth-token' }])).toBe(true);
		expect(hasSessionCookie([{ name: 'lang' }, { name: 'sb-abcd-auth-token.0' }])).toBe(true);
		expect(hasSessionCookie([{ name: 'sb-abcd-auth-token-code-verifier' }])).toBe(true);
	});

	it('finds none without cookies or with only the language choice', () => {
		expect(hasSessionCookie([])).toBe(false);
		expect(hasSessionCookie([{ name: 'PARAGLIDE_LOCALE' }, { name: 'theme-sb' }])).toBe(false);
	});
});
