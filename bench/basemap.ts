// Download sizes of the offline basemap (not a test): the built finder in Chromium, each run in a
// fresh browser context (empty cache), bytes as transferred (compressed bodies) per kind of
// file until the map's first `idle`, median of several runs, for a region view and a street
// view. Needs a build (`npm run build`). Run: node bench/basemap.ts [--runs 5] [--port 4305]
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';
import { kb, requestKind, startBuiltApp, stats } from './lib/app.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '5' }, port: { type: 'string', default: '4305' } }
});
const runs = Math.max(3, Number(values.runs));
const port = Number(values.port);

// What the finder's map loaded before the basemap: quartiers.json, communes.json and
// quartier-labels.json from static/geo, measured on the commit before it as the app's server
// sends them to Chromium (brotli, as precompressed by the Node adapter): 35,356 bytes. The one
// outline file replaces all three.
const FORMER_MAP_DATA_BYTES = 35_356;

const views = {
	'region (every entry for older people, whole region)': '/fr/find?target=older_people',
	'street (300 m around the Grand-Place)': '/fr/find?near=4.3522,50.8467&radius=300'
};

async function measure(page: Page, path: string) {
	const bytes = new Map<string, number>();
	const pending: Promise<void>[] = [];
	page.on('requestfinished', (request) => {
		pending.push(
			request.sizes().then((sizes) => {
				const kind = requestKind(request.url());
				bytes.set(kind, (bytes.get(kind) ?? 0) + sizes.responseBodySize);
			})
		);
	});
	await page.goto(path);
	await page.waitForFunction(() => performance.getEntriesByName('nabij:map-idle').length > 0);
	const zoom = await page.evaluate(() =>
		(
			document.querySelector('[data-testid="map"]') as unknown as {
				maplibreMap: { getZoom(): number };
			}
		).maplibreMap.getZoom()
	);
	await Promise.all(pending);
	return { bytes, zoom };
}

const app = await startBuiltApp({ port, gatewayPort: port + 1 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	for (const [view, path] of Object.entries(views)) {
		const samples = new Map<string, number[]>();
		let zoom = 0;
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({
				baseURL: app.url,
				viewport: { width: 1280, height: 900 }
			});
			const result = await measure(await context.newPage(), path);
			await context.close();
			zoom = result.zoom;
			const basemap = ['street tiles', 'glyphs', 'outline']
				.map((k) => result.bytes.get(k) ?? 0)
				.reduce((a, b) => a + b, 0);
			const total = [...result.bytes.values()].reduce((a, b) => a + b, 0);
			const rows: [string, number][] = [
				...result.bytes,
				['basemap (tiles + glyphs + outline)', basemap],
				['added by the basemap (vs the former outline files)', basemap - FORMER_MAP_DATA_BYTES],
				['total', total]
			];
			for (const [kind, value] of rows) {
				samples.set(kind, [...(samples.get(kind) ?? []), value]);
			}
		}
		console.log(`${view}, zoom ${zoom.toFixed(1)}, median of ${runs} runs, transferred:`);
		for (const [kind, values] of samples) {
			console.log(`  ${kind.padEnd(52)} ${kb(stats(values).median).padStart(10)}`);
		}
	}
} finally {
	await browser.close();
	await app.stop();
}
