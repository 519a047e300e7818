import { describe, expect, it } from 'vitest';
import { createSignedToken, verifySignedToken } from './signed-links.ts';

const secret = 'a-test-secret-that-is-long-enough-1234';
const expiresAt = new Date('2026-12-01T00:00:00Z');
const token = createSignedToken({ secret, purpose: 'liveness', payload: { n: 'abc' }, expiresAt });
const before = new Date('2026-11-30T00:00:00Z');

describe('signed links', () => {
	it('gives back the payload before expiry', () => {
		expect(verifySignedToken({ secret, purpose: 'liveness', token, now: before })).toEqual({
			ok: true,
			payload: { n: 'abc' },
			expiresAt
		});
	});

	it('refuses an expired token', () => {
		const now = new Date('2026-12-01T00:00:01Z');
		expect(verifySignedToken({ secret, purpose: 'liveness', token, now })).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('refuses a changed payload, another secret or another purpose', () => {
		const [body = '', signature = ''] = token.split('.');
		const other = createSignedToken({
			secret,
			purpose: 'liveness',
			payload: { n: 'xyz' },
			expiresAt
		});
		const forged = `${other.split('.')[0]}.${signature}`;
		expect(verifySignedToken({ secret, purpose: 'liveness', token: forged, now: before })).toEqual({
			ok: false,
			reason: 'tampered'
		});
		expect(
			verifySignedToken({ secret: `${secret}x`, purpose: 'liveness', token, now: before }).ok
		).toBe(false);
		expect(verifySignedToken({ secret, purpose: 'invite', token, now: before }).ok).toBe(false);
		expect(verifySignedToken({ secret, purpose: 'liveness', token: body, now: before })).toEqual({
			ok: false,
			reason: 'malformed'
		});
	});
});
