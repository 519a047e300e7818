import { describe, expect, it } from 'vitest';
import { signJwt } from './jwt.ts';
import { LOCAL_JWT_SECRET, localKeys } from './keys.ts';
import { ApiError } from './rest/errors.ts';
import { authenticate } from './server.ts';

const { anonKey, serviceRoleKey } = localKeys();
// An hour from now: every token the gateway accepts carries `exp`.
const exp = Math.floor(Date.now() / 1000) + 3600;

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
		const token = signJwt({ role: 'authenticated', sub: 'u1', exp }, LOCAL_JWT_SECRET);
		const who = authenticate(
			new Headers({ apikey: anonKey, authorization: `Bearer ${token}` }),
			LOCAL_JWT_SECRET
		);
		expect(who).toMatchObject({ role: 'authenticated', claims: { sub: 'u1' } });
	});

	it('refuses missing keys, foreign keys and bad tokens with 401', () => {
		expect(failure({}).status).toBe(401);
		const userKey = signJwt({ role: 'authenticated', exp }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: userKey }).status).toBe(401);
		const forged = signJwt({ role: 'service_role', exp }, 'another-secret-another-secret-another');
		expect(failure({ apikey: anonKey, authorization: `Bearer ${forged}` })).toMatchObject({
			status: 401,
			code: 'PGRST301'
		});
		const expired = signJwt({ role: 'authenticated', exp: 1 }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: anonKey, authorization: `Bearer ${expired}` })).toMatchObject({
			status: 401,
			code: 'PGRST303'
		});
		const postgres = signJwt({ role: 'postgres', exp }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: anonKey, authorization: `Bearer ${postgres}` }).status).toBe(401);
	});

	it('refuses a token without exp (it would never expire) with 401 PGRST303', () => {
		const eternal = signJwt({ role: 'authenticated', sub: 'u1' }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: anonKey, authorization: `Bearer ${eternal}` })).toMatchObject({
			status: 401,
			code: 'PGRST303',
			message: 'JWT has no exp claim'
		});
		const eternalKey = signJwt({ role: 'service_role' }, LOCAL_JWT_SECRET);
		expect(failure({ apikey: eternalKey }).status).toBe(401);
	});
});
