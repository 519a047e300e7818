// HSDS API benchmark (not a test). Serves the built app with its gateway (bench/lib/app.ts),
// reseeds the gateway with 10,000 demo resources, then times, over HTTP against the built
// server, `/api/hsds/services?per_page=50` on the first page and on later pages, a filtered
// page, a full service and a service_at_locations page: median and p95 over N runs each, after
// one warm-up. Each request carries a fresh query (a cache-busting parameter the API ignores)
// so no cache answers for it.
// Run: npx vite build && node bench/hsds.ts [--demo 10000] [--runs 30] [--port 4203] [--gateway-port 54403]
import { parseArgs } from 'node:util';
import { localKeys } from '@nabij/supabase-local/keys';
import { seed } from '../supabase/seed/run.ts';
import { startBuiltApp, stats } from './lib/app.ts';

const { values } = parseArgs({
	options: {
		demo: { type: 'string', default: '10000' },
		runs: { type: 'string', default: '30' },
		port: { type: 'string', default: '4203' },
		'gateway-port': { type: 'string', default: '54403' }
	}
});
const runs = Math.max(30, Number(values.runs));
const gatewayPort = Number(values['gateway-port']);

const app = await startBuiltApp({ port: Number(values.port), gatewayPort });
try {
	const t0 = performance.now();
	const seeded = await seed({
		url: `http://127.0.0.1:${gatewayPort}`,
		serviceRoleKey: localKeys().serviceRoleKey,
		demo: Number(values.demo)
	});
	console.log(
		`seeded ${seeded.resources} resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`
	);

	let bust = 0;
	async function time(path: string): Promise<{ ms: number; bytes: number; body: string }> {
		const sep = path.includes('?') ? '&' : '?';
		const start = performance.now();
		const response = await fetch(`${app.url}${path}${sep}_=${bust++}`);
		const body = await response.text();
		const ms = performance.now() - start;
		if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
		return { ms, bytes: body.length, body };
	}

	const first = JSON.parse((await time('/api/hsds/services?per_page=50')).body) as {
		total_items: number;
		total_pages: number;
		contents: { id: string }[];
	};
	console.log(`${first.total_items} published services, ${first.total_pages} pages of 50`);
	const homeVisits = JSON.parse(
		(await time('/api/hsds/taxonomy_terms?search=home_visits')).body
	) as { contents: { id: string }[] };
	const cases: [string, string][] = [
		['services, page 1 of 50', '/api/hsds/services?per_page=50'],
		[
			`services, page ${Math.ceil(first.total_pages / 2)} of 50`,
			`/api/hsds/services?per_page=50&page=${Math.ceil(first.total_pages / 2)}`
		],
		[
			`services, last page (${first.total_pages}) of 50`,
			`/api/hsds/services?per_page=50&page=${first.total_pages}`
		],
		[
			'services, home visits in Arabic, page 1 of 50',
			`/api/hsds/services?per_page=50&language=ar&taxonomy_term_id=${homeVisits.contents[0]?.id}`
		],
		['service_at_locations, page 20 of 50', '/api/hsds/service_at_locations?per_page=50&page=20'],
		['one full service', `/api/hsds/services/${first.contents[0]?.id}`]
	];
	for (const [what, path] of cases) {
		await time(path);
		const samples: number[] = [];
		let bytes = 0;
		for (let i = 0; i < runs; i++) {
			const result = await time(path);
			samples.push(result.ms);
			bytes = result.bytes;
		}
		const { median, p95 } = stats(samples);
		console.log(
			`${what}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${runs} runs (${(bytes / 1000).toFixed(1)} KB)`
		);
	}
} finally {
	await app.stop();
}
