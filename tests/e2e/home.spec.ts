import { expect, test } from './fixtures.ts';

const titles = {
	fr: 'Ce qui aide, tout près',
	nl: 'Wat helpt, dichtbij',
	en: 'What helps, close by'
};

test.describe('home page', () => {
	for (const [locale, title] of Object.entries(titles)) {
		test(`renders in ${locale} with the lang attribute and the data attribution`, async ({
			page
		}) => {
			await page.goto(`/${locale}`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.getByRole('contentinfo')).toContainText('© OpenStreetMap contributors');
			await expect(page.getByRole('main')).toBeVisible();
		});
	}

	test('switching language keeps the page and its query', async ({ page }) => {
		await page.goto('/fr/find?q=repas&language=ar');
		await page.getByRole('link', { name: 'Nederlands' }).click();
		await expect(page).toHaveURL(/\/nl\/find\?q=repas&language=ar$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/en\/find\?q=repas&language=ar$/);
	});

	test('an address without a locale follows the browser language', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'nl-BE' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveURL(/\/nl$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await context.close();
	});

	test('the skip link moves focus to the main content', async ({ page }) => {
		await page.goto('/en');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
	});

	test('an unknown page shows a translated not-found page', async ({ page }) => {
		const response = await page.goto('/nl/bestaat-niet');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	});

	test('works at 320 px wide without horizontal scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/fr');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});

	test('sends security headers', async ({ page }) => {
		const response = await page.goto('/en');
		const headers = response?.headers() ?? {};
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['x-content-type-options']).toBe('nosniff');
	});
});
