// Runs the project's pgTAP files (supabase/tests/*.sql) after bootstrap and migrations: on
// PGlite with the pgTAP extension, each file on its own clone of the migrated database; on
// PostgreSQL (when an admin URL is given) on a scratch database, through pg_prove if present.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pgtap } from '@electric-sql/pglite-pgtap';
import pg from 'pg';
import { createPgliteExecutor } from './executors/pglite.ts';
import { createPostgresExecutor } from './executors/postgres.ts';
import { migrate } from './migrate.ts';
import { createScratchDatabase } from './pg-database.ts';
import { splitStatements } from './sql-split.ts';

export type PgtapOptions = {
	files: string[];
	/** Superuser URL of a PostgreSQL cluster; without it the tests run on PGlite. */
	adminUrl?: string;
	/** Use pg_prove on PostgreSQL (when installed). */
	pgProve?: boolean;
	migrationsDir?: string;
	/** SQL applied once after the migrations and before the tests (helper functions, not TAP). */
	helperFiles?: string[];
	log: (line: string) => void;
};

export type PgtapResult = { passed: number; failed: number };

const TAP_LINE = /^(not ok|ok)\b|^1\.\.\d+|^#/;

/** Counts TAP output of one file; a missing or short plan counts as a failure. */
export function countTap(lines: string[]): PgtapResult & { planned: number | null } {
	let passed = 0;
	let failed = 0;
	let planned: number | null = null;
	for (const line of lines) {
		const plan = /^1\.\.(\d+)/.exec(line);
		if (plan) planned = Number(plan[1]);
		else if (/^not ok\b/.test(line) && !/#\s*TODO/i.test(line)) failed++;
		// pg_prove closes each file with a bare "ok": only numbered lines are tests.
		else if (/^(not )?ok \d+/.test(line)) passed++;
	}
	if (planned === null || passed + failed !== planned) failed++;
	return { passed, failed, planned };
}

type StatementRunner = (sql: string) => Promise<Record<string, unknown>[]>;

async function applyHelpers(files: string[] | undefined, run: (sql: string) => Promise<unknown>) {
	for (const file of files ?? []) {
		for (const statement of splitStatements(readFileSync(file, 'utf8'))) await run(statement);
	}
}

async function runFile(file: string, run: StatementRunner, log: PgtapOptions['log']) {
	const lines: string[] = [];
	log(`# ${basename(file)}`);
	try {
		for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
			for (const row of await run(statement)) {
				for (const value of Object.values(row)) {
					if (typeof value !== 'string') continue;
					for (const line of value.split('\n')) if (TAP_LINE.test(line)) lines.push(line);
				}
			}
		}
	} catch (error) {
		lines.push(
			`not ok - ${basename(file)} stopped: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	for (const line of lines) log(line);
	return countTap(lines);
}

async function onPglite(options: PgtapOptions): Promise<PgtapResult> {
	const executor = await createPgliteExecutor({ dataDir: null, extensions: { pgtap } });
	const total = { passed: 0, failed: 0 };
	try {
		await migrate(executor, { migrationsDir: options.migrationsDir });
		await executor.admin((q) => q('create extension if not exists pgtap with schema extensions'));
		await executor.admin((q) => applyHelpers(options.helperFiles, (sql) => q(sql)));
		for (const file of options.files) {
			// A clone per file: a file that commits or breaks its transaction cannot affect the next.
			const db = await executor.db.clone();
			try {
				const r = await runFile(
					file,
					async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
					options.log
				);
				total.passed += r.passed;
				total.failed += r.failed;
			} finally {
				await db.close();
			}
		}
	} finally {
		await executor.close();
	}
	return total;
}

async function onPostgres(adminUrl: string, options: PgtapOptions): Promise<PgtapResult> {
	const scratch = await createScratchDatabase(adminUrl, 'pgtap');
	const total = { passed: 0, failed: 0 };
	try {
		const executor = createPostgresExecutor({
			databaseUrl: scratch.databaseUrl,
			adminDatabaseUrl: scratch.adminDatabaseUrl
		});
		try {
			await migrate(executor, { migrationsDir: options.migrationsDir });
			await executor.admin((q) => q('create extension if not exists pgtap with schema extensions'));
			await executor.admin((q) => applyHelpers(options.helperFiles, (sql) => q(sql)));
		} finally {
			await executor.close();
		}
		for (const file of options.files) {
			let r: PgtapResult;
			if (options.pgProve) {
				const run = spawnSync('pg_prove', ['--verbose', '-d', scratch.adminDatabaseUrl, file], {
					encoding: 'utf8'
				});
				const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => TAP_LINE.test(l));
				options.log(`# ${basename(file)} (pg_prove)`);
				for (const line of lines) options.log(line);
				r = countTap(lines);
				if (run.status !== 0 && r.failed === 0) r.failed = 1;
			} else {
				const client = new pg.Client({ connectionString: scratch.adminDatabaseUrl });
				await client.connect();
				try {
					r = await runFile(
						file,
						async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
						options.log
					);
				} finally {
					await client.end();
				}
			}
			total.passed += r.passed;
			total.failed += r.failed;
		}
	} finally {
		await scratch.drop();
	}
	return total;
}

/** Runs `files` and returns the summed counts. */
export async function runPgtap(options: PgtapOptions): Promise<PgtapResult> {
	return options.adminUrl ? onPostgres(options.adminUrl, options) : onPglite(options);
}
