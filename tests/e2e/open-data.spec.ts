// The open-data page documents the HSDS API in fr, nl and en (axe on each), is linked from the
// footer, and its example links answer: JSON with CORS for any origin, the HSDS zip, and a
// preflight. Screenshots at 360 and 1280 px go to the test's output folder.
import { expect, test } from './fixtures.ts';

const titles = { fr: 'Données ouvertes', nl: 'Open data', en: 'Open data' };

test.describe('open data page', () => {
	for (const [locale, title] of Object.entries(titles)) {
		test(`documents the API in ${locale}`, async ({ page }) => {
			await page.goto(`/${locale}/open-data`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.getByRole('main')).toContainText('GET /api/hsds/services/{id}');
			await expect(page.getByRole('main')).toContainText('ODbL-1.0');
			await expect(page.getByRole('main')).toContainText('CC BY-SA 4.0');
			for (const format of ['csv', 'geojson']) {
				await expect(page.locator(`a[href="/${locale}/find/export.${format}"]`)).toHaveCount(1);
			}
		});
	}

	test('is linked from the footer', async ({ page }) => {
		await page.goto('/nl');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Open data en API' }).click();
		await expect(page).toHaveURL(/\/nl\/open-data$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
	});

	test('every example link answers, open to any origin', async ({ page }) => {
		await page.goto('/en/open-data');
		const hrefs = await page
			.getByRole('main')
			.locator('a[href^="/api/hsds/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.filter((h) => h.includes('/services/')).length).toBeGreaterThan(0);
		for (const href of new Set(hrefs)) {
			const response = await page.request.get(href, {
				headers: { origin: 'https://elsewhere.example' }
			});
			expect(response.status(), href).toBe(200);
			expect(response.headers()['access-control-allow-origin'], href).toBe('*');
			expect(response.headers()['etag'], href).toMatch(/^W\//);
			const type = response.headers()['content-type'];
			if (href.endsWith('.zip')) expect(type).toBe('application/zip');
			else expect(await response.json(), href).toBeTruthy();
		}
		const preflight = await page.request.fetch('/api/hsds/services', {
			method: 'OPTIONS',
			headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' }
		});
		expect(preflight.status()).toBe(204);
		expect(preflight.headers()['access-control-allow-origin']).toBe('*');
		const bad = await page.request.get('/api/hsds/services?per_page=1000');
		expect(bad.status()).toBe(400);
		expect(await bad.json()).toMatchObject({ error: 'invalid_parameter', parameter: 'per_page' });
	});

	for (const width of [360, 1280]) {
		test(`fits ${width} px`, async ({ page }, testInfo) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/fr/open-data');
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await page.screenshot({
				path: testInfo.outputPath(`open-data-${width}.png`),
				fullPage: true
			});
		});
	}
});
