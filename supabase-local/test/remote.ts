// Runs the gateway's scenario suite (test/scenarios.ts) against a real Supabase project and
// compares every result with test/expected/gateway-scenarios.snap, the snapshot the gateway must
// equal on each executor, so differences from real PostgREST and GoTrue show up. Opt-in: without
// the SUPABASE_TEST_* variables it prints what to set and exits 0. The fixture migrations must be
// applied to a throwaway project first; see "Comparing with a real Supabase project" in
// supabase-local/README.md.
//
//   node supabase-local/test/remote.ts [--out results.json]
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import {
	ALICE,
	BOB,
	makeClients,
	scenarios,
	signingTarget,
	UnsupportedByTarget,
	type Snap,
	type Target
} from './scenarios.ts';

export const SNAPSHOT = fileURLToPath(
	new URL('./expected/gateway-scenarios.snap', import.meta.url)
);

/** The tables the scenarios write to; they must start empty with fresh identities. */
export const FIXTURE_TABLES = [
	'authors',
	'posts',
	'comments',
	'reports',
	'author_profiles',
	'post_stats',
	'labels',
	'post_labels',
	'collections',
	'members'
] as const;

/** Empties the fixture tables and restarts their identities, for the next run. */
export const RESET_SQL =
	'truncate table public.authors, public.posts, public.comments, public.reports, ' +
	'public.author_profiles, public.post_stats, public.labels, public.post_labels, ' +
	'public.collections, public.members restart identity cascade;';

export const REQUIRED_ENV = [
	'SUPABASE_TEST_URL',
	'SUPABASE_TEST_ANON_KEY',
	'SUPABASE_TEST_SERVICE_ROLE_KEY'
] as const;

export type RemoteConfig = {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The project's (legacy HS256) JWT secret; null signs test users in through the auth API. */
	jwtSecret: string | null;
};

export type ConfigResult =
	| { kind: 'ready'; config: RemoteConfig }
	| { kind: 'unset' }
	| { kind: 'incomplete'; missing: string[] };

/** Reads the target project from the environment; a blank variable counts as unset. */
export function readRemoteConfig(env: Record<string, string | undefined>): ConfigResult {
	const value = (name: string) => env[name]?.trim() || null;
	const missing = REQUIRED_ENV.filter((name) => !value(name));
	if (missing.length === REQUIRED_ENV.length) return { kind: 'unset' };
	if (missing.length > 0) return { kind: 'incomplete', missing };
	return {
		kind: 'ready',
		config: {
			url: (value('SUPABASE_TEST_URL') ?? '').replace(/\/+$/, ''),
			anonKey: value('SUPABASE_TEST_ANON_KEY') ?? '',
			serviceRoleKey: value('SUPABASE_TEST_SERVICE_ROLE_KEY') ?? '',
			jwtSecret: value('SUPABASE_TEST_JWT_SECRET')
		}
	};
}

export const USAGE = `remote: not run. To compare a throwaway Supabase project with the gateway's snapshot, set
  SUPABASE_TEST_URL               the project URL
  SUPABASE_TEST_ANON_KEY          its anon (publishable) key
  SUPABASE_TEST_SERVICE_ROLE_KEY  its service_role (secret) key
  SUPABASE_TEST_JWT_SECRET        optional: its legacy JWT secret, to mint user tokens; without it
                                  two test users are created and signed in through the auth API
after applying supabase-local/test/fixtures/migrations to that project (supabase-local/README.md).`;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
	const text = value === undefined ? 'undefined' : JSON.stringify(value);
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function member(path: string, key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The differences between two JSON values, one line each (`path: expected X, got Y`), walking
 * arrays by index and objects by key. Object key order is not a difference.
 */
export function jsonDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
	if (Object.is(expected, actual)) return [];
	if (Array.isArray(expected) && Array.isArray(actual)) {
		const out: string[] = [];
		for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
			const at = `${path}[${i}]`;
			if (i >= actual.length) out.push(`${at}: expected ${show(expected[i])}, missing`);
			else if (i >= expected.length) out.push(`${at}: unexpected ${show(actual[i])}`);
			else out.push(...jsonDifferences(expected[i], actual[i], at));
		}
		return out;
	}
	if (isRecord(expected) && isRecord(actual)) {
		const out: string[] = [];
		for (const key of Object.keys(expected)) {
			const at = member(path, key);
			if (!Object.hasOwn(actual, key)) out.push(`${at}: expected ${show(expected[key])}, missing`);
			else out.push(...jsonDifferences(expected[key], actual[key], at));
		}
		for (const key of Object.keys(actual)) {
			if (!Object.hasOwn(expected, key)) {
				out.push(`${member(path, key)}: unexpected ${show(actual[key])}`);
			}
		}
		return out;
	}
	return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

export type Outcome = { name: string; status: 'passed' | 'failed' | 'skipped'; lines: string[] };

/** A result as the snapshot stores it: JSON text, so undefined members drop out. */
export function asStored(value: unknown): unknown {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * Judges one scenario: `actual` against its `expected` snapshot entry, plus the scenario's own
 * check (`checkError`, null when it passed). Either kind of mismatch fails it.
 */
export function judge(
	name: string,
	expected: Snap | undefined,
	actual: Snap,
	checkError: unknown
): Outcome {
	const lines: string[] = [];
	if (checkError !== null) {
		const message = checkError instanceof Error ? checkError.message : String(checkError);
		lines.push(`check: ${message.split('\n')[0]}`);
	}
	if (expected === undefined) lines.push('not in the snapshot');
	else lines.push(...jsonDifferences(expected, asStored(actual)));
	return { name, status: lines.length ? 'failed' : 'passed', lines };
}

/** The report's last line. */
export function summaryLine(outcomes: Outcome[]): string {
	const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
	return `remote: ${count('passed')} passed, ${count('failed')} failed`;
}

/** Formats outcomes for the terminal: one line per scenario, differences indented below it. */
export function formatOutcome(outcome: Outcome, maxLines = 20): string[] {
	const label = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[outcome.status];
	if (outcome.status === 'skipped') {
		return [`${label} ${outcome.name} (${outcome.lines.join('; ')})`];
	}
	const shown = outcome.lines.slice(0, maxLines).map((line) => `       ${line}`);
	if (outcome.lines.length > maxLines) {
		shown.push(`       … ${outcome.lines.length - maxLines} more`);
	}
	return [`${label} ${outcome.name}`, ...shown];
}

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } };

/** Null when every fixture table exists and is empty, else what to do about it. */
async function fixtureProblem(config: RemoteConfig): Promise<string | null> {
	const service = createClient(config.url, config.serviceRoleKey, clientOptions);
	const missing: string[] = [];
	const filled: string[] = [];
	for (const table of FIXTURE_TABLES) {
		const { error, count } = await service.from(table).select('*', { count: 'exact' }).limit(1);
		if (error?.code === 'PGRST205') missing.push(table);
		else if (error) return `remote: reading ${table} failed: ${error.code} ${error.message}`;
		else if (count) filled.push(`${table} (${count} rows)`);
	}
	if (missing.length) {
		return (
			`remote: the project has no ${missing.join(', ')}: apply ` +
			'supabase-local/test/fixtures/migrations first (supabase-local/README.md).'
		);
	}
	if (filled.length) {
		return (
			`remote: the fixture tables must start empty with fresh identities; ${filled.join(', ')}. ` +
			`Run in the project's SQL editor or with psql:\n  ${RESET_SQL}`
		);
	}
	return null;
}

/**
 * A target without the JWT secret: ALICE and BOB are created through the admin API with their
 * fixed ids (or given a new password when they exist) and signed in with a password. Tokens with
 * custom claims cannot be made, so scenarios that need one are skipped.
 */
async function signInTarget(config: RemoteConfig): Promise<Target> {
	const admin = createClient(config.url, config.serviceRoleKey, clientOptions).auth.admin;
	const auth = createClient(config.url, config.anonKey, clientOptions).auth;
	const tokens = new Map<string, string>();
	for (const [sub, name] of [
		[ALICE, 'alice'],
		[BOB, 'bob']
	] as const) {
		const password = randomBytes(24).toString('base64url');
		const found = await admin.getUserById(sub);
		if (found.error && found.error.status !== 404) {
			throw new Error(`looking up ${name} (${sub}): ${found.error.message}`);
		}
		let email = found.data.user?.email ?? `scenario-${name}@example.test`;
		if (found.data.user) {
			const { error } = await admin.updateUserById(sub, { password, email_confirm: true });
			if (error) throw new Error(`resetting ${name}'s password: ${error.message}`);
		} else {
			const { data, error } = await admin.createUser({
				id: sub,
				email,
				password,
				email_confirm: true
			});
			if (error) throw new Error(`creating ${email}: ${error.message}`);
			if (data.user.id !== sub) {
				throw new Error(
					`the auth server gave ${email} the id ${data.user.id}, not ${sub}; ` +
						'set SUPABASE_TEST_JWT_SECRET instead'
				);
			}
			email = data.user.email ?? email;
		}
		const { data, error } = await auth.signInWithPassword({ email, password });
		if (error || !data.session) {
			throw new Error(`signing in ${email}: ${error?.message ?? 'no session'}`);
		}
		tokens.set(sub, data.session.access_token);
	}
	return {
		url: config.url,
		anonKey: config.anonKey,
		serviceRoleKey: config.serviceRoleKey,
		userToken(sub, extra) {
			if (extra) {
				throw new UnsupportedByTarget('needs SUPABASE_TEST_JWT_SECRET to mint custom claims');
			}
			const token = tokens.get(sub);
			if (!token) throw new UnsupportedByTarget(`no signed-in user ${sub}`);
			return token;
		}
	};
}

/** Runs every scenario in order against `target` and judges each against `snapshot`. */
export async function runScenarios(
	target: Target,
	snapshot: Record<string, Snap>,
	onOutcome: (outcome: Outcome) => void = () => {}
): Promise<{ outcomes: Outcome[]; results: Record<string, Snap> }> {
	const clients = makeClients(target);
	const outcomes: Outcome[] = [];
	const results: Record<string, Snap> = {};
	for (const scenario of scenarios) {
		let outcome: Outcome;
		try {
			const result = await scenario.run(clients);
			results[scenario.name] = result;
			let checkError: unknown = null;
			try {
				scenario.check(result);
			} catch (error) {
				checkError = error;
			}
			outcome = judge(scenario.name, snapshot[scenario.name], result, checkError);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			outcome =
				error instanceof UnsupportedByTarget
					? { name: scenario.name, status: 'skipped', lines: [message] }
					: { name: scenario.name, status: 'failed', lines: [`threw: ${message}`] };
		}
		outcomes.push(outcome);
		onOutcome(outcome);
	}
	return { outcomes, results };
}

async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
	const read = readRemoteConfig(env);
	if (read.kind === 'unset') {
		console.log(USAGE);
		return 0;
	}
	if (read.kind === 'incomplete') {
		console.error(`remote: also set ${read.missing.join(', ')}.\n\n${USAGE}`);
		return 1;
	}
	const { config } = read;
	const outIndex = argv.indexOf('--out');
	const outPath = outIndex >= 0 ? argv[outIndex + 1] : undefined;
	if (outIndex >= 0 && !outPath) {
		console.error('remote: --out needs a file name');
		return 1;
	}

	const snapshot = JSON.parse(await readFile(SNAPSHOT, 'utf8')) as Record<string, Snap>;
	let target: Target;
	try {
		const problem = await fixtureProblem(config);
		if (problem) {
			console.error(problem);
			return 1;
		}
		target = config.jwtSecret
			? signingTarget({ ...config, jwtSecret: config.jwtSecret })
			: await signInTarget(config);
	} catch (error) {
		console.error(`remote: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
	console.log(
		`remote: ${scenarios.length} scenarios against ${config.url} ` +
			`(user tokens ${config.jwtSecret ? 'signed with the JWT secret' : 'from password sign-in'})`
	);

	const { outcomes, results } = await runScenarios(target, snapshot, (outcome) => {
		for (const line of formatOutcome(outcome)) console.log(line);
	});
	if (outPath) {
		await mkdir(dirname(resolve(outPath)), { recursive: true });
		await writeFile(resolve(outPath), JSON.stringify(results, null, '\t') + '\n');
		console.log(`remote: results written to ${outPath}`);
	}
	const skipped = outcomes.filter((o) => o.status === 'skipped').length;
	if (skipped) console.log(`remote: ${skipped} skipped`);
	console.log(summaryLine(outcomes));
	return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2), process.env);
}
