// The local Supabase stand-in's command line: start, status, reset, seed, backup, test-db.
// Usage: node supabase-local/cli.ts <command> [options]  (npm run db:start, db:status, …)
// Paths are relative to the working directory (the project); the project's seed is a module
// given with --seed (our npm scripts pass supabase/seed/run.ts), so the gateway knows no seed.
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { dataDirOwner } from './src/executors/pglite.ts';
import { LOCAL_JWT_SECRET, localKeys } from './src/keys.ts';
import { DEFAULT_DATA_DIR, startGateway, type Gateway } from './src/server.ts';
import { runPgtap } from './src/pgtap.ts';

const ROOT = process.cwd();
const LOCAL = join(ROOT, '.local');
const STATUS_FILE = join(LOCAL, 'gateway.json');
const DEFAULT_PORT = 54321;

type SeedModule = {
	seed(options: {
		url: string;
		serviceRoleKey: string;
		demo?: number;
		osm?: boolean;
		log?: (line: string) => void;
	}): Promise<{ accounts: { role: string; email: string; password: string }[] }>;
};

type Status = { API_URL: string; ANON_KEY: string; SERVICE_ROLE_KEY: string; JWT_SECRET: string };

function statusFor(url: string): Status {
	const { anonKey, serviceRoleKey } = localKeys();
	return {
		API_URL: url,
		ANON_KEY: anonKey,
		SERVICE_ROLE_KEY: serviceRoleKey,
		JWT_SECRET: LOCAL_JWT_SECRET
	};
}

async function healthy(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
		if (!response.ok) return false;
		const body = (await response.json()) as { name?: unknown };
		return body.name === 'nabij-supabase-local';
	} catch {
		return false;
	}
}

/** The URL of a running gateway (started by `start`, or by `npm run dev` on 54321), or null. */
async function runningUrl(): Promise<string | null> {
	if (existsSync(STATUS_FILE)) {
		try {
			const { API_URL } = JSON.parse(readFileSync(STATUS_FILE, 'utf8')) as { API_URL: string };
			if (await healthy(API_URL)) return API_URL;
		} catch {
			// unreadable status file: fall through to the default port
		}
	}
	const fallback = `http://127.0.0.1:${DEFAULT_PORT}`;
	return (await healthy(fallback)) ? fallback : null;
}

function printKeys(g: { url: string; anonKey: string; serviceRoleKey: string }) {
	console.log(`API URL: ${g.url}`);
	console.log(`REST URL: ${g.url}/rest/v1`);
	console.log(`Auth URL: ${g.url}/auth/v1`);
	console.log(`Mailbox: ${g.url}/mailbox`);
	console.log(`JWT secret: ${LOCAL_JWT_SECRET}`);
	console.log(`anon key: ${g.anonKey}`);
	console.log(`service_role key: ${g.serviceRoleKey}`);
}

async function seedWith(
	url: string,
	serviceRoleKey: string,
	demo: number | undefined,
	listAccounts = true,
	osm = true
) {
	const seedModule = values.seed ? resolve(values.seed) : null;
	if (!seedModule || !existsSync(seedModule)) {
		console.log(`seed: no seed module (--seed ${values.seed ?? 'not given'}); nothing to seed.`);
		return;
	}
	const { seed } = (await import(pathToFileURL(seedModule).href)) as SeedModule;
	const { accounts } = await seed({
		url,
		serviceRoleKey,
		...(demo === undefined ? {} : { demo }),
		osm,
		log: (line) => console.log(`[seed] ${line}`)
	});
	// `npm run dev` lists the default database's accounts on later starts.
	if (!listAccounts) return;
	mkdirSync(LOCAL, { recursive: true });
	writeFileSync(join(LOCAL, 'demo-accounts.json'), JSON.stringify(accounts, null, 2));
}

async function start(
	port: number,
	dataDir: string,
	migrationsDir: string | undefined,
	seedIfNew: boolean
) {
	// Only the default database is the one `status`, `seed` and `backup` talk about.
	const isDefault = dataDir === DEFAULT_DATA_DIR;
	if (isDefault && (await runningUrl())) {
		console.error('A gateway is already running (see `npm run db:status`).');
		process.exit(1);
	}
	mkdirSync(dirname(dataDir), { recursive: true });
	// DATABASE_URL (authenticator) and DATABASE_ADMIN_URL select PostgreSQL instead of PGlite.
	const postgres =
		values.executor === 'postgres' || (!values.executor && !!process.env.DATABASE_URL);
	// As `supabase start` does: a new database gets the migrations and then the seed, so the API
	// is usable at once. Only with the project's own migrations (the seed needs their schema).
	const fresh = !postgres && (!existsSync(dataDir) || readdirSync(dataDir).length === 0);
	const gateway = await startGateway({
		executor: postgres ? 'postgres' : 'pglite',
		dataDir,
		port,
		migrate: true,
		migrationsDir,
		// A developer's own gateway: serve the mailbox.
		local: true
	});
	if (fresh && seedIfNew && !migrationsDir) {
		console.log('New database: migrations applied, loading the seed …');
		await seedWith(gateway.url, gateway.serviceRoleKey, undefined, isDefault);
	}
	if (isDefault) {
		writeFileSync(
			STATUS_FILE,
			JSON.stringify({ ...statusFor(gateway.url), PID: process.pid }, null, 2)
		);
	}
	printKeys(gateway);
	console.log('Ready. Stop with Ctrl+C.');
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await gateway.stop();
		if (isDefault) rmSync(STATUS_FILE, { force: true });
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => void stop());
	}
}

async function status(json: boolean) {
	const url = await runningUrl();
	const s = statusFor(url ?? `http://127.0.0.1:${DEFAULT_PORT}`);
	if (json) console.log(JSON.stringify(s, null, 2));
	else {
		console.log(url ? 'local gateway is running.' : 'local gateway is not running.');
		printKeys({ url: s.API_URL, anonKey: s.ANON_KEY, serviceRoleKey: s.SERVICE_ROLE_KEY });
	}
	if (!url) process.exitCode = 1;
}

async function refuseWhileRunning(what: string) {
	const owner = dataDirOwner(DEFAULT_DATA_DIR);
	if (owner !== null) {
		console.error(`Stop process ${owner} before ${what}: it has ${DEFAULT_DATA_DIR} open.`);
		process.exit(1);
	}
	if (await runningUrl()) {
		console.error(`Stop the running gateway before ${what}: the database is in use.`);
		process.exit(1);
	}
}

async function withTemporaryGateway<T>(fn: (g: Gateway) => Promise<T>): Promise<T> {
	const gateway = await startGateway({ dataDir: DEFAULT_DATA_DIR, port: 0, migrate: true });
	try {
		return await fn(gateway);
	} finally {
		await gateway.stop();
	}
}

async function reset() {
	await refuseWhileRunning('a reset');
	rmSync(DEFAULT_DATA_DIR, { recursive: true, force: true });
	mkdirSync(dirname(DEFAULT_DATA_DIR), { recursive: true });
	await withTemporaryGateway(async (g) => {
		console.log('reset: bootstrap and migrations applied.');
		await seedWith(g.url, g.serviceRoleKey, undefined);
	});
	console.log(`reset: done (${DEFAULT_DATA_DIR}).`);
}

async function seed(demo: number | undefined, osm: boolean) {
	const url = await runningUrl();
	if (url) {
		const { serviceRoleKey } = localKeys();
		await seedWith(url, serviceRoleKey, demo, true, osm);
		return;
	}
	await withTemporaryGateway((g) => seedWith(g.url, g.serviceRoleKey, demo, true, osm));
}

async function backup() {
	await refuseWhileRunning('a backup');
	if (!existsSync(DEFAULT_DATA_DIR)) {
		console.error(`backup: no database at ${DEFAULT_DATA_DIR}`);
		process.exit(1);
	}
	// Open and close once so the copy is taken from a cleanly shut-down cluster.
	const db = await PGlite.create(DEFAULT_DATA_DIR);
	await db.exec('checkpoint');
	await db.close();
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const target = join(LOCAL, 'backups', stamp);
	mkdirSync(dirname(target), { recursive: true });
	cpSync(DEFAULT_DATA_DIR, target, { recursive: true });
	console.log(`backup: ${target}`);
	console.log(`restore: stop the gateway, then replace ${DEFAULT_DATA_DIR} with that folder.`);
}

async function testDb(dir: string) {
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.sql'))
				.sort()
				.map((f) => join(dir, f))
		: [];
	const helpersDir = join(dir, 'helpers');
	const helperFiles = existsSync(helpersDir)
		? readdirSync(helpersDir)
				.filter((f) => f.endsWith('.sql'))
				.sort()
				.map((f) => join(helpersDir, f))
		: [];
	// Always on PGlite (the embedded default); also on PostgreSQL when a server is given (CI), so
	// the same policies are proven on both engines.
	const targets: { name: string; adminUrl: string | undefined }[] = [
		{ name: 'pglite', adminUrl: undefined }
	];
	if (process.env.NABIJ_PG_ADMIN_URL) {
		targets.push({ name: 'postgresql', adminUrl: process.env.NABIJ_PG_ADMIN_URL });
	}
	for (const target of targets) {
		const result = await runPgtap({
			files,
			helperFiles,
			adminUrl: target.adminUrl,
			log: (line) => console.log(line),
			pgProve: spawnSyncAvailable('pg_prove')
		});
		console.log(`pgtap (${target.name}): ${result.passed} passed, ${result.failed} failed`);
		if (result.failed > 0) process.exitCode = 1;
	}
}

function spawnSyncAvailable(command: string): boolean {
	return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		json: { type: 'boolean', default: false },
		output: { type: 'string', short: 'o' },
		port: { type: 'string' },
		demo: { type: 'string' },
		dir: { type: 'string' },
		'data-dir': { type: 'string' },
		'migrations-dir': { type: 'string' },
		'no-seed': { type: 'boolean', default: false },
		seed: { type: 'string' },
		// The OpenStreetMap care points are seeded by default; --no-osm leaves them out.
		osm: { type: 'boolean', default: true },
		'no-osm': { type: 'boolean', default: false },
		executor: { type: 'string' }
	}
});

async function main(command: string | undefined) {
	switch (command) {
		case 'start':
			await start(
				Number(values.port ?? process.env.NABIJ_GATEWAY_PORT ?? DEFAULT_PORT),
				values['data-dir'] ? resolve(values['data-dir']) : DEFAULT_DATA_DIR,
				values['migrations-dir'] ? resolve(values['migrations-dir']) : undefined,
				!values['no-seed']
			);
			break;
		case 'status':
			await status(values.json || values.output === 'json');
			break;
		case 'reset':
			await reset();
			break;
		case 'seed':
			await seed(
				values.demo === undefined ? undefined : Number(values.demo),
				values.osm && !values['no-osm']
			);
			break;
		case 'backup':
			await backup();
			break;
		case 'test-db':
			await testDb(resolve(ROOT, values.dir ?? 'supabase/tests'));
			break;
		default:
			console.error(
				'usage: node supabase-local/cli.ts [--seed MODULE] <start [--port N] [--data-dir D] [--migrations-dir D] [--no-seed] [--executor pglite|postgres] | status [--json] | reset | seed [--demo N] [--osm | --no-osm] | backup | test-db [--dir D]>'
			);
			process.exit(2);
	}
}

try {
	await main(positionals[0]);
} catch (error) {
	console.error(`supabase-local: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
