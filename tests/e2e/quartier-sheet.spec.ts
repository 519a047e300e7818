// The quartier sheet for notice boards and home visits: what it lists and how, the second
// language, QR codes to each entry, and that it prints on one or two A4 pages without controls.
// The no-JavaScript journey uses the plain test: axe needs JavaScript in the page, and the same
// page is scanned by the journeys above it.
import { test as plainTest } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import QRCode from 'qrcode';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, expectAccessible, test } from './fixtures.ts';
import { gatewayUrl } from './helpers.ts';

const SHEET = '/fr/quartier/1/sheet';

/** The number of pages of a PDF, counted from its page objects (not the /Pages tree). */
function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test.describe('quartier sheet', () => {
	test('lists the quartier, then what is near, by kind of support, with QR codes', async ({
		page
	}) => {
		await page.goto(SHEET);
		const sheet = page.getByTestId('sheet');
		await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
			'Compagnie et aide près de chez vous'
		);
		await expect(page.getByTestId('sheet-quartier')).toContainText('Grand Place / Grote Markt');
		await expect(sheet).toContainText(/Imprimé le \d{1,2} \S+ \d{4}/);

		const inside = page.getByTestId('sheet-inside');
		const nearby = page.getByTestId('sheet-nearby');
		await expect(inside.getByRole('heading', { level: 2 })).toHaveText('Dans le quartier');
		await expect(nearby.getByRole('heading', { level: 2 })).toContainText('À proximité');
		await expect(inside.getByTestId('sheet-entry').first()).toBeVisible();
		await expect(nearby.getByTestId('sheet-entry').first()).toBeVisible();

		// Each part's groups are top-level support kinds, in the taxonomy's order.
		const anon = createClient(gatewayUrl, localKeys().anonKey);
		const { data: groups } = await anon
			.from('support_kinds')
			.select('label_fr')
			.is('parent_code', null)
			.order('sort_order');
		const GROUPS = (groups ?? []).map((g: { label_fr: string }) => ({ fr: g.label_fr }));
		expect(GROUPS.length).toBeGreaterThan(5);
		for (const part of [inside, nearby]) {
			const headings = await part.getByTestId('sheet-group').locator('h3').allTextContents();
			const order = headings.map((h) => GROUPS.findIndex((g) => g.fr === h.trim()));
			expect(
				order.every((i) => i >= 0),
				headings.join(' | ')
			).toBe(true);
			expect([...order].sort((a, b) => a - b)).toEqual(order);
		}
		// Numbered 1…n, the quartier's own entries first; nearby ones say how far or that they come.
		const numbers = (await page.getByTestId('sheet-number').allInnerTexts()).map(Number);
		expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		for (const text of await nearby.getByTestId('sheet-entry').allInnerTexts())
			expect(text).toMatch(/À \d+ m du quartier|Se déplace dans ce quartier/);

		// Each QR code encodes the link to the entry's own page.
		const entries = page.getByTestId('sheet-entry');
		const count = await entries.count();
		expect(count).toBeGreaterThan(2);
		for (let i = 0; i < count; i++) {
			const entry = entries.nth(i);
			const href = await entry.getByRole('heading').getByRole('link').getAttribute('href');
			expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fr\/resources\/[0-9a-f-]{36}$/);
			const svg = await QRCode.toString(href ?? '', {
				type: 'svg',
				margin: 1,
				errorCorrectionLevel: 'M'
			});
			await expect(entry.getByRole('img', { name: /Code QR vers la page de/ })).toHaveAttribute(
				'src',
				`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
			);
		}

		// A group meeting at a private address shows no address and no point on the map.
		const hidden = entries.filter({ hasText: 'se réunit à une adresse privée' });
		await expect(hidden.first()).toBeVisible();
		const hiddenNumber = await hidden.first().getByTestId('sheet-number').innerText();
		const markers = await page.getByTestId('sheet-map').locator('g text').allInnerTexts();
		expect(markers.length).toBeGreaterThan(0);
		expect(markers).not.toContain(hiddenNumber);

		// The first entry's link leads to its page.
		const first = entries.first().getByRole('heading').getByRole('link');
		const name = await first.innerText();
		await page.goto(new URL((await first.getAttribute('href')) ?? '').pathname);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	});

	test('prints on one or two A4 pages, without the controls', async ({ page }) => {
		await page.goto(SHEET);
		await expect(page.getByTestId('sheet-controls')).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('sheet-controls')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
		await expect(page.getByLabel('Deuxième langue')).toBeHidden();
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByTestId('sheet').getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
		const pages = pageCount(await page.pdf({ format: 'A4' }));
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);

		// The fullest sheet of the demo directory (one that says "and N more") fits as well, in
		// two languages.
		await page.emulateMedia({ media: 'screen' });
		await page.goto('/fr/quartier/17/sheet?also=nl');
		await expect(page.getByTestId('sheet-more').first()).toContainText(
			/Autres offres \(\d+\) : http:\/\/127\.0\.0\.1:\d+\/fr\/find\?quartier=17/
		);
		await page.emulateMedia({ media: 'print' });
		expect(pageCount(await page.pdf({ format: 'A4' }))).toBeLessThanOrEqual(2);
	});

	test('adds a second language chosen by the reader', async ({ page }) => {
		await page.goto(SHEET);
		await page.getByLabel('Deuxième langue').selectOption('nl');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/\/fr\/quartier\/1\/sheet\?also=nl$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		const sheet = page.getByTestId('sheet');
		await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
			'Compagnie et aide près de chez vous / Gezelschap en hulp dichtbij'
		);
		await expect(sheet.locator('[lang="nl"]', { hasText: 'Wanneer' }).first()).toBeVisible();
		await expect(page.getByLabel('Deuxième langue')).toHaveValue('nl');

		// A community language is named in itself and said to be untranslated, not invented.
		await page.getByLabel('Deuxième langue').selectOption('ar');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/also=ar$/);
		const note = page.getByTestId('sheet-community');
		await expect(note).toContainText('العربية');
		await expect(note).toContainText("Nabij n'a pas de traduction en arabe");
		await expect(sheet.locator('[lang="ar"]')).toHaveCount(1);
		const speakers = sheet.getByTestId('sheet-entry').filter({ hasText: 'Parle arabe' });
		for (const text of await speakers.allInnerTexts()) expect(text).toContain('Arabe');

		// Bad input keeps the sheet monolingual rather than failing.
		await page.goto(`${SHEET}?also=%3Cscript%3E`);
		await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
			'Compagnie et aide près de chez vous'
		);
	});

	test('is reached from the coverage page and the finder; unknown quartiers are a 404', async ({
		page
	}) => {
		await page.goto('/nl/coverage/1');
		await page.getByRole('link', { name: 'Wijkfiche om af te drukken' }).click();
		await expect(page).toHaveURL(/\/nl\/quartier\/1\/sheet$/);
		await expect(page.getByTestId('sheet').getByRole('heading', { level: 1 })).toHaveText(
			'Gezelschap en hulp dichtbij'
		);

		await page.goto('/en/find?quartier=1');
		await page.getByRole('link', { name: 'Quartier sheet to print' }).click();
		await expect(page).toHaveURL(/\/en\/quartier\/1\/sheet$/);

		for (const mdrc of ['9999', 'abc', '0']) {
			const response = await page.goto(`/fr/quartier/${mdrc}/sheet`);
			expect(response?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
		}
	});
});

plainTest.describe('quartier sheet without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false });

	plainTest('chooses the second language with the plain form', async ({ page }) => {
		await page.goto(SHEET);
		await page.getByLabel('Deuxième langue').selectOption('en');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/also=en$/);
		await expect(page.getByTestId('sheet').getByRole('heading', { level: 1 })).toContainText(
			'Company and help nearby'
		);
	});
});
