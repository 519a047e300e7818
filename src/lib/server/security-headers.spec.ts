import { describe, expect, it } from 'vitest';
import { allowAnyFrameAncestor, FRAMEABLE_ROUTES, securityHeaders } from './security-headers.ts';

describe('allowAnyFrameAncestor', () => {
	it("replaces frame-ancestors 'none' and keeps every other directive", () => {
		const csp =
			"default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'; form-action 'self'";
		expect(allowAnyFrameAncestor(csp)).toBe(
			"default-src 'self'; script-src 'self' 'nonce-abc'; form-action 'self'; frame-ancestors *"
		);
	});

	it('adds frame-ancestors when the policy has none', () => {
		expect(allowAnyFrameAncestor("default-src 'self';")).toBe(
			"default-src 'self'; frame-ancestors *"
		);
	});
});

describe('framing', () => {
	it('is allowed for the embed alone, and refused everywhere else by default', () => {
		expect([...FRAMEABLE_ROUTES]).toEqual(['/embed']);
		expect(securityHeaders['X-Frame-Options']).toBe('DENY');
	});
});
