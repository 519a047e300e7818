import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from '../jwt.ts';
import { accessTokenClaims } from './sessions.ts';
import { isBanned, userJson, type UserRow } from './users.ts';

const ID = '7ef1eb32-e108-4768-b364-fe8b129a6cc3';

function row(overrides: Record<string, unknown> = {}): UserRow {
	return {
		id: ID,
		aud: 'authenticated',
		role: 'authenticated',
		email: 'amina@example.test',
		encrypted_password: '$2a$10$secrethash',
		confirmation_token: 'abc',
		recovery_token: 'def',
		email_confirmed_at: new Date('2026-01-02T03:04:05Z'),
		confirmed_at: new Date('2026-01-02T03:04:05Z'),
		invited_at: null,
		recovery_sent_at: null,
		email_change: '',
		last_sign_in_at: null,
		banned_until: null,
		deleted_at: null,
		phone: null,
		raw_app_meta_data: { provider: 'email', providers: ['email'] },
		raw_user_meta_data: { display_name: 'Amina' },
		created_at: new Date('2026-01-01T00:00:00Z'),
		updated_at: new Date('2026-01-02T03:04:05Z'),
		is_anonymous: false,
		identities: [],
		...overrides
	} as UserRow;
}

describe('userJson', () => {
	it('has GoTrue fields, RFC 3339 timestamps, and omits null ones', () => {
		const json = userJson(row());
		expect(json).toEqual({
			id: ID,
			aud: 'authenticated',
			role: 'authenticated',
			email: 'amina@example.test',
			email_confirmed_at: '2026-01-02T03:04:05.000Z',
			phone: '',
			confirmed_at: '2026-01-02T03:04:05.000Z',
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: { display_name: 'Amina' },
			identities: [],
			created_at: '2026-01-01T00:00:00.000Z',
			updated_at: '2026-01-02T03:04:05.000Z',
			is_anonymous: false
		});
	});

	it('never exposes the password hash or one-time tokens', () => {
		const text = JSON.stringify(userJson(row()));
		expect(text).not.toContain('secrethash');
		expect(text).not.toContain('confirmation_token');
		expect(text).not.toContain('recovery_token');
	});

	it('shows a pending email change as new_email', () => {
		expect(userJson(row({ email_change: 'new@example.test' })).new_email).toBe('new@example.test');
	});
});

describe('isBanned', () => {
	it('is true only before banned_until', () => {
		const now = new Date('2026-06-01T00:00:00Z');
		expect(isBanned(row(), now)).toBe(false);
		expect(isBanned(row({ banned_until: new Date('2026-06-02T00:00:00Z') }), now)).toBe(true);
		expect(isBanned(row({ banned_until: new Date('2026-05-31T00:00:00Z') }), now)).toBe(false);
	});
});

describe('accessTokenClaims', () => {
	it('carries the claims GoTrue puts in an access token', () => {
		const claims = accessTokenClaims({
			user: row(),
			sessionId: 'session-1',
			amr: [{ method: 'password', timestamp: 1000 }],
			issuer: 'http://127.0.0.1:54321/auth/v1',
			nowSeconds: 1000,
			expirySeconds: 3600
		});
		expect(claims).toEqual({
			aud: 'authenticated',
			exp: 4600,
			iat: 1000,
			iss: 'http://127.0.0.1:54321/auth/v1',
			sub: ID,
			email: 'amina@example.test',
			phone: '',
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: { display_name: 'Amina' },
			role: 'authenticated',
			aal: 'aal1',
			amr: [{ method: 'password', timestamp: 1000 }],
			session_id: 'session-1',
			is_anonymous: false
		});
		const secret = 'a-test-secret-of-sufficient-length-000';
		expect(verifyJwt(signJwt(claims, secret), secret, 2000)).toEqual(claims);
	});
});
