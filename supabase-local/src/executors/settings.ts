// The per-request settings PostgREST applies at the start of each transaction, shared by both
// executors so they cannot drift apart.
import type { DatabaseRole } from '../types.ts';

/**
 * Supabase's statement timeout for the API roles (`authenticated`: 8 s; `anon` has 3 s there):
 * no request may hold a connection, or PGlite's single session, longer than this.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 8000;

/** The SQLSTATE and message Postgres gives a statement cancelled by `statement_timeout`. */
export class StatementTimeoutError extends Error {
	readonly code = '57014';
	constructor() {
		super('canceling statement due to statement timeout');
	}
}

/**
 * The single statement that switches to `role` and publishes the JWT claims and request
 * metadata transaction-locally, as PostgREST does. GET and HEAD run read-only, like PostgREST.
 * `statement_timeout` (milliseconds) bounds every statement of the request.
 */
export function requestSettings(
	ctx: {
		role: DatabaseRole;
		claims: Record<string, unknown>;
		method?: string;
		path?: string;
	},
	statementTimeoutMs: number = DEFAULT_STATEMENT_TIMEOUT_MS
): { sql: string; params: unknown[] } {
	const readOnly = ctx.method === 'GET' || ctx.method === 'HEAD';
	const sql =
		`select set_config('search_path', 'public, extensions', true),` +
		` set_config('role', $1, true),` +
		` set_config('request.jwt.claims', $2, true),` +
		` set_config('request.method', $3, true),` +
		` set_config('request.path', $4, true),` +
		` set_config('statement_timeout', $5, true)` +
		(readOnly ? `, set_config('transaction_read_only', 'on', true)` : '');
	return {
		sql,
		params: [
			ctx.role,
			JSON.stringify(ctx.claims),
			ctx.method ?? '',
			ctx.path ?? '',
			String(Math.max(0, Math.round(statementTimeoutMs)))
		]
	};
}

/** Switches to the auth server's role, with GoTrue's search path (auth first). */
export const AUTH_SETTINGS =
	`select set_config('search_path', 'auth, extensions', true),` +
	` set_config('role', 'supabase_auth_admin', true)`;
