// The executors' contract: transaction-local role and claims, checked; commit and rollback;
// nothing leaking from one request into the next; the auth role for auth work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteExecutor } from '../src/executors/pglite.ts';
import { createPostgresExecutor } from '../src/executors/postgres.ts';
import { migrate } from '../src/migrate.ts';
import { createScratchDatabase, type ScratchDatabase } from '../src/pg-database.ts';
import type { Executor } from '../src/types.ts';
import { ALICE } from './scenarios.ts';
import { executorKinds, FIXTURE_MIGRATIONS } from './harness.ts';

describe.each(executorKinds())('%s executor', (kind) => {
	let executor: Executor;
	let scratch: ScratchDatabase | null = null;
	beforeAll(async () => {
		if (kind === 'pglite') executor = await createPgliteExecutor({ dataDir: null });
		else {
			scratch = await createScratchDatabase(process.env.NABIJ_PG_ADMIN_URL ?? '');
			executor = createPostgresExecutor({
				databaseUrl: scratch.databaseUrl,
				adminDatabaseUrl: scratch.adminDatabaseUrl
			});
		}
		await migrate(executor, { migrationsDir: FIXTURE_MIGRATIONS });
	});
	afterAll(async () => {
		await executor?.close();
		await scratch?.drop();
	});

	it('runs a request as its role with its claims', async () => {
		const row = await executor.request(
			{ role: 'authenticated', claims: { sub: ALICE, role: 'authenticated' }, method: 'POST' },
			async (q) =>
				(await q(`select current_user as who, auth.uid() as uid, auth.role() as role`)).rows[0]
		);
		expect(row).toEqual({ who: 'authenticated', uid: ALICE, role: 'authenticated' });
	});

	it('counts rows the same way on both engines: returned by a select, changed by a write', async () => {
		const counts = await executor.admin(async (q) => {
			const selected = await q('select n from generate_series(1, 3) as n');
			await q('create temporary table rowcount_probe (n int) on commit drop');
			const inserted = await q('insert into rowcount_probe select generate_series(1, 4)');
			const none = await q('update rowcount_probe set n = 0 where false');
			return [selected.rowCount, inserted.rowCount, none.rowCount];
		});
		expect(counts).toEqual([3, 4, 0]);
	});

	it('leaves nothing behind for the next transaction', async () => {
		await executor.request({ role: 'anon', claims: { role: 'anon' } }, (q) => q('select 1'));
		const row = await executor.admin(
			async (q) =>
				(
					await q(
						`select current_user as who, coalesce(current_setting('request.jwt.claims', true), '') as claims`
					)
				).rows[0]
		);
		expect(row?.claims).toBe('');
		expect(row?.who).not.toBe('anon');
	});

	it('rolls back when the callback throws and commits when it resolves', async () => {
		const ctx = { role: 'service_role' as const, claims: { role: 'service_role' }, method: 'POST' };
		await expect(
			executor.request(ctx, async (q) => {
				await q(`insert into public.authors (slug, name) values ('rolled', 'Back')`);
				throw new Error('no');
			})
		).rejects.toThrow('no');
		await executor.request(ctx, (q) =>
			q(`insert into public.authors (slug, name) values ('kept', 'Kept')`)
		);
		const slugs = await executor.admin(
			async (q) => (await q(`select slug from public.authors order by slug`)).rows
		);
		expect(slugs).toEqual([{ slug: 'kept' }]);
	});

	it('runs GET requests read-only', async () => {
		await expect(
			executor.request({ role: 'service_role', claims: {}, method: 'GET' }, (q) =>
				q(`insert into public.authors (slug, name) values ('ro', 'RO')`)
			)
		).rejects.toMatchObject({ code: '25006' });
	});

	it('keeps concurrent requests apart', async () => {
		const users = Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-a000-00000000010${i}`);
		const seen = await Promise.all(
			users.map((sub) =>
				executor.request({ role: 'authenticated', claims: { sub } }, async (q) => {
					const first = (await q('select auth.uid() as uid')).rows[0]?.uid;
					const second = (await q('select auth.uid() as uid')).rows[0]?.uid;
					return [first, second];
				})
			)
		);
		expect(seen).toEqual(users.map((u) => [u, u]));
	});

	it('runs auth work as supabase_auth_admin', async () => {
		const who = await executor.auth(async (q) => (await q('select current_user as who')).rows[0]);
		expect(who).toEqual({ who: 'supabase_auth_admin' });
	});
});
