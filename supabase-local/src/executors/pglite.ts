// The in-process executor: one PGlite instance (Postgres in WASM). PGlite has a single session
// whose user is a superuser, so every API request switches role transaction-locally and then
// proves the switch took effect before running anything: a missed switch would bypass RLS.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite, types, type Extension, type Transaction } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { DatabaseRole, Executor, Query, QueryResult } from '../types.ts';
import {
	AUTH_SETTINGS,
	DEFAULT_STATEMENT_TIMEOUT_MS,
	requestSettings,
	StatementTimeoutError
} from './settings.ts';

export type PgliteExecutorOptions = {
	/** Directory holding the database files; null or undefined keeps the database in memory. */
	dataDir?: string | null;
	/** More PGlite extensions to load, e.g. pgTAP for database tests. */
	extensions?: Record<string, Extension>;
	/** Longest an API request may run, in ms; default 8000 (0 turns it off). */
	statementTimeoutMs?: number;
};

// Extensions a Supabase project offers and migrations may `create extension … with schema
// extensions`; PGlite must know them when it starts. Registering them costs no measurable time.
const AVAILABLE_EXTENSIONS = { pgcrypto, unaccent, pg_trgm, citext, fuzzystrmatch };

/** A PGlite-backed executor, with the extensions the bootstrap SQL needs already loaded. */
export type PgliteExecutor = Executor & { readonly db: PGlite };

// node-postgres returns int8 and numeric as strings (no precision loss); PGlite is told to do the
// same so code written against one executor behaves identically on the other.
const parsers = {
	[types.INT8]: (value: string) => value,
	[types.NUMERIC]: (value: string) => value
};

function adapt(tx: Transaction, deadline = Infinity): Query {
	return async (sql, params) => {
		if (Date.now() > deadline) throw new StatementTimeoutError();
		const result = await tx.query<Record<string, unknown>>(sql, params ?? []);
		// PGlite runs a statement to its end on this thread and ignores statement_timeout, so the
		// bound is checked once the statement returns: the request then fails with Postgres's
		// 57014 and its transaction rolls back, as it would on PostgreSQL.
		if (Date.now() > deadline) throw new StatementTimeoutError();
		return {
			rows: result.rows,
			// PGlite reports 0 affected rows for a SELECT; pg reports the rows returned. Match pg.
			rowCount: result.affectedRows || result.rows.length,
			fields: result.fields
		} satisfies QueryResult;
	};
}

/** Opens (or creates) a PGlite database and returns an Executor over it. */
export async function createPgliteExecutor(
	options: PgliteExecutorOptions = {}
): Promise<PgliteExecutor> {
	const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
	let db: PGlite;
	try {
		db = await PGlite.create(options.dataDir ?? undefined, {
			extensions: { ...AVAILABLE_EXTENSIONS, ...options.extensions },
			parsers
		});
	} catch (error) {
		releaseLock();
		throw error;
	}
	// PGlite already queues work on its single connection; this chain additionally keeps one
	// request's statements from interleaving with another's when callers await between them.
	const timeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
	let tail: Promise<unknown> = Promise.resolve();
	let closed = false;
	function serialize<T>(fn: () => Promise<T>): Promise<T> {
		if (closed) return Promise.reject(new Error('executor is closed'));
		const run = tail.then(fn, fn);
		tail = run.catch(() => undefined);
		return run;
	}

	return {
		kind: 'pglite',
		db,
		request(ctx, fn) {
			return serialize(() =>
				db.transaction(async (tx) => {
					const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
					const { sql, params } = requestSettings(ctx, timeoutMs);
					await tx.query(sql, params);
					await assertRole(tx, ctx.role);
					return fn(adapt(tx, deadline));
				})
			);
		},
		auth(fn) {
			return serialize(() =>
				db.transaction(async (tx) => {
					await tx.query(AUTH_SETTINGS);
					await assertRole(tx, 'supabase_auth_admin');
					return fn(adapt(tx));
				})
			);
		},
		admin(fn) {
			return serialize(() => db.transaction(async (tx) => fn(adapt(tx))));
		},
		async close() {
			if (closed) return;
			await serialize(async () => undefined);
			closed = true;
			try {
				await db.close();
			} finally {
				releaseLock();
			}
		}
	};
}

async function assertRole(tx: Transaction, role: DatabaseRole | 'supabase_auth_admin') {
	const check = await tx.query<{ current_user: string }>('select current_user');
	const current = check.rows[0]?.current_user;
	if (current !== role) {
		throw new Error(`refusing to run: current_user is ${String(current)}, expected ${role}`);
	}
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as { code?: string }).code === 'EPERM';
	}
}

/** The pid of a live process holding `dataDir` open through this executor, or null. */
export function dataDirOwner(dataDir: string): number | null {
	try {
		const owner = Number(readFileSync(`${resolve(dataDir)}.lock`, 'utf8'));
		return owner && processAlive(owner) ? owner : null;
	} catch {
		return null;
	}
}

/**
 * PGlite has no cross-process locking: two processes opening one data directory corrupt it. A
 * `<dataDir>.lock` file holding the owner's pid refuses a second opener while the first lives.
 */
function lockDataDir(dataDir: string): () => void {
	const lock = `${resolve(dataDir)}.lock`;
	mkdirSync(dirname(lock), { recursive: true });
	try {
		writeFileSync(lock, String(process.pid), { flag: 'wx' });
	} catch {
		const owner = Number(readFileSync(lock, 'utf8'));
		if (owner && owner !== process.pid && processAlive(owner)) {
			throw new Error(`database ${dataDir} is in use by process ${owner}`);
		}
		if (owner === process.pid) throw new Error(`database ${dataDir} is already open here`);
		// A stale lock from a process that died (e.g. SIGKILL): take it over.
		writeFileSync(lock, String(process.pid));
	}
	return () => rmSync(lock, { force: true });
}
