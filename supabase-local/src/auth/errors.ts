// GoTrue's error responses, in both of its body shapes. auth-js (lib/fetch.js, handleError) reads
// the error code from `code` when the response carries `X-Supabase-Api-Version` ≥ 2024-01-01 and
// from `error_code` otherwise, and the message from `msg`, `message`, `error_description` or
// `error`, in that order.

/** The API version auth-js sends and GoTrue answers with for the current error shape. */
export const API_VERSION_2024 = '2024-01-01';
export const API_VERSION_HEADER = 'X-Supabase-Api-Version';

const API_VERSION_PATTERN = /^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-9]|3[0-1])$/;

/** An expected failure of an auth endpoint: HTTP status, GoTrue error code and message. */
export class AuthHttpError extends Error {
	readonly status: number;
	readonly errorCode: string;
	/** For `weak_password`: which rules the password broke (GoTrue's `weak_password.reasons`). */
	readonly reasons: string[] | undefined;
	constructor(status: number, errorCode: string, message: string, reasons?: string[]) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
		this.reasons = reasons;
	}
}

/**
 * Whether a request asked for the 2024-01-01 error shape: its `X-Supabase-Api-Version` header is a
 * valid date on or after 2024-01-01 (GoTrue answers with the closest version it knows).
 */
export function usesApiVersion2024(headerValue: string | null): boolean {
	if (!headerValue || !API_VERSION_PATTERN.test(headerValue)) return false;
	return Date.parse(`${headerValue}T00:00:00Z`) >= Date.parse(`${API_VERSION_2024}T00:00:00Z`);
}

export type ErrorPayload = { status: number; body: Record<string, unknown> };

/**
 * The JSON body GoTrue sends for `error`. New shape: `{ code: '<error_code>', message }`; legacy
 * shape: `{ code: <status>, error_code, msg }`. The token endpoint's legacy body also carries the
 * OAuth2 `error` / `error_description` pair older clients read.
 */
export function errorPayload(
	error: AuthHttpError,
	options: { apiVersion2024: boolean; oauth?: boolean }
): ErrorPayload {
	const weak = error.reasons ? { weak_password: { reasons: error.reasons } } : {};
	if (options.apiVersion2024) {
		return {
			status: error.status,
			body: { code: error.errorCode, message: error.message, ...weak }
		};
	}
	const oauth = options.oauth
		? {
				error: error.status === 400 ? 'invalid_grant' : error.errorCode,
				error_description: error.message
			}
		: {};
	return {
		status: error.status,
		body: { code: error.status, error_code: error.errorCode, msg: error.message, ...oauth, ...weak }
	};
}

// The errors several endpoints share, with GoTrue's statuses and messages.

/** 400 validation_failed. */
export function validationFailed(message: string): AuthHttpError {
	return new AuthHttpError(400, 'validation_failed', message);
}

/** 403 bad_jwt for a token that does not parse, verify or has expired. */
export function badJwt(detail: string): AuthHttpError {
	return new AuthHttpError(
		403,
		'bad_jwt',
		`invalid JWT: unable to parse or verify signature, ${detail}`
	);
}

/** 401 no_authorization when a bearer token is required and missing. */
export function noAuthorization(): AuthHttpError {
	return new AuthHttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
}

/** 422 weak_password (GoTrue's default rule: at least 6 characters). */
export function weakPassword(minLength: number): AuthHttpError {
	return new AuthHttpError(
		422,
		'weak_password',
		`Password should be at least ${minLength} characters.`,
		['length']
	);
}

/** 403 otp_expired: GoTrue gives the same answer for a wrong, used or expired one-time token. */
export function otpExpired(): AuthHttpError {
	return new AuthHttpError(403, 'otp_expired', 'Token has expired or is invalid');
}
