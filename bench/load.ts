// Load test of the built server (not a test). Starts, in processes of their own, the local
// gateway on an in-memory database seeded with the demo entries, and the built app
// (`node build/index.js`) pointed at it; then prints
// 1. the finder page's size over the wire (brotli, gzip) against its uncompressed HTML, for a
//    1 km search and for the whole region;
// 2. requests/s, latency p50/p99, errors and non-2xx answers of the finder page for a 1 km search
//    under `autocannon` with 10 connections for a fixed time, as a browser asks for it (brotli),
//    from the server as it runs by default (one worker process per core) and, as the reference
//    in the same run, from one process (NABIJ_WORKERS=1), their runs alternated; then without
//    compression;
// 3. the same with a different place for every request (a quartier's point moved by up to
//    ~400 m), so that no answer the server keeps is asked for twice: what searches around many
//    addresses cost, where (2) is a popular search (a quartier, the first screen, a shared link).
// Target: ≥ 200 requests/s with 0 errors at 10,000 entries. Stops every process it started.
// Run: node bench/load.ts [--demo 10000] [--seconds 20] [--connections 10] [--runs 3]
// [--workers auto] (npm run build first); the 1 km search is loaded `--runs` times and reported
// as each run and their median; `--workers` is the NABIJ_WORKERS of the server measured.
// Ports: --port (app, default 4202; the one-process reference on the next port) and
// --gateway-port (default 54402). `--executor postgres`
// puts the gateway on a scratch database of the PostgreSQL server NABIJ_PG_ADMIN_URL names (as
// the integration tests do) instead of PGlite, which runs the SQL in the gateway's own thread.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import autocannon from 'autocannon';
import { configuredMaxRows, startGateway } from '@nabij/supabase-local';
import { startTestGateway } from '@nabij/supabase-local/testing';
import { availableParallelism } from 'node:os';
import { prng } from '../supabase/seed/prng.ts';
import { workerCount } from '../src/lib/server/workers/count.ts';
import { seed } from '../supabase/seed/run.ts';
import { z } from 'zod';
import { kb, stats } from './lib/app.ts';

const { values } = parseArgs({
	options: {
		demo: { type: 'string', default: '10000' },
		seconds: { type: 'string', default: '20' },
		connections: { type: 'string', default: '10' },
		// The shared machine's speed drifts, so the popular search is measured in several runs.
		runs: { type: 'string', default: '3' },
		workers: { type: 'string', default: 'auto' },
		port: { type: 'string', default: '4202' },
		executor: { type: 'string', default: 'pglite' },
		'gateway-port': { type: 'string', default: '54402' },
		// Internal: this file run as the gateway's own process.
		'serve-gateway': { type: 'boolean', default: false }
	}
});
// Counts and durations, refused at once when not whole positive numbers (a typo would otherwise
// run zero loads or none at all).
const count = z.coerce.number().int().positive();
// The app's port and the next one (the one-process reference) must both be ports.
const port = z.coerce.number().int().min(1).max(65534);
const numbers = z
	.object({
		demo: count,
		seconds: count,
		connections: count,
		runs: count,
		port,
		'gateway-port': port
	})
	.parse(values);
// Refused here, before seeding, with the server's own message.
const workers = workerCount(values.workers, availableParallelism());
const root = resolve(import.meta.dirname, '..');
const gatewayPort = numbers['gateway-port'];

const children: ChildProcess[] = [];

/** Starts a child and resolves with the first line that `ready` matches. */
function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['pipe', 'pipe', 'inherit']
	});
	children.push(child);
	return new Promise((done, fail) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const lines = output.split('\n');
			output = lines.pop() ?? '';
			for (const line of lines) {
				if (ready.test(line)) done(line);
				else console.log(line);
			}
		});
		child.once('exit', (code) => fail(new Error(`${args[0]} stopped (${code}):\n${output}`)));
	});
}

function stopAll(): Promise<unknown> {
	return Promise.all(
		children.map((child) =>
			child.exitCode !== null || child.signalCode !== null
				? undefined
				: new Promise((done) => {
						child.removeAllListeners('exit');
						child.once('exit', done);
						child.kill('SIGTERM');
					})
		)
	);
}

/** Bytes of one answer as sent over the wire (not decoded) with this Accept-Encoding. */
function wireBytes(url: string, acceptEncoding?: string): Promise<number> {
	return new Promise((done, fail) => {
		const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
		request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
			res.on('end', () =>
				res.statusCode === 200 ? done(bytes) : fail(new Error(`${url}: ${res.statusCode}`))
			);
		})
			.on('error', fail)
			.end();
	});
}

async function waitFor(url: string) {
	for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`${url} did not answer in a minute`);
}

/** 1 km finder searches around the quartiers' points, each moved by up to ~400 m. */
async function variedSearches(gateway: { url: string; anonKey: string }, count: number) {
	const anon = createClient(gateway.url, gateway.anonKey, { auth: { persistSession: false } });
	const { data, error } = await anon.from('quartiers').select('point_lon, point_lat');
	if (error || !data?.length) throw new Error(`no quartier points: ${error?.message ?? 'none'}`);
	// Seeded, so every run asks for the same places.
	const next = prng(145);
	return Array.from({ length: count }, () => {
		const quartier = data[Math.floor(next() * data.length)]!;
		const lon = (quartier.point_lon as number) + (next() - 0.5) * 0.011;
		const lat = (quartier.point_lat as number) + (next() - 0.5) * 0.007;
		return `/fr/find?near=${lon.toFixed(5)}%2C${lat.toFixed(5)}&radius=1000`;
	});
}

type LoadResult = Awaited<ReturnType<typeof autocannon>>;

async function load(url: string, headers: Record<string, string>, paths?: string[]) {
	let asked = 0;
	return autocannon({
		url,
		headers,
		connections: numbers.connections,
		duration: numbers.seconds,
		...(paths
			? {
					requests: [
						{ setupRequest: (req: object) => ({ ...req, path: paths[asked++ % paths.length] }) }
					]
				}
			: {})
	});
}

function describeLoad(result: LoadResult) {
	return (
		`${result.requests.average.toFixed(0)} requests/s (${result.requests.total} in ` +
		`${result.duration.toFixed(0)} s), latency p50 ${result.latency.p50} ms, ` +
		`p99 ${result.latency.p99} ms, max ${result.latency.max} ms, errors ${result.errors} ` +
		`(timeouts ${result.timeouts}), non-2xx ${result.non2xx}`
	);
}

function summary(results: LoadResult[]) {
	const rates = results.map((r) => r.requests.average);
	const p99 = Math.max(...results.map((r) => r.latency.p99));
	const failures = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
	return (
		`median ${stats(rates).median.toFixed(0)} requests/s over ${results.length} runs ` +
		`(${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}), worst p99 ${p99} ms, ` +
		`errors and non-2xx ${failures}`
	);
}

/**
 * `--runs` loads of each server in `urls`, alternated (the machine's speed drifts, so each run
 * of one is next to a run of the other), each printed; then per server the median requests/s,
 * worst p99 and errors, and with two servers the median ratio of their paired runs.
 */
async function loadRuns(
	what: string,
	urls: Record<string, string>,
	headers: Record<string, string>
) {
	const results = Object.fromEntries(Object.keys(urls).map((name) => [name, [] as LoadResult[]]));
	for (let run = 1; run <= numbers.runs; run++) {
		for (const [name, url] of Object.entries(urls)) {
			const result = await load(url, headers);
			console.log(`load, ${what}, ${name}, run ${run}: ${describeLoad(result)}`);
			results[name]!.push(result);
		}
	}
	for (const [name, runs] of Object.entries(results)) {
		console.log(`load, ${what}, ${name}: ${summary(runs)}`);
	}
	const [first, second] = Object.values(results);
	if (first && second) {
		const ratios = first.map((r, i) => r.requests.average / second[i]!.requests.average);
		const names = Object.keys(results);
		console.log(
			`load, ${what}: ${names[0]} / ${names[1]} = ${stats(ratios).median.toFixed(2)}× ` +
				`(median of ${ratios.length} pairs)`
		);
	}
}

async function main() {
	if (!existsSync(resolve(root, 'build/index.js'))) {
		throw new Error('no build: run `npm run build` first');
	}
	const onSignal = () => void stopAll().finally(() => process.exit(1));
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		if (values.executor !== 'pglite' && values.executor !== 'postgres') {
			throw new Error(`--executor is pglite or postgres, not ${values.executor}`);
		}
		console.log(`seeding the gateway (${values.executor}) with ${values.demo} demo entries …`);
		const gatewayLine = await startChild(
			[import.meta.filename, '--serve-gateway', ...process.argv.slice(2)],
			{},
			/^\{"url"/
		);
		const gateway = JSON.parse(gatewayLine) as { url: string; anonKey: string };
		const base = `http://127.0.0.1:${numbers.port}`;
		const single = `http://127.0.0.1:${numbers.port + 1}`;
		const startApp = (address: string, workers: string) => {
			const app = spawn(process.execPath, ['build/index.js'], {
				cwd: root,
				env: {
					...process.env,
					HOST: '127.0.0.1',
					PORT: new URL(address).port,
					ORIGIN: address,
					PUBLIC_SUPABASE_URL: gateway.url,
					PUBLIC_SUPABASE_ANON_KEY: gateway.anonKey,
					NABIJ_WORKERS: workers,
					// One log line per request would measure the terminal.
					LOG_LEVEL: 'warn'
				},
				stdio: ['ignore', 'ignore', 'inherit']
			});
			children.push(app);
			return waitFor(`${address}/healthz`);
		};
		await Promise.all([startApp(base, values.workers), startApp(single, '1')]);
		console.log(
			`built server: NABIJ_WORKERS=${values.workers} (${workers} processes on ` +
				`${availableParallelism()} cores), reference: one process`
		);

		const searches = {
			'1 km around Anneessens': '/fr/find?near=4.3414%2C50.8417&radius=1000',
			'whole region': '/fr/find?sort=name'
		};
		for (const [what, path] of Object.entries(searches)) {
			const url = `${base}${path}`;
			const [plain, br, gzip] = [
				await wireBytes(url),
				await wireBytes(url, 'gzip, deflate, br'),
				await wireBytes(url, 'gzip')
			];
			console.log(
				`finder page, ${what}: ${kb(plain)} HTML, transferred ${kb(br)} brotli ` +
					`(${((100 * br) / plain).toFixed(0)} %), ${kb(gzip)} gzip (${((100 * gzip) / plain).toFixed(0)} %)`
			);
		}

		const path = searches['1 km around Anneessens'];
		const url = `${base}${path}`;
		const servers = { [`${workers} processes`]: url, 'one process': `${single}${path}` };
		// Warm-up, to measure a server as it runs after a while: the street index, the first
		// queries, and the optimised code and grown heap of a thousand pages (after a warm-up of
		// 50 pages the first run often came out well below the next ones).
		const brotli = { 'accept-encoding': 'gzip, deflate, br' };
		for (const address of Object.values(servers)) {
			await autocannon({
				url: address,
				connections: numbers.connections,
				duration: 5,
				headers: brotli
			});
		}
		console.log('target for the built server: ≥ 200 requests/s, 0 errors, with brotli');
		const connections = `${values.connections} connections, ${values.seconds} s`;
		await loadRuns(`finder 1 km, brotli, ${connections}`, servers, brotli);
		await loadRuns(
			`finder 1 km, uncompressed, ${connections}`,
			{ [`${workers} processes`]: url },
			{}
		);
		// More places than requests in a run, so each is asked for once.
		const paths = await variedSearches(gateway, 400 * numbers.seconds);
		console.log(
			`load, finder 1 km, a different place every request, brotli, ${connections}, ` +
				`${workers} processes: ${describeLoad(await load(url, brotli, paths))}`
		);
	} finally {
		await stopAll();
	}
}

// The gateway runs in a process of its own, as it would on its own machine: in the bench's
// process it would share one event loop with the load generator.
async function serveGateway() {
	const migrationsDir = resolve(root, 'supabase/migrations');
	const gateway =
		values.executor === 'postgres'
			? await startTestGateway('postgres', { migrationsDir, maxRows: configuredMaxRows() })
			: await startGateway({ dataDir: null, port: gatewayPort, migrate: true });
	const t0 = performance.now();
	const seeded = await seed({
		url: gateway.url,
		serviceRoleKey: gateway.serviceRoleKey,
		demo: numbers.demo
	});
	const seconds = ((performance.now() - t0) / 1000).toFixed(1);
	console.log(`seeded ${seeded.resources} resources in ${seconds} s`);
	console.log(JSON.stringify({ url: gateway.url, anonKey: gateway.anonKey }));
	const stop = () => void gateway.stop().finally(() => process.exit(0));
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
	// Ends with the bench even when the bench dies without signalling.
	process.stdin.on('end', stop);
	process.stdin.resume();
}

if (values['serve-gateway']) await serveGateway();
else await main();
