// The pgTAP runner behind `npm run test:db`: passing files count as passed, a failing
// assertion and a short plan count as failures, on each executor.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runPgtap } from '../src/pgtap.ts';
import { executorKinds, FIXTURE_MIGRATIONS } from './harness.ts';

const dir = join(import.meta.dirname, 'fixtures/pgtap');
const files = readdirSync(dir)
	.sort()
	.map((f) => join(dir, f));

describe.each(executorKinds())('pgTAP runner on %s', (kind) => {
	it('counts passes, failures and short plans', async () => {
		const lines: string[] = [];
		const result = await runPgtap({
			files,
			migrationsDir: FIXTURE_MIGRATIONS,
			adminUrl: kind === 'postgres' ? process.env.NABIJ_PG_ADMIN_URL : undefined,
			pgProve: spawnSync('pg_prove', ['--version'], { stdio: 'ignore' }).status === 0,
			log: (line) => lines.push(line)
		});
		// 3 passes in the first file; 1 pass, 1 failure and 1 short plan in the second.
		expect(result).toEqual({ passed: 4, failed: 2 });
		expect(lines).toContain('ok 2 - anon cannot insert posts');
		expect(lines.some((l) => l.startsWith('not ok 2 - fails on purpose'))).toBe(true);
	});
});
