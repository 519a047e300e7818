// How soon the finder's map is ready, against a floor (not a test): a bare page that loads the
// installed maplibre-gl as plain files and shows the same style (offline basemap included) and
// the same points in a map of the same size and view. Both are measured in one run in Chromium,
// alternately, each in a fresh browser context (empty cache): JavaScript bytes transferred,
// first paint (the finder's result list is in its HTML, so this is when the list shows), and
// the map's first `idle`. Needs a build (`npm run build`).
// Run: node bench/map-ready.ts [--runs 10] [--port 4305]
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { resultLayers, resultSources } from '../src/lib/map/layers.ts';
import { offlineStyle } from '../src/lib/map/style.ts';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';
import { kb, startBuiltApp, stats } from './lib/app.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '10' }, port: { type: 'string', default: '4305' } }
});
const runs = Math.max(10, Number(values.runs));
const port = Number(values.port);
const floorPort = port + 2;
const root = resolve(import.meta.dirname, '..');
const FINDER = '/fr/find?target=older_people';

type MapHandle = {
	maplibreMap: {
		getCenter(): { lng: number; lat: number };
		getZoom(): number;
		getSource(id: string): { getData(): Promise<unknown> } | undefined;
	};
};

/** The finder's map size, view and points, read once from the built app. */
async function finderMap(browser: Browser, url: string) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(url + FINDER);
	await page.waitForFunction(() => performance.getEntriesByName('nabij:map-idle').length > 0);
	const view = await page.evaluate(async () => {
		const element = document.querySelector('[data-testid="map"]') as HTMLElement & MapHandle;
		const map = element.maplibreMap;
		const box = element.getBoundingClientRect();
		return {
			width: box.width,
			height: box.height,
			center: map.getCenter(),
			zoom: map.getZoom(),
			points: await map.getSource('finder-points')?.getData()
		};
	});
	await page.close();
	return view;
}

function floorPage(view: Awaited<ReturnType<typeof finderMap>>): string {
	const style = offlineStyle({ attribution: '© OpenStreetMap contributors', locale: 'fr' });
	// The floor serves the same files as plain URLs with Content-Encoding, as a tile server would.
	const plain = JSON.parse(JSON.stringify(style).replaceAll('nabij://', '/')) as typeof style;
	for (const [id, source] of Object.entries(resultSources())) plain.sources[id] = source;
	plain.layers.push(...resultLayers());
	const absolute = JSON.stringify(plain).replaceAll(
		'"/basemap/',
		`"http://127.0.0.1:${floorPort}/basemap/`
	);
	return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>floor</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>body{margin:0}#map{width:${view.width}px;height:${view.height}px}</style></head>
<body><div id="map"></div><script type="module">
import { Map, setWorkerUrl } from '/maplibre-gl.mjs';
setWorkerUrl('/maplibre-gl-worker.mjs');
const map = new Map({ container: 'map', style: ${absolute},
	center: ${JSON.stringify(view.center)}, zoom: ${view.zoom} });
map.once('idle', () => performance.mark('nabij:map-idle'));
map.on('load', () => map.getSource('finder-points').setData(${JSON.stringify(view.points)}));
</script></body></html>`;
}

function serveFloor(html: string) {
	const dist = resolve(root, 'node_modules/maplibre-gl/dist');
	const basemap = resolve(root, 'build/client');
	const send = (res: ServerResponse, type: string, body: Buffer, encoded = false) => {
		const gz = encoded ? body : gzipSync(body);
		res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' }).end(gz);
	};
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (path === '/') return send(res, 'text/html', Buffer.from(html));
		if (/^\/maplibre-gl(-worker)?\.(mjs|css)$/.test(path)) {
			const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
			return send(res, type, readFileSync(resolve(dist, path.slice(1))));
		}
		const file = resolve(basemap, path.slice(1));
		if (path.startsWith('/basemap/') && file.startsWith(basemap) && existsSync(file)) {
			// Tiles and glyphs are stored gzip-compressed; the outline is JSON.
			if (path.endsWith('.json')) return send(res, 'application/json', readFileSync(file));
			res.writeHead(200, { 'content-encoding': 'gzip', 'access-control-allow-origin': '*' });
			return void createReadStream(file).pipe(res);
		}
		res.writeHead(path.startsWith('/basemap/tiles/') ? 204 : 404).end();
	});
	return new Promise<typeof server>((done) =>
		server.listen(floorPort, '127.0.0.1', () => done(server))
	);
}

async function measure(browser: Browser, url: string) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error') console.log(`  console error on ${url}: ${m.text()}`);
	});
	let js = 0;
	const pending: Promise<void>[] = [];
	page.on('requestfinished', (request) => {
		if (!/\.m?js$/.test(new URL(request.url()).pathname)) return;
		pending.push(request.sizes().then((s) => void (js += s.responseBodySize)));
	});
	await page.goto(url);
	await page.waitForFunction(() => performance.getEntriesByName('nabij:map-idle').length > 0);
	const times = await page.evaluate(() => ({
		idle: performance.getEntriesByName('nabij:map-idle')[0]?.startTime ?? NaN,
		paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
		list: document.querySelectorAll('[data-testid="result"]').length
	}));
	await Promise.all(pending);
	await context.close();
	return { ...times, js };
}

const app = await startBuiltApp({ port, gatewayPort: port + 1 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let server: Awaited<ReturnType<typeof serveFloor>> | undefined;
try {
	const view = await finderMap(browser, app.url);
	server = await serveFloor(floorPage(view));
	const floorUrl = `http://127.0.0.1:${floorPort}/`;
	type Sample = Awaited<ReturnType<typeof measure>>;
	const samples: Record<'finder' | 'floor', Sample[]> = {
		finder: [],
		floor: []
	};
	for (let i = 0; i < runs; i++) {
		samples.finder.push(await measure(browser, app.url + FINDER));
		samples.floor.push(await measure(browser, floorUrl));
	}
	console.log(
		`finder ${FINDER} vs a bare MapLibre page, same style, view (zoom ${view.zoom.toFixed(1)}, ` +
			`${Math.round(view.width)}×${Math.round(view.height)} px) and points; ${runs} runs each:`
	);
	const ms = (x: number) => `${x.toFixed(0)} ms`;
	for (const [name, list] of Object.entries(samples)) {
		const idle = stats(list.map((s) => s.idle));
		const paint = stats(list.map((s) => s.paint));
		console.log(
			`  ${name.padEnd(7)} first map idle median ${ms(idle.median)}, p95 ${ms(idle.p95)}; ` +
				`first paint median ${ms(paint.median)}, p95 ${ms(paint.p95)}; ` +
				`JS ${kb(stats(list.map((s) => s.js)).median)}; list items ${list[0]?.list ?? 0}`
		);
	}
	const ratio =
		stats(samples.finder.map((s) => s.idle)).median /
		stats(samples.floor.map((s) => s.idle)).median;
	console.log(`  finder / floor, median first idle: ${ratio.toFixed(2)}× (target ≤ 1.5×)`);
} finally {
	server?.close();
	await browser.close();
	await app.stop();
}
