import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// The finder's offline map: streets with their names, place names and cluster counts, drawn
// from the app's own files only.

type RenderedFeature = { properties: Record<string, unknown> };

/** Features the map has drawn in `layers` (queried from MapLibre in the page). */
function rendered(page: Page, layers: string[]): Promise<RenderedFeature[]> {
	return page.evaluate((ids) => {
		const element = document.querySelector('[data-testid="map"]') as unknown as {
			maplibreMap?: { queryRenderedFeatures(o: { layers: string[] }): RenderedFeature[] };
		};
		return (element.maplibreMap?.queryRenderedFeatures({ layers: ids }) ?? []).map((f) => ({
			properties: f.properties
		}));
	}, layers);
}

/** Every request the page makes that leaves 127.0.0.1. */
function outsideRequests(page: Page): string[] {
	const outside: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^(data|blob):/.test(url.protocol)) return;
		if (url.hostname !== '127.0.0.1') outside.push(request.url());
	});
	return outside;
}

test.describe('offline map', () => {
	// WebGL runs in software in CI; a first render of a whole street tile takes a while.
	test.describe.configure({ timeout: 120_000 });
	test('a street view names the streets, with nothing loaded from elsewhere', async ({ page }) => {
		const outside = outsideRequests(page);
		await page.goto('/fr/find?near=4.3522,50.8467&radius=300');
		await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', {
			timeout: 30_000
		});
		await expect
			.poll(async () => (await rendered(page, ['street-labels'])).length, { timeout: 30_000 })
			.toBeGreaterThan(5);
		const names = (await rendered(page, ['street-labels'])).map((f) => String(f.properties.fr));
		const nearby = ['Rue du Lombard', 'Rue Duquesnoy', 'Rue de la Fourche', 'Rue du Midi'];
		expect(names.filter((name) => nearby.includes(name)).length).toBeGreaterThan(0);
		expect(outside).toEqual([]);
	});

	test('the region view shows commune names and counts on clusters', async ({ page }) => {
		const outside = outsideRequests(page);
		await page.goto('/nl/find?target=older_people');
		await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', {
			timeout: 30_000
		});
		await expect
			.poll(async () => (await rendered(page, ['finder-cluster-count'])).length, {
				timeout: 30_000
			})
			.toBeGreaterThan(0);
		const counts = await rendered(page, ['finder-cluster-count']);
		for (const cluster of counts) expect(Number(cluster.properties.point_count)).toBeGreaterThan(1);
		const communes = (await rendered(page, ['commune-labels'])).map((f) => f.properties.name_nl);
		expect(communes).toContain('Elsene');
		expect(outside).toEqual([]);
	});
});
