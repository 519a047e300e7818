import { describe, expect, it } from 'vitest';
import {
	AuthHttpError,
	badJwt,
	errorPayload,
	otpExpired,
	usesApiVersion2024,
	weakPassword
} from './errors.ts';

describe('usesApiVersion2024', () => {
	it('accepts valid dates from 2024-01-01 on', () => {
		expect(usesApiVersion2024('2024-01-01')).toBe(true);
		expect(usesApiVersion2024('2025-06-30')).toBe(true);
	});

	it('refuses missing, earlier or malformed versions', () => {
		expect(usesApiVersion2024(null)).toBe(false);
		expect(usesApiVersion2024('2023-12-31')).toBe(false);
		expect(usesApiVersion2024('2024-13-01')).toBe(false);
		expect(usesApiVersion2024('2024-1-1')).toBe(false);
		expect(usesApiVersion2024('latest')).toBe(false);
	});
});

describe('errorPayload', () => {
	const error = new AuthHttpError(400, 'invalid_credentials', 'Invalid login credentials');

	it('uses { code: <error code>, message } for API version 2024-01-01', () => {
		expect(errorPayload(error, { apiVersion2024: true })).toEqual({
			status: 400,
			body: { code: 'invalid_credentials', message: 'Invalid login credentials' }
		});
	});

	it('uses { code: <status>, error_code, msg } otherwise', () => {
		expect(errorPayload(error, { apiVersion2024: false })).toEqual({
			status: 400,
			body: { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' }
		});
	});

	it('adds the OAuth2 pair for the legacy token endpoint', () => {
		expect(errorPayload(error, { apiVersion2024: false, oauth: true }).body).toMatchObject({
			error: 'invalid_grant',
			error_description: 'Invalid login credentials'
		});
		expect(errorPayload(error, { apiVersion2024: true, oauth: true }).body).not.toHaveProperty(
			'error'
		);
	});

	it('carries weak_password.reasons in both shapes', () => {
		const weak = weakPassword(6);
		expect(weak.status).toBe(422);
		expect(errorPayload(weak, { apiVersion2024: true }).body).toEqual({
			code: 'weak_password',
			message: 'Password should be at least 6 characters.',
			weak_password: { reasons: ['length'] }
		});
		expect(errorPayload(weak, { apiVersion2024: false }).body).toMatchObject({
			error_code: 'weak_password',
			weak_password: { reasons: ['length'] }
		});
	});

	it('keeps GoTrue statuses for shared errors', () => {
		expect(otpExpired()).toMatchObject({ status: 403, errorCode: 'otp_expired' });
		expect(badJwt('token is expired')).toMatchObject({ status: 403, errorCode: 'bad_jwt' });
	});
});
