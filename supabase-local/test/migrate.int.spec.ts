// The migrations runner records history as the Supabase CLI does and skips what is applied;
// the project's own migrations apply on a fresh database.
import { describe, expect, it } from 'vitest';
import { createPgliteExecutor } from '../src/executors/pglite.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from '../src/migrate.ts';
import { loadSchemaCache } from '../src/rest/schema.ts';
import { FIXTURE_MIGRATIONS } from './harness.ts';

describe('migrate', () => {
	it('records version, name and statements, and skips applied migrations', async () => {
		const executor = await createPgliteExecutor({ dataDir: null });
		try {
			const first = await migrate(executor, { migrationsDir: FIXTURE_MIGRATIONS });
			expect(first.bootstrap[0]).toBe('00_roles.sql');
			expect(first.migrations).toEqual(['20240101000000', '20240102000000', '20240103000000']);
			const history = await executor.admin(
				async (q) =>
					(
						await q(
							'select version, name, array_length(statements, 1) as n from supabase_migrations.schema_migrations order by version'
						)
					).rows
			);
			expect(history).toEqual([
				{ version: '20240101000000', name: 'library', n: expect.any(Number) },
				{ version: '20240102000000', name: 'views', n: 1 },
				{ version: '20240103000000', name: 'relationships', n: expect.any(Number) }
			]);
			const again = await migrate(executor, { migrationsDir: FIXTURE_MIGRATIONS });
			expect(again).toEqual({ bootstrap: [], migrations: [] });
		} finally {
			await executor.close();
		}
	});

	it("applies the project's migrations and reads their schema", async () => {
		const files = listMigrations(MIGRATIONS_DIR);
		const executor = await createPgliteExecutor({ dataDir: null });
		try {
			const applied = await migrate(executor);
			expect(applied.migrations).toEqual(files.map((f) => f.version));
			const cache = await executor.admin((q) => loadSchemaCache(q));
			if (files.length > 0) expect(cache.relations.size).toBeGreaterThan(0);
		} finally {
			await executor.close();
		}
	});
});
