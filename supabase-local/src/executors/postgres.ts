// The PostgreSQL executor: API requests go through a pool logged in as the non-superuser
// `authenticator`, which may only become anon/authenticated/service_role; the auth server's
// work and migrations go through a separate owner connection.
import pg from 'pg';
import type { DatabaseRole, Executor, Query, QueryResult } from '../types.ts';
import { AUTH_SETTINGS, DEFAULT_STATEMENT_TIMEOUT_MS, requestSettings } from './settings.ts';

export type PostgresExecutorOptions = {
	/** Connection URL logging in as `authenticator`; defaults to env DATABASE_URL. */
	databaseUrl?: string;
	/** Connection URL of the database owner (or a superuser); defaults to env DATABASE_ADMIN_URL. */
	adminDatabaseUrl?: string;
	/** Size of the request pool. */
	poolSize?: number;
	/** `statement_timeout` of every API request, in ms; default 8000 (0 turns it off). */
	statementTimeoutMs?: number;
};

/** A PostgreSQL-backed executor with its two pools exposed for tooling. */
export type PostgresExecutor = Executor & { readonly pool: pg.Pool; readonly adminPool: pg.Pool };

function adapt(client: pg.PoolClient): Query {
	return async (sql, params) => {
		const result = await client.query<Record<string, unknown>>(sql, params ?? []);
		return {
			rows: result.rows,
			rowCount: result.rowCount ?? result.rows.length,
			fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
		} satisfies QueryResult;
	};
}

async function inTransaction<T>(
	pool: pg.Pool,
	prepare: (client: pg.PoolClient) => Promise<void>,
	fn: (q: Query) => Promise<T>
): Promise<T> {
	const client = await pool.connect();
	let broken = false;
	try {
		await client.query('begin');
		try {
			await prepare(client);
			const result = await fn(adapt(client));
			await client.query('commit');
			return result;
		} catch (error) {
			try {
				await client.query('rollback');
			} catch {
				broken = true;
			}
			throw error;
		}
	} finally {
		client.release(broken);
	}
}

async function assertRole(client: pg.PoolClient, role: DatabaseRole | 'supabase_auth_admin') {
	const check = await client.query<{ current_user: string }>('select current_user');
	const current = check.rows[0]?.current_user;
	if (current !== role) {
		throw new Error(`refusing to run: current_user is ${String(current)}, expected ${role}`);
	}
}

/** Connects the two pools (lazily, on first use) and returns an Executor over them. */
export function createPostgresExecutor(options: PostgresExecutorOptions = {}): PostgresExecutor {
	const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
	const adminDatabaseUrl = options.adminDatabaseUrl ?? process.env.DATABASE_ADMIN_URL;
	if (!databaseUrl) throw new Error('postgres executor: DATABASE_URL (authenticator) is not set');
	if (!adminDatabaseUrl) throw new Error('postgres executor: DATABASE_ADMIN_URL is not set');
	const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
	const adminPool = new pg.Pool({ connectionString: adminDatabaseUrl, max: 2 });
	const timeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
	// An idle client dropped by the server must not crash the process.
	pool.on('error', () => undefined);
	adminPool.on('error', () => undefined);

	return {
		kind: 'postgres',
		pool,
		adminPool,
		request(ctx, fn) {
			return inTransaction(
				pool,
				async (client) => {
					const { sql, params } = requestSettings(ctx, timeoutMs);
					await client.query(sql, params);
					await assertRole(client, ctx.role);
				},
				fn
			);
		},
		auth(fn) {
			return inTransaction(
				adminPool,
				async (client) => {
					await client.query(AUTH_SETTINGS);
					await assertRole(client, 'supabase_auth_admin');
				},
				fn
			);
		},
		admin(fn) {
			return inTransaction(adminPool, async () => undefined, fn);
		},
		async close() {
			await Promise.all([pool.end(), adminPool.end()]);
		}
	};
}
