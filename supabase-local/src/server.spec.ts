import { describe, expect, it } from 'vitest';
import { signJwt } from './jwt.ts';
import { LOCAL_JWT_SECRET, localKeys } from './keys.ts';
import { ApiError } from './rest/errors.ts';
import { authenticate } from './server.ts';

const { anonKey, serviceRoleKey } = localKeys();

function failure(headers: Record<string, string>): ApiError {
	try {
		authenticate(new Headers(headers), LOCAL_JWT_SECRET);
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('expected authenticate to refuse');
}

describe('authenticate', () => {
	it('takes the role from the API key', () => {
		expect(authenticate(new Headers({ apikey: anonKey }), LOCAL_JWT_SECRET).role).toBe('anon');
		expect(authenticate(new Headers({ apikey: serviceRoleKey }), LOCAL_JWT_SECRET).role).toBe(
			'service_role'
		);
	});

	it('lets a bearer token override the role and carry the claims', () => {
		const token = signJwt({ role: 'authenticated', sub: 'u1' }, LOCAL_JWT_SECRET);
		const who = authenticate(
			new Headers({ apikey: anonKey, authorization: `Bearer ${token}` }),
			LOCAL_JWT_SECRET
		);
		expect(who).toMatchObject({ role: 'authenticated', claims: { sub: 'u1' } });
	});

	it('refuses missing keys, foreign keys and bad tokens with 401', () => {
		expect(failure({}).status).toBe(401);
		const userKey = signJwt({ role: 'authenticated' }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: userKey }).status).toBe(401);
		const forged = signJwt({ role: 'service_role' }, 'another-secret-another-secret-another');
		expect(failure({ apikey: anonKey, authorization: `Bearer ${forged}` })).toMatchObject({
			status: 401,
			code: 'PGRST301'
		});
		const expired = signJwt({ role: 'authenticated', exp: 1 }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: anonKey, authorization: `Bearer ${expired}` })).toMatchObject({
			status: 401,
			code: 'PGRST303'
		});
		const postgres = signJwt({ role: 'postgres' }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: anonKey, authorization: `Bearer ${postgres}` }).status).toBe(401);
	});
});
