// Finder benchmark (not a test). Prints:
// 1. server time of a filtered search (database pre-filter + ranking, the code the finder page
//    runs) against the local gateway seeded with 10,000 demo resources: median of several runs;
// 2. the finder page's JavaScript, gzip, from the last build (.svelte-kit/output/client): what the
//    page loads at once, and the map code it loads afterwards.
// Run: node bench/finder.ts [--demo 10000] [--runs 7] (build first for part 2: npx vite build)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createClient } from '@supabase/supabase-js';
import { finderQuerySchema } from '../src/lib/domain/search/index.ts';
import * as taxonomy from '../src/lib/server/db/taxonomy.ts';
import { findResources } from '../src/routes/find/search.server.ts';
import { startGateway } from '@nabij/supabase-local';
import { seed } from '../supabase/seed/run.ts';

const { values } = parseArgs({
	options: {
		demo: { type: 'string', default: '10000' },
		runs: { type: 'string', default: '7' }
	}
});
const runs = Math.max(3, Number(values.runs));

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function searchTimes() {
	const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	try {
		const t0 = performance.now();
		const seeded = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			demo: Number(values.demo)
		});
		console.log(
			`seeded ${seeded.resources} demo and ${seeded.osm} OpenStreetMap resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`
		);
		const anon = createClient(gateway.url, gateway.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
		});
		const { supportKinds } = await taxonomy.load(anon);
		const searches = {
			'Anneessens 1 km, Arabic or Dutch, social contact':
				'near=4.3414,50.8417&radius=1000&language=ar&language=nl&support=social_contact',
			'Saint-Gilles 2 km, Portuguese, open now':
				'near=4.3456,50.8276&radius=2000&language=pt&open_now=1',
			'whole region, older people, accepting': 'target=older_people&accepting=1'
		};
		for (const [what, params] of Object.entries(searches)) {
			const query = finderQuerySchema.parse(new URLSearchParams(params));
			const samples: number[] = [];
			let total = 0;
			const cold = performance.now();
			await findResources(anon, query, supportKinds);
			const first = performance.now() - cold;
			for (let i = 0; i < runs; i++) {
				const start = performance.now();
				total = (await findResources(anon, query, supportKinds)).total;
				samples.push(performance.now() - start);
			}
			console.log(
				`search "${what}": median ${median(samples).toFixed(1)} ms, min ${Math.min(...samples).toFixed(1)} ms over ${runs} runs, first run ${first.toFixed(1)} ms (${total} results)`
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
await searchTimes();
