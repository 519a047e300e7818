// The per-request settings PostgREST applies at the start of each transaction, shared by both
// executors so they cannot drift apart.
import type { DatabaseRole } from '../types.ts';

/**
 * The single statement that switches to `role` and publishes the JWT claims and request
 * metadata transaction-locally, as PostgREST does. GET and HEAD run read-only, like PostgREST.
 */
export function requestSettings(ctx: {
	role: DatabaseRole;
	claims: Record<string, unknown>;
	method?: string;
	path?: string;
}): { sql: string; params: unknown[] } {
	const readOnly = ctx.method === 'GET' || ctx.method === 'HEAD';
	const sql =
		`select set_config('search_path', 'public, extensions', true),` +
		` set_config('role', $1, true),` +
		` set_config('request.jwt.claims', $2, true),` +
		` set_config('request.method', $3, true),` +
		` set_config('request.path', $4, true)` +
		(readOnly ? `, set_config('transaction_read_only', 'on', true)` : '');
	return {
		sql,
		params: [ctx.role, JSON.stringify(ctx.claims), ctx.method ?? '', ctx.path ?? '']
	};
}

/** Switches to the auth server's role, with GoTrue's search path (auth first). */
export const AUTH_SETTINGS =
	`select set_config('search_path', 'auth, extensions', true),` +
	` set_config('role', 'supabase_auth_admin', true)`;
