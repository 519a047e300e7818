// Applies the bootstrap SQL (what a Supabase project provides) and then the project's
// migrations, recording each migration in supabase_migrations.schema_migrations exactly as the
// Supabase CLI does (version, name, statements), so the history reads the same on both.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitStatements } from './sql-split.ts';
import type { Executor, Query } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** supabase-local/sql: the bootstrap files, applied in name order. */
export const BOOTSTRAP_DIR = resolve(HERE, '../sql');
/** The project's migrations: `supabase/migrations` in the working directory, as the Supabase CLI reads them. */
export const MIGRATIONS_DIR = resolve('supabase/migrations');

export type MigrationFile = { version: string; name: string; path: string };

/** Lists `*.sql` files of `dir` in name order, split into version and name as the CLI does. */
export function listMigrations(dir: string): MigrationFile[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((file) => {
			const stem = basename(file, '.sql');
			const cut = stem.indexOf('_');
			return {
				version: cut === -1 ? stem : stem.slice(0, cut),
				name: cut === -1 ? '' : stem.slice(cut + 1),
				path: join(dir, file)
			};
		});
}

async function runStatements(q: Query, statements: string[], file: string) {
	for (const statement of statements) {
		try {
			await q(statement);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(`${file}: ${message}\n--- in statement:\n${statement.slice(0, 2000)}`, {
				cause: error
			});
		}
	}
}

const BOOTSTRAP_TABLE = 'supabase_migrations.local_bootstrap';

/**
 * Applies each bootstrap file not yet recorded (by file name) in
 * supabase_migrations.local_bootstrap. Returns the names applied.
 */
export async function applyBootstrap(
	executor: Executor,
	dir: string = BOOTSTRAP_DIR
): Promise<string[]> {
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.sql'))
				.sort()
		: [];
	const applied: string[] = [];
	const done = await executor.admin(async (q) => {
		const exists = await q(`select to_regclass('${BOOTSTRAP_TABLE}') is not null as ok`);
		if (!exists.rows[0]?.ok) return new Map<string, string>();
		const rows = await q(`select name, checksum from ${BOOTSTRAP_TABLE}`);
		return new Map(rows.rows.map((r) => [String(r.name), String(r.checksum)]));
	});
	for (const file of files) {
		const text = readFileSync(join(dir, file), 'utf8');
		const checksum = createHash('sha256').update(text).digest('hex');
		const recorded = done.get(file);
		if (recorded !== undefined) {
			// Bootstrap files are applied once; an edited one needs a fresh database to take effect.
			if (recorded !== checksum) {
				console.warn(
					`supabase-local: ${file} changed since this database was bootstrapped; run \`npm run db:reset\` to apply it`
				);
			}
			continue;
		}
		await executor.admin(async (q) => {
			await runStatements(q, splitStatements(text), file);
			await q(
				`create table if not exists ${BOOTSTRAP_TABLE} (name text primary key, checksum text not null, applied_at timestamptz not null default now())`
			);
			await q(
				`insert into ${BOOTSTRAP_TABLE} (name, checksum) values ($1, $2) on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
				[file, checksum]
			);
		});
		applied.push(file);
	}
	return applied;
}

/**
 * Applies the migrations of `dir` not yet in supabase_migrations.schema_migrations, each in
 * its own transaction with its history row. Returns the versions applied.
 */
export async function applyMigrations(
	executor: Executor,
	dir: string = MIGRATIONS_DIR
): Promise<string[]> {
	const files = listMigrations(dir);
	const applied: string[] = [];
	const done = await executor.admin(async (q) => {
		const rows = await q('select version from supabase_migrations.schema_migrations');
		return new Set(rows.rows.map((r) => String(r.version)));
	});
	for (const file of files) {
		if (done.has(file.version)) continue;
		const statements = splitStatements(readFileSync(file.path, 'utf8'));
		await executor.admin(async (q) => {
			await runStatements(q, statements, basename(file.path));
			await q(
				'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
				[file.version, file.name, statements]
			);
		});
		applied.push(file.version);
	}
	return applied;
}

/** Bootstrap then migrations; returns what was applied. */
export async function migrate(
	executor: Executor,
	options: { bootstrapDir?: string; migrationsDir?: string } = {}
): Promise<{ bootstrap: string[]; migrations: string[] }> {
	const bootstrap = await applyBootstrap(executor, options.bootstrapDir);
	const migrations = await applyMigrations(executor, options.migrationsDir);
	return { bootstrap, migrations };
}
