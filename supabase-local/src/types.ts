// The contract between the gateway's parts: the HTTP front, the PostgREST subset (rest/), the
// GoTrue subset (auth/) and the two database executors (PGlite in process, PostgreSQL over pg).

export type QueryResult = {
	rows: Record<string, unknown>[];
	rowCount: number;
	fields: { name: string; dataTypeID: number }[];
};

/** Runs one SQL statement with bound parameters ($1, $2, …) inside the current transaction. */
export type Query = (sql: string, params?: unknown[]) => Promise<QueryResult>;

export type DatabaseRole = 'anon' | 'authenticated' | 'service_role';

export interface Executor {
	readonly kind: 'pglite' | 'postgres';
	/**
	 * One transaction for one API request, as PostgREST runs it: transaction-local `role` and
	 * `request.jwt.claims` (set_config(…, true)), a check that `current_user` equals `role`
	 * (refusing otherwise), then `fn`. Commits when `fn` resolves, rolls back when it throws.
	 */
	request<T>(
		ctx: { role: DatabaseRole; claims: Record<string, unknown>; method?: string; path?: string },
		fn: (q: Query) => Promise<T>
	): Promise<T>;
	/** One transaction as `supabase_auth_admin`, the role the auth server uses. */
	auth<T>(fn: (q: Query) => Promise<T>): Promise<T>;
	/** One transaction as the database owner: bootstrap, migrations, local tooling. */
	admin<T>(fn: (q: Query) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** A web-standard request handler; the HTTP server adapts node:http to it. */
export type Handler = (request: Request, info?: RequestInfo) => Promise<Response>;

/** What the HTTP front knows about a request beyond the request itself. */
export type RequestInfo = { clientAddress?: string };

export type MailMessage = {
	id: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	created_at: string;
};
