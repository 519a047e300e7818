// The HTTP side of the HSDS API: JSON with a weak ETag (a hash of the body, so `If-None-Match`
// answers 304 without sending it again), a short public cache, CORS open to any origin (the API
// needs no key and sets no cookie) and errors as JSON that say which parameter is wrong.
import { createHash } from 'node:crypto';

/** How long browsers and proxies may reuse an answer, in seconds. */
export const MAX_AGE_SECONDS = 60;

/** Headers every HSDS answer carries, errors and preflights included. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, OPTIONS',
	'access-control-allow-headers': 'If-None-Match, Content-Type',
	'access-control-expose-headers': 'ETag, Content-Disposition',
	'access-control-max-age': '86400'
};

/** A weak entity tag for a body. */
export function weakEtag(body: string | Uint8Array): string {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

// If-None-Match compares weakly (RFC 9110 §13.1.2): the W/ prefix does not matter.
function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const opaque = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** A cacheable answer: 200 with the body, or 304 when the client already holds it. */
export function cached(
	request: Request,
	body: string | Uint8Array,
	headers: Record<string, string>
): Response {
	const etag = weakEtag(body);
	const common = {
		...CORS_HEADERS,
		etag,
		'cache-control': `public, max-age=${MAX_AGE_SECONDS}`
	};
	if (matches(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers: common });
	}
	return new Response(body as BodyInit, { status: 200, headers: { ...common, ...headers } });
}

/** A cacheable JSON answer. */
export function json(request: Request, value: unknown): Response {
	return cached(request, JSON.stringify(value), {
		'content-type': 'application/json; charset=utf-8'
	});
}

/** An error as JSON, never cached: `{ error, message, parameter? }`. */
export function problem(
	status: 400 | 404,
	error: 'invalid_parameter' | 'not_found',
	message: string,
	parameter?: string
): Response {
	return new Response(JSON.stringify({ error, message, ...(parameter ? { parameter } : {}) }), {
		status,
		headers: {
			...CORS_HEADERS,
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store'
		}
	});
}

/** The answer to a CORS preflight. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: { ...CORS_HEADERS, allow: 'GET, HEAD, OPTIONS' }
	});
}
