import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// The finder in a social worker's hand: a 360 × 740 phone. Results come first, the filters fold
// into one line that opens in place, the list and the map take turns, nothing scrolls sideways
// and the slip flow fits. At 1280 px the layout stays side by side with the filters unfolded.

const SAINT_GILLES = '/fr/find?near=4.3456,50.8276&radius=1000';

/** Whether the page scrolls sideways. */
async function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Whether the element's top edge is inside the first screen, without scrolling. */
async function startsInFirstScreen(page: Page, selector: string): Promise<boolean> {
	return page.evaluate((s) => {
		const top = document.querySelector(s)?.getBoundingClientRect().top;
		return top !== undefined && top >= 0 && top < window.innerHeight;
	}, selector);
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('results come first; the filters fold, unfold and apply', async ({ page }) => {
		await page.goto(SAINT_GILLES);
		await expect(page.getByTestId('total')).toBeInViewport();
		expect(await startsInFirstScreen(page, '[data-testid="result"]')).toBe(true);
		expect(await scrollsSideways(page)).toBe(false);

		const fold = page.getByTestId('filter-fold');
		const summary = fold.locator(':scope > summary');
		await expect(summary).toHaveText('Filtres');
		await expect(page.getByRole('combobox', { name: "Type d'aide" })).toBeHidden();

		await summary.click();
		await expect(page.getByRole('combobox', { name: "Type d'aide" })).toBeVisible();
		expect(await scrollsSideways(page)).toBe(false);
		await page.getByRole('checkbox', { name: 'Accepte de nouvelles personnes' }).check();
		await page.locator('summary', { hasText: 'Langues parlées' }).click();
		await page.getByRole('checkbox', { name: 'Néerlandais' }).check();
		await page.getByRole('button', { name: 'Chercher' }).click();

		await expect(page).toHaveURL(/accepting=1/);
		await expect(page).toHaveURL(/language=nl/);
		await expect(summary).toHaveText('2 filtres');
		// Applied: folded again, with the new results in the first screen.
		await expect(page.getByRole('combobox', { name: "Type d'aide" })).toBeHidden();
		await expect(page.getByTestId('total')).toBeInViewport();
		expect(await startsInFirstScreen(page, '[data-testid="result"]')).toBe(true);
	});

	test('the list and the map take turns, and the map is drawn at its full size', async ({
		page
	}) => {
		await page.goto(SAINT_GILLES);
		const toggle = page.getByRole('group', { name: 'Afficher' });
		const list = toggle.getByRole('button', { name: 'Liste' });
		const mapButton = toggle.getByRole('button', { name: 'Carte' });
		const map = page.getByTestId('map');
		await expect(list).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByTestId('result').first()).toBeVisible();
		await expect(map).toBeHidden();

		await mapButton.click();
		await expect(mapButton).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByTestId('result').first()).toBeHidden();
		await expect(map).toBeVisible();
		await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
		// The canvas fills the frame: drawn for the size it is shown at, not for a hidden one.
		const size = await map.evaluate((el) => {
			const canvas = el.querySelector('canvas')?.getBoundingClientRect();
			return { width: el.clientWidth, height: el.clientHeight, canvas };
		});
		expect(size.width).toBeGreaterThan(300);
		expect(size.height).toBeGreaterThan(300);
		expect(Math.abs((size.canvas?.width ?? 0) - size.width)).toBeLessThan(1);
		expect(Math.abs((size.canvas?.height ?? 0) - size.height)).toBeLessThan(1);
		expect(await scrollsSideways(page)).toBe(false);

		// A refined search keeps the map.
		await page.getByTestId('filter-fold').locator(':scope > summary').click();
		await page.getByRole('checkbox', { name: 'Ouvert maintenant' }).check();
		await page.getByRole('button', { name: 'Chercher' }).click();
		await expect(page).toHaveURL(/open_now=1/);
		await expect(mapButton).toHaveAttribute('aria-pressed', 'true');
		await expect(map).toBeVisible();

		// Away and back: the map is still the view.
		await page.getByRole('link', { name: 'Couverture des quartiers' }).click();
		await expect(page).toHaveURL(/\/fr\/coverage/);
		await page.goBack();
		await expect(page).toHaveURL(/open_now=1/);
		await expect(mapButton).toHaveAttribute('aria-pressed', 'true');

		await list.click();
		await expect(page.getByTestId('total')).toBeVisible();
		await expect(map).toBeHidden();
	});

	test('the slip flow fits: choose entries, make the slip, print or share', async ({ page }) => {
		await page.goto(SAINT_GILLES);
		const cards = page.getByTestId('result');
		const first = await cards.nth(0).locator('h3').innerText();
		const detail = await cards.nth(0).locator('h3 a').getAttribute('href');
		await cards.nth(0).getByRole('checkbox').check();
		await cards.nth(1).getByRole('checkbox').check();
		// With entries ticked, the slip's controls are at hand at the bottom of the screen.
		const make = page.getByRole('button', { name: 'Faire une fiche' });
		await expect(make).toBeInViewport();
		await page.getByLabel('Langue de la fiche').selectOption('en');
		await make.click();

		await expect(page).toHaveURL(/\/fr\/slip\?.*lang=en/);
		await expect(page.getByTestId('slip-entry')).toHaveCount(2);
		await expect(page.getByTestId('slip')).toContainText(first);
		expect(await scrollsSideways(page)).toBe(false);
		await expect(page.getByRole('button', { name: 'Imprimer' })).toBeInViewport();
		const share = await page.getByTestId('share-link').boundingBox();
		expect(share!.x + share!.width).toBeLessThanOrEqual(360);

		await page.goto(detail!);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await scrollsSideways(page)).toBe(false);
	});
});

test.describe('on a phone without JavaScript', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the filters open in place and apply; list and map both show', async ({ page }) => {
		await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		await page.goto(SAINT_GILLES);
		expect(await startsInFirstScreen(page, '[data-testid="result"]')).toBe(true);
		await expect(page.getByRole('group', { name: 'Afficher' })).toHaveCount(0);
		await page.getByTestId('filter-fold').locator(':scope > summary').click();
		await page.getByRole('checkbox', { name: 'Accepte de nouvelles personnes' }).check();
		await page.getByRole('button', { name: 'Chercher' }).click();
		await expect(page).toHaveURL(/accepting=1/);
		await expect(page.getByTestId('filter-fold').locator(':scope > summary')).toHaveText(
			'1 filtre'
		);
		expect(await scrollsSideways(page)).toBe(false);
	});
});

test.describe('on a wide screen', () => {
	test.use({ viewport: { width: 1280, height: 900 } });

	test('the filters stay unfolded, the map beside the list', async ({ page }) => {
		await page.goto(SAINT_GILLES);
		await expect(page.getByRole('combobox', { name: "Type d'aide" })).toBeVisible();
		await expect(page.getByTestId('filter-fold').locator(':scope > summary')).toBeHidden();
		await expect(page.getByRole('group', { name: 'Afficher' })).toBeHidden();
		const list = await page.getByTestId('result').first().boundingBox();
		const map = await page.getByTestId('map').boundingBox();
		expect(map!.x).toBeGreaterThan(list!.x + list!.width);
		expect(await scrollsSideways(page)).toBe(false);
	});
});
