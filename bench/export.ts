// Directory export benchmark (not a test). Prints the server time of the finder's exports (the
// route handlers, run as a request would) against the local gateway seeded with 10,000 demo
// resources: the whole directory as CSV and GeoJSON, and one filtered CSV; median and p95 of
// several runs, with the file sizes.
// Run: node bench/export.ts [--demo 10000] [--runs 7]
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { paraglideMiddleware } from '../src/lib/paraglide/server.js';
import { GET as csvGet } from '../src/routes/find/export.csv/+server.ts';
import { GET as geojsonGet } from '../src/routes/find/export.geojson/+server.ts';
import { startGateway } from '@nabij/supabase-local';
import { seed } from '../supabase/seed/run.ts';

const { values } = parseArgs({
	options: {
		demo: { type: 'string', default: '10000' },
		runs: { type: 'string', default: '7' }
	}
});
const runs = Math.max(3, Number(values.runs));

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

type Handler = (event: never) => Promise<Response>;

const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
try {
	const t0 = performance.now();
	const seeded = await seed({
		url: gateway.url,
		serviceRoleKey: gateway.serviceRoleKey,
		demo: Number(values.demo)
	});
	console.log(
		`seeded ${seeded.resources} resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`
	);
	const anon = createClient(gateway.url, gateway.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	const exports: [string, Handler, string][] = [
		['whole directory, CSV', csvGet as Handler, '/fr/find/export.csv'],
		['whole directory, GeoJSON', geojsonGet as Handler, '/fr/find/export.geojson'],
		[
			'Anneessens 2 km, home visits, CSV',
			csvGet as Handler,
			'/fr/find/export.csv?near=4.3414,50.8417&radius=2000&support=home_visits'
		]
	];
	for (const [what, handler, path] of exports) {
		const url = new URL(path, 'http://127.0.0.1');
		const once = async () => {
			const start = performance.now();
			const response = await paraglideMiddleware(new Request(url), () =>
				handler({ url, locals: { supabase: anon } } as never)
			);
			const bytes = (await response.arrayBuffer()).byteLength;
			return { ms: performance.now() - start, bytes };
		};
		const first = await once();
		const samples: number[] = [];
		for (let i = 0; i < runs; i++) samples.push((await once()).ms);
		console.log(
			`export "${what}": median ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms over ${runs} runs, first ${first.ms.toFixed(0)} ms, ${(first.bytes / 1e6).toFixed(2)} MB`
		);
	}
} finally {
	await gateway.stop();
}
