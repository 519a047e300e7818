// src/lib/server/db/database.types.ts must be what `supabase gen types typescript` produces for
// the migrations. Needs PostgreSQL (NABIJ_PG_ADMIN_URL, a superuser URL) and the pinned Supabase
// CLI; skipped without them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { createPostgresExecutor } from '../../supabase-local/src/executors/postgres.ts';
import { migrate } from '../../supabase-local/src/migrate.ts';
import { createScratchDatabase } from '../../supabase-local/src/pg-database.ts';

const adminUrl = process.env.NABIJ_PG_ADMIN_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
const typesFile = `${root}src/lib/server/db/database.types.ts`;
const cli = `${root}node_modules/.bin/supabase`;

describe.skipIf(!adminUrl || !existsSync(cli))('database.types.ts', () => {
	it('matches the types generated from the migrations', async () => {
		const db = await createScratchDatabase(adminUrl!, 'types');
		try {
			const executor = createPostgresExecutor({
				databaseUrl: db.databaseUrl,
				adminDatabaseUrl: db.adminDatabaseUrl
			});
			try {
				await migrate(executor);
			} finally {
				await executor.close();
			}
			const output = execFileSync(
				cli,
				['gen', 'types', 'typescript', '--remote', db.adminDatabaseUrl, '--schema', 'public'],
				{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
			);
			const current = readFileSync(typesFile, 'utf8');
			// The file is the CLI's output below a short header comment, formatted by Prettier.
			const header = current.slice(0, current.indexOf('export type Json'));
			const generated = header + output.slice(output.indexOf('export type Json'));
			const expected = await format(generated, {
				...(await resolveConfig(typesFile)),
				filepath: typesFile
			});
			expect(current, 'regenerate database.types.ts (see its header)').toBe(expected);
		} finally {
			await db.drop();
		}
	}, 120_000);
});
