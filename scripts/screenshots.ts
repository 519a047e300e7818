// The README's pictures of the finder on the offline map (docs/finder-region.png and
// docs/finder-street.png), taken from the built app in Chromium at 1280 px. Run after
// `npm run build`: node scripts/screenshots.ts [--port 4305]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { startBuiltApp } from '../bench/lib/app.ts';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4305' } } });
const port = Number(values.port);
const shots = {
	'finder-region.png': '/fr/find?target=older_people',
	'finder-street.png': '/fr/find?near=4.3522,50.8467&radius=250'
};

const app = await startBuiltApp({ port, gatewayPort: port + 1 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	for (const [file, path] of Object.entries(shots)) {
		await page.goto(app.url + path);
		await page.waitForFunction(
			() => performance.getEntriesByName('nabij:map-idle').length > 0,
			null,
			{
				timeout: 120_000
			}
		);
		// Results and map side by side, as a social worker sees them after scrolling to them.
		await page.locator('#results-heading').evaluate((h) => h.scrollIntoView());
		await page.evaluate(() => window.scrollBy(0, -16));
		// Until the labels are placed (they fade in after the first idle).
		await page.waitForFunction(
			() => {
				const map = (
					document.querySelector('[data-testid="map"]') as unknown as {
						maplibreMap: { queryRenderedFeatures(o: { layers: string[] }): unknown[] };
					}
				).maplibreMap;
				const layers = ['street-labels', 'commune-labels'];
				return map.queryRenderedFeatures({ layers }).length > 8;
			},
			null,
			{ timeout: 60_000 }
		);
		await page.waitForTimeout(1000);
		await page.screenshot({ path: resolve(import.meta.dirname, '../docs', file) });
		console.log(`docs/${file}`);
	}
} finally {
	await browser.close();
	await app.stop();
}
