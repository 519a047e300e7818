// The built app (build/) served with a seeded in-memory gateway, for the browser benchmarks and
// the README screenshots: scripts/e2e-server.ts as a child process, stopped with `stop()`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Starts the built app on `port` (gateway on `gatewayPort`); resolves once it answers. */
export async function startBuiltApp({ port, gatewayPort }: { port: number; gatewayPort: number }) {
	if (!existsSync(resolve(root, 'build/handler.js'))) {
		throw new Error('no build: run `npm run build` first');
	}
	const child = spawn(
		process.execPath,
		['scripts/e2e-server.ts', '--port', String(port), '--gateway-port', String(gatewayPort)],
		{ cwd: root, stdio: ['pipe', 'ignore', 'inherit'] }
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error('the app server stopped while starting');
		try {
			if ((await fetch(`${url}/fr`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('the app server did not start in 3 minutes');
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		stop: () =>
			new Promise<void>((done) => {
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
}

/** Median and 95th percentile (nearest rank). */
export function stats(xs: number[]): { median: number; p95: number } {
	const s = [...xs].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
	const mid = Math.floor(s.length / 2);
	const median = s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
	return { median, p95: at(0.95) };
}

/** Where a response's bytes go in the reports. */
export function requestKind(url: string): string {
	const path = new URL(url).pathname;
	if (path.includes('/basemap/tiles/')) return 'street tiles';
	if (path.includes('/basemap/glyphs/')) return 'glyphs';
	if (path.endsWith('/outline.json')) return 'outline';
	if (/maplibre-gl(-worker)?[.-]/.test(path)) return 'MapLibre JS';
	if (/\.m?js$/.test(path)) return 'app JS';
	if (path.endsWith('.css')) return 'CSS';
	return 'page and other';
}

/** Kilobytes with one decimal. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
