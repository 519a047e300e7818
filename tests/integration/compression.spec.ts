// The built server (build/, adapter-node) sends the finder page and JSON brotli- or
// gzip-compressed when the client accepts it, and the bytes decode to the page it sends
// uncompressed; with NABIJ_COMPRESSION=off (a proxy compresses) it sends them as they are.
// Builds the app first, then serves it with a seeded gateway (scripts/e2e-server.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const finder = '/fr/find?near=4.3456%2C50.8276&radius=2000';

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One GET with the given Accept-Encoding, the body as it came over the wire (not decoded). */
function get(base: string, path: string, acceptEncoding?: string): Promise<Raw> {
	return new Promise((done, fail) => {
		const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
		request(`${base}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
			res.on('error', fail);
		})
			.on('error', fail)
			.end();
	});
}

function freePort(): Promise<number> {
	return new Promise((done) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The built app with a seeded in-memory gateway; resolves once it answers. */
async function serve(env: NodeJS.ProcessEnv = {}) {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		['scripts/e2e-server.ts', '--port', String(port), '--gateway-port', '0'],
		{
			cwd: root,
			env: { ...process.env, LOG_LEVEL: 'silent', ...env },
			stdio: ['pipe', 'ignore', 'inherit']
		}
	);
	const base = `http://127.0.0.1:${port}`;
	for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
		if (child.exitCode !== null) throw new Error('the app server stopped while starting');
		try {
			if ((await get(base, '/fr')).status === 200) return { base, child };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error('the app server did not start in 2 minutes');
}

function stop(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', () => done());
		child.kill('SIGTERM');
	});
}

// The page carries a fresh CSP nonce and the time of the request on every render; everything
// else is the same.
const sameParts = (html: string) =>
	html.replaceAll(/nonce(=|-)["']?[\w+/=]+/g, 'nonce').replaceAll(/new Date\(\d+\)/g, 'new Date()');

let app: { base: string; child: ChildProcess } | undefined;

beforeAll(async () => {
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
	app = await serve();
}, 300_000);

afterAll(async () => {
	await stop(app?.child);
});

describe('compressed responses of the built server', () => {
	it('sends the finder page brotli-encoded, decoding to the same HTML as uncompressed', async () => {
		const base = app!.base;
		const plain = await get(base, finder);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toContain('data-testid="result"');

		const br = await get(base, finder, 'gzip, deflate, br');
		expect(br.status).toBe(200);
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toMatch(/Accept-Encoding/);
		expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
		expect(sameParts(brotliDecompressSync(br.body).toString())).toBe(
			sameParts(plain.body.toString())
		);
	});

	it('sends gzip to a client that accepts only gzip', async () => {
		const base = app!.base;
		const plain = await get(base, finder);
		const gz = await get(base, finder, 'gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(sameParts(gunzipSync(gz.body).toString())).toBe(sameParts(plain.body.toString()));
	});

	it('compresses JSON answers too, and leaves small ones alone', async () => {
		const base = app!.base;
		const plain = await get(base, '/fr/find/places?q=rue&locale=fr');
		const gz = await get(base, '/fr/find/places?q=rue&locale=fr', 'gzip');
		expect(gz.headers['content-type']).toMatch(/application\/json/);
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));
		const empty = await get(base, '/fr/find/places?q=r&locale=fr', 'gzip');
		expect(empty.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(empty.body.toString())).toEqual({ suggestions: [] });
	});

	it('serves the built scripts precompressed', async () => {
		const base = app!.base;
		const page = (await get(base, finder)).body.toString();
		const script = /\/_app\/immutable\/[^"']+\.js/.exec(page)?.[0];
		expect(script).toBeDefined();
		const br = await get(base, script!, 'br');
		expect(br.headers['content-encoding']).toBe('br');
	});

	it('sends everything as is with NABIJ_COMPRESSION=off', async () => {
		await stop(app?.child);
		app = await serve({ NABIJ_COMPRESSION: 'off' });
		const page = await get(app.base, finder, 'gzip, br');
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBeUndefined();
		expect(page.body.toString()).toContain('data-testid="result"');
	});
});
