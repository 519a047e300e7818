// `npm test`: every check the project has, in one command, each counted, then one closing line
// `N passed, N failed` summed over all runners (CI reads it). Runs every step even after a
// failure, so one run shows everything that is wrong. `npm test -- unit e2e` runs only those steps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
	countsFromPgtapOutput,
	countsFromPlaywrightJson,
	countsFromVitestJson,
	type Counts
} from './test-counts.ts';

type Step = {
	name: string;
	command: string[];
	env?: Record<string, string>;
	/** Counts from the runner's own report; by default a step counts as one check. */
	counts?: (output: string) => Counts | null;
};

const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const report = (name: string) => join(reports, `${name}.json`);

const vitest = (name: string, projects: string[]): Step => ({
	name,
	command: ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])],
	env: { VITEST_JSON: report(name) },
	counts: () => countsFromVitestJson(readIfExists(report(name)))
});

const steps: Step[] = [
	{ name: 'format', command: ['prettier', '--check', '--log-level', 'warn', '.'] },
	{ name: 'lint', command: ['eslint', '--max-warnings', '0', '.'] },
	{
		name: 'types',
		command: [
			'svelte-check',
			'--tsconfig',
			'./tsconfig.json',
			'--fail-on-warnings',
			'--output',
			'machine'
		]
	},
	vitest('unit', ['unit', 'component']),
	vitest('integration', ['integration']),
	{
		name: 'schema',
		command: ['node', 'scripts/schema-check.ts', '--check'],
		// Without a PostgreSQL server the check is skipped: it counts neither way.
		counts: (output) =>
			output.includes('NABIJ_PG_ADMIN_URL is not set') ? { passed: 0, failed: 0 } : null
	},
	{
		name: 'db',
		command: ['node', 'supabase-local/cli.ts', 'test-db'],
		counts: countsFromPgtapOutput
	},
	{
		name: 'e2e',
		command: ['node', 'scripts/e2e.ts'],
		env: { PLAYWRIGHT_JSON: report('e2e') },
		counts: () => countsFromPlaywrightJson(readIfExists(report('e2e')))
	}
];

function readIfExists(path: string): string | null {
	return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

const only = process.argv.slice(2);
const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
const unknown = only.filter((name) => !steps.some((s) => s.name === name));
if (unknown.length) {
	console.error(
		`Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}`
	);
	process.exit(2);
}

// Generated sources that type checks and lint read: Paraglide's messages and SvelteKit's types.
for (const [cmd, ...args] of [
	['node', 'scripts/paraglide.ts'],
	['svelte-kit', 'sync']
] as const) {
	const prepared = spawnSync(cmd, args, { stdio: 'inherit' });
	if (prepared.status !== 0) {
		console.error(`${cmd} ${args.join(' ')} failed`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	}
}

const results: { name: string; counts: Counts; seconds: number; exit: number }[] = [];
for (const step of selected) {
	console.log(`\n━━ ${step.name}: ${step.command.join(' ')}`);
	const started = performance.now();
	const [cmd = '', ...args] = step.command;
	// Output goes to the terminal as it comes and is kept for runners that report on stdout.
	const run = spawnSync(cmd, args, {
		env: { ...process.env, ...step.env },
		stdio: ['inherit', 'pipe', 'inherit'],
		maxBuffer: 256 * 1024 * 1024
	});
	const output = run.stdout?.toString() ?? '';
	process.stdout.write(output);
	const exit = run.status ?? 1;
	let counts = step.counts?.(output) ?? null;
	if (!counts) counts = exit === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
	// A runner that exits non-zero has failed even if its report shows no failed test
	// (a crash, a suite that did not load, a timeout).
	if (exit !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
	results.push({ name: step.name, counts, exit, seconds: (performance.now() - started) / 1000 });
}

console.log('\n━━ summary');
for (const r of results) {
	const mark = r.counts.failed ? '✗' : '✓';
	console.log(
		`${mark} ${r.name.padEnd(12)} ${String(r.counts.passed).padStart(5)} passed ${String(r.counts.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`
	);
}
const passed = results.reduce((sum, r) => sum + r.counts.passed, 0);
const failed = results.reduce((sum, r) => sum + r.counts.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
