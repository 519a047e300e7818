// A clone of the repository deploys on its own: `git clone` of HEAD into an empty temporary
// folder (nothing beside it), the local database started from the clone (`db:start` applies the
// migrations and the seed), `npm run build`, and the built server started from another working
// directory. It suggests streets and finds entries, and /healthz follows the database: 200 while
// the API answers, 503 while it is down, 200 again once it is back. The server runs two worker
// processes behind one address (the default on a two-core machine, set here whatever the cores),
// which share the rate limits, are replaced when they crash and all stop on SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// The clone's folder holds the clone only; the database and the server's working directory are
// in another temporary folder.
const work = mkdtempSync(join(tmpdir(), 'nabij-clone-'));
const clone = join(work, 'repo');
const outside = mkdtempSync(join(tmpdir(), 'nabij-run-'));
const elsewhere = join(outside, 'cwd');
const children: ChildProcess[] = [];

/** Runs a command to its end; fails the test with its output when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(command, args, {
		cwd,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

/** Starts a long-running process and resolves with the first match of `ready` in its output. */
function startUntil(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number }
): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...process.env, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	let output = '';
	return new Promise((resolvePromise, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${command} ${args.join(' ')} not ready:\n${output}`)),
			options.timeoutMs
		);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = options.ready.exec(output);
			if (match) {
				clearTimeout(timer);
				resolvePromise({ child, match, output: () => output });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${command} exited with ${code}:\n${output}`));
		});
	});
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.removeAllListeners('exit');
		child.on('exit', () => done());
		child.kill('SIGTERM');
	});
}

const gatewayReady = /API URL: (http:\/\/127\.0\.0\.1:\d+)[\s\S]*anon key: (\S+)[\s\S]*Ready\./;

/** The clone's own local database (`db:start`) on a data folder inside the temporary folder. */
function startDatabase(port: number) {
	return startUntil(
		process.execPath,
		[
			// As `npm run db:start` calls it: the gateway is told which seed to load.
			...['supabase-local/cli.ts', 'start', '--seed', 'supabase/seed/run.ts'],
			...['--port', String(port), '--data-dir', join(outside, 'db')]
		],
		{ cwd: clone, ready: gatewayReady, timeoutMs: 240_000 }
	);
}

let database: ChildProcess;
let gatewayPort = 0;
let app = '';
let server: ChildProcess;
let serverOutput: () => string = () => '';

/** The server's JSON log lines so far. */
function logLines(): Record<string, unknown>[] {
	return serverOutput()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The pid of the process that logged the request with this id, once it has. */
async function servedBy(requestId: string): Promise<number> {
	let pid: unknown;
	await expect
		.poll(() => (pid = logLines().find((l) => l.req === requestId)?.pid), { timeout: 10_000 })
		.toBeTypeOf('number');
	return pid as number;
}

/**
 * One request on a connection of its own (fetch would reuse one, which stays with one worker);
 * resolves with the status and the process that answered.
 */
function alone(
	path: string,
	requestId: string,
	post?: { body: string }
): Promise<{ status: number; pid: number }> {
	return new Promise((done, fail) => {
		const headers: Record<string, string> = { 'x-request-id': requestId };
		if (post) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			// Without ORIGIN (the port is picked at start) adapter-node takes the page for https.
			headers.origin = app.replace(/^http:/, 'https:');
		}
		const req = request(
			`${app}${path}`,
			{ agent: false, method: post ? 'POST' : 'GET', headers },
			(res) => {
				res.resume();
				res.on('end', () => {
					servedBy(requestId).then((pid) => done({ status: res.statusCode ?? 0, pid }), fail);
				});
			}
		);
		req.on('error', fail);
		req.end(post?.body);
	});
}

beforeAll(async () => {
	run('git', ['clone', '--quiet', root, clone], work);
	// The dependencies are the ones installed here: the clone links to them instead of
	// downloading the same packages again.
	symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
	mkdirSync(elsewhere);

	const db = await startDatabase(0);
	database = db.child;
	expect(db.output()).toMatch(/New database: migrations applied, loading the seed/);
	const [, apiUrl = '', anonKey = ''] = db.match;
	gatewayPort = Number(new URL(apiUrl).port);

	// NABIJ_SKIP_INSTALL: the linked node_modules must not be reinstalled from the clone.
	run('npm', ['run', 'build'], clone, { NABIJ_SKIP_INSTALL: '1' });

	const started = await startUntil(process.execPath, [join(clone, 'build/index.js')], {
		cwd: elsewhere,
		env: {
			PUBLIC_SUPABASE_URL: apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			HOST: '127.0.0.1',
			PORT: '0',
			LOG_LEVEL: 'info',
			NABIJ_WORKERS: '2'
		},
		// The second worker announces itself after the first: both listen then.
		ready: /Listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Listening on \1/,
		timeoutMs: 60_000
	});
	app = started.match[1] ?? '';
	server = started.child;
	serverOutput = started.output;
}, 600_000);

afterAll(async () => {
	for (const child of children) await stop(child);
	rmSync(work, { recursive: true, force: true });
	rmSync(outside, { recursive: true, force: true });
});

describe('a clone of the repository, alone in its folder', () => {
	it('has nothing beside it and carries its own data', () => {
		expect(readdirSync(work)).toEqual(['repo']);
		expect(existsSync(join(clone, 'data/brussels/rues_osm_index.csv'))).toBe(true);
		expect(existsSync(join(work, 'shared'))).toBe(false);
	});

	it('is left clean by the build: everything generated is ignored', () => {
		expect(run('git', ['status', '--porcelain'], clone)).toBe('');
	});

	it('suggests streets from the built server started in another folder', async () => {
		const response = await fetch(`${app}/fr/find/places?q=chaussee%20de%20wavre&locale=fr`);
		expect(response.status).toBe(200);
		const { suggestions } = (await response.json()) as {
			suggestions: { kind: string; label: string; secondary: string }[];
		};
		expect(suggestions.filter((s) => s.kind === 'street').map((s) => s.secondary)).toContain(
			'Ixelles'
		);
		expect(suggestions[0]?.label).toBe('Chaussée de Wavre');
	});

	it('renders a finder page with results from the seeded database', async () => {
		const response = await fetch(`${app}/fr/find?near=4.3725%2C50.8275&radius=2000`);
		expect(response.status).toBe(200);
		const html = await response.text();
		const total = Number(/trouvés\s*:\s*(\d+)/.exec(html)?.[1] ?? 0);
		expect(total).toBeGreaterThan(0);
		expect(html.match(/data-testid="result"/g)?.length).toBe(Math.min(total, 50));
	});

	it('logs each request as JSON without its query string or the visitor', async () => {
		await fetch(`${app}/fr/find/places?q=rue%20de%20la%20loi&locale=fr`, {
			headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'trace-0123456789' }
		});
		// The server writes its log line after the response has gone out: wait for it.
		await expect
			.poll(() => logLines().some((l) => l.req === 'trace-0123456789'), { timeout: 10_000 })
			.toBe(true);
		const lines = logLines();
		const line = lines.find((l) => l.req === 'trace-0123456789');
		expect(line).toMatchObject({ method: 'GET', route: '/find/places', status: 200 });
		expect(typeof line?.ms).toBe('number');
		const text = lines.map((l) => JSON.stringify(l)).join('\n');
		expect(text).not.toMatch(/loi|wavre|near=|203\.0\.113\.9|\?/i);
	});

	it('answers /healthz with 200 while the database is up, 503 while it is down', async () => {
		const version = run('git', ['rev-parse', '--short', 'HEAD'], clone).trim();
		const up = await fetch(`${app}/healthz`);
		expect(up.status).toBe(200);
		expect(up.headers.get('cache-control')).toBe('no-store');
		expect(await up.json()).toEqual({
			status: 'ok',
			database: 'ok',
			version: expect.stringMatching(new RegExp(`\\+${version}$`)) as unknown
		});

		await stop(database);
		const down = await fetch(`${app}/healthz`);
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });

		// Back on the same port and data: healthy again, and the seed is not loaded twice.
		const again = await startDatabase(gatewayPort);
		database = again.child;
		expect(again.output()).not.toMatch(/loading the seed/);
		expect((await fetch(`${app}/healthz`)).status).toBe(200);
	});

	it('answers on one address from two worker processes, connection by connection', async () => {
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await alone('/healthz', `workers-${i}-0123456789`));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		const pids = new Set(answers.map((a) => a.pid));
		expect(pids.size).toBe(2);
		expect(pids.has(server.pid ?? 0)).toBe(false);
		expect(logLines().find((l) => l.event === 'workers')).toMatchObject({ workers: 2 });
	});

	it('holds the sign-in limit for the whole server, whichever worker answers', async () => {
		// Wrong passwords for one address: 20 failures are allowed per 15 minutes, then refused,
		// though the attempts reach both workers.
		const body = 'email=limit%40example.test&password=not-the-password';
		const answers = [];
		for (let i = 0; i < 21; i++) {
			answers.push(await alone('/fr/account/sign-in?/password', `limit-${i}-0123456789`, { body }));
		}
		expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(400));
		expect(answers[20]?.status).toBe(429);
		expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
	});

	it('starts a new worker when one crashes, and goes on answering', async () => {
		const { pid: crashed } = await alone('/healthz', 'crash-before-0123456789');
		process.kill(crashed, 'SIGKILL');
		await expect
			.poll(() => logLines().some((l) => l.event === 'worker_exit' && l.worker === crashed), {
				timeout: 10_000
			})
			.toBe(true);
		await expect
			.poll(() => serverOutput().match(/Listening on/g)?.length, { timeout: 30_000 })
			.toBe(3);
		const answers = [];
		for (let i = 0; i < 4; i++)
			answers.push(await alone('/healthz', `crash-after-${i}-0123456789`));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		const pids = new Set(answers.map((a) => a.pid));
		expect(pids.size).toBe(2);
		expect(pids.has(crashed)).toBe(false);
	});

	it('stops every worker, then itself, on SIGTERM', async () => {
		const workers = new Set(
			logLines()
				.map((l) => l.pid)
				.filter((pid): pid is number => typeof pid === 'number' && pid !== server.pid)
		);
		expect(workers.size).toBe(3);
		const exited = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));
		server.kill('SIGTERM');
		expect(await exited).toBe(0);
		const alive = [...workers].filter((pid) => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		});
		expect(alive).toEqual([]);
	});

	it('stops at once, saying why once, when a worker cannot start', () => {
		const result = spawnSync(process.execPath, [join(clone, 'build/index.js')], {
			cwd: elsewhere,
			env: {
				...process.env,
				PUBLIC_SUPABASE_URL: 'http://127.0.0.1:1',
				PUBLIC_SUPABASE_ANON_KEY: 'a-key-long-enough-to-pass',
				HOST: '127.0.0.1',
				PORT: '0',
				LOG_LEVEL: 'loud',
				NABIJ_WORKERS: '2'
			},
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(result.status).not.toBe(0);
		expect(result.signal).toBeNull();
		const output = result.stdout + result.stderr;
		// One fatal log line, from the first worker; the second is never started.
		expect(output.match(/"msg":"Nabij cannot start/g)).toHaveLength(1);
		expect(output).toMatch(/LOG_LEVEL must be one of/);
		expect(output).not.toMatch(/Listening on/);
	});
});
