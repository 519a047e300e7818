// Finder benchmark (not a test). Prints:
// 1. server time of the finder's searches (the database's search function through the API, then
//    open now and the map points: the code the finder page runs) against the local gateway
//    seeded with 10,000 and 50,000 demo resources: median and p95 over 30 runs each;
// 2. the finder page's JavaScript, gzip, from the last build (.svelte-kit/output/client): what the
//    page loads at once, and the map code it loads afterwards.
// Run: node bench/finder.ts [--demo 10000,50000] [--runs 30] (build first for part 2: npx vite build)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createClient } from '@supabase/supabase-js';
import { finderQuerySchema } from '../src/lib/domain/search/index.ts';
import { findResources } from '#lib/server/finder/search.ts';
import { startGateway } from '@nabij/supabase-local';
import { seed } from '../supabase/seed/run.ts';
import { kb, stats } from './lib/app.ts';

const { values } = parseArgs({
	options: {
		demo: { type: 'string', default: '10000,50000' },
		runs: { type: 'string', default: '30' }
	}
});
const runs = Math.max(3, Number(values.runs));

async function searchTimes(size: number) {
	const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	try {
		const t0 = performance.now();
		const seeded = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			demo: size
		});
		console.log(
			`seeded ${seeded.resources} demo and ${seeded.osm} OpenStreetMap resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`
		);
		const anon = createClient(gateway.url, gateway.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
		});
		// The machine is shared: the minimum is the least disturbed sample.
		const searches = {
			'filtered: Anneessens 1 km, Arabic, social contact':
				'near=4.3414,50.8417&radius=1000&language=ar&support=social_contact',
			'region-wide first page (no place, by name)': '',
			'empty result and its explanation':
				'near=4.3414,50.8417&radius=500&language=vgt&support=homework_help',
			'text "ecole des devoirs", region-wide': 'q=ecole%20des%20devoirs',
			'Saint-Gilles 2 km, Portuguese, open now':
				'near=4.3456,50.8276&radius=2000&language=pt&open_now=1'
		};
		for (const [what, params] of Object.entries(searches)) {
			const query = finderQuerySchema.parse(new URLSearchParams(params));
			const samples: number[] = [];
			let found = { total: 0, reasons: 0, bytes: 0 };
			const cold = performance.now();
			await findResources(anon, query);
			const first = performance.now() - cold;
			for (let i = 0; i < runs; i++) {
				const start = performance.now();
				const result = await findResources(anon, query);
				samples.push(performance.now() - start);
				found = {
					total: result.total,
					reasons: result.reasons.length,
					bytes: result.points.packed.length
				};
			}
			const { median, p95 } = stats(samples);
			console.log(
				`${size} entries, ${what}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${Math.min(...samples).toFixed(1)} ms over ${runs} runs, first ${first.toFixed(1)} ms (${found.total} results, ${found.reasons} reasons, map points ${kb(found.bytes)})`
			);
		}
	} finally {
		await gateway.stop();
	}
}

type ManifestChunk = {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	assets?: string[];
};

function javascriptSizes() {
	const root = resolve(import.meta.dirname, '../.svelte-kit/output/client');
	const manifestPath = resolve(root, '.vite/manifest.json');
	if (!existsSync(manifestPath)) {
		console.log('no build output: run `npx vite build` first for the JavaScript sizes');
		return;
	}
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
	// The generated node module that imports the finder page is the finder's route chunk.
	const generated = resolve(import.meta.dirname, '..');
	const nodes = Object.keys(manifest).filter((k) => /\/nodes\/\d+\.js$/.test(k));
	const findNode = nodes.find((k) => {
		const source = resolve(generated, k);
		return existsSync(source) && readFileSync(source, 'utf8').includes('routes/find/+page.svelte');
	});
	const layoutNode = nodes.find((k) => k.endsWith('/nodes/0.js'));
	const entries = Object.keys(manifest).filter(
		(k) => k.endsWith('client/entry.js') || k.endsWith('client-optimized/app.js')
	);
	if (!findNode || !layoutNode) {
		console.log('finder route not found in the build manifest');
		return;
	}
	const collect = (keys: string[], files = new Set<string>()) => {
		for (const key of keys) {
			const chunk = manifest[key];
			if (!chunk || files.has(chunk.file)) continue;
			files.add(chunk.file);
			// A worker imported as a URL is an asset of its chunk.
			for (const asset of chunk.assets ?? []) files.add(asset);
			collect(chunk.imports ?? [], files);
		}
		return files;
	};
	const gz = (files: Iterable<string>) =>
		[...files]
			.filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
			.reduce((sum, f) => sum + gzipSync(readFileSync(resolve(root, f))).length, 0);
	const initial = collect([...entries, layoutNode, findNode]);
	const lazy = collect(manifest[findNode]?.dynamicImports ?? []);
	for (const file of initial) lazy.delete(file);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
	console.log(`finder page JavaScript, gzip: ${kb(gz(initial))} at load (${initial.size} files)`);
	console.log(
		`finder map JavaScript loaded after render, gzip: ${kb(gz(lazy))} (${lazy.size} files)`
	);
	const worker = [...lazy].find((f) => f.includes('worker'));
	if (worker) console.log(`  of which the MapLibre worker: ${kb(gz([worker]))}`);
}

javascriptSizes();
for (const size of values.demo.split(',').map(Number)) await searchTimes(size);
