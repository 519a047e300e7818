import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Journeys of a social worker in the finder, against the built app and the seeded demo data.

/** The stated number of results ("Résultats trouvés : 12"). */
async function statedTotal(page: Page): Promise<number> {
	const text = await page.getByTestId('total').innerText();
	const match = /(?:trouvés|resultaten|found)\s*:\s*(\d+)/i.exec(text);
	if (!match?.[1]) throw new Error(`no total in "${text}"`);
	return Number(match[1]);
}

/** Waits until the map has drawn the current results; returns how many it drew. */
async function renderedOnMap(page: Page): Promise<number> {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
	await expect(map).toHaveAttribute('data-rendered', /^\d+$/);
	return Number(await map.getAttribute('data-rendered'));
}

async function searchStreet(page: Page, typed: string) {
	const where = page.getByRole('combobox', { name: /Où \?/ });
	await where.fill(typed);
	const option = page.getByRole('option').filter({ hasText: 'Ixelles' }).first();
	await expect(option).toBeVisible();
	await option.click();
	await expect(where).toHaveValue(/Chaussée de Wavre, Ixelles/);
	await page.getByRole('combobox', { name: /^Distance/ }).selectOption('2000');
	await page.getByRole('button', { name: 'Chercher' }).click();
	await expect(page).toHaveURL(/near=4\.3\d+%2C50\.8\d+/);
}

test.describe('finder', () => {
	test('the first screen lists the whole region and pages through it', async ({ page }) => {
		await page.goto('/fr/find');
		await expect(page.getByRole('combobox', { name: /Où \?/ })).toBeFocused();
		await expect(page.getByText('Toute la Région.')).toBeVisible();
		const total = await statedTotal(page);
		const pages = Math.ceil(total / 50);
		expect(pages).toBeGreaterThan(1);
		const cards = page.getByTestId('result');
		await expect(cards).toHaveCount(50);
		expect(await renderedOnMap(page)).toBe(total);
		const firstPage = await cards.locator('h3').allInnerTexts();

		const pager = page.getByRole('navigation', { name: 'Pages des résultats' });
		await expect(pager).toContainText(`Page 1 sur ${pages}`);
		await expect(pager.getByRole('link', { name: 'Page précédente' })).toHaveCount(0);
		await pager.getByRole('link', { name: 'Page suivante' }).click();
		await expect(page).toHaveURL(/[?&]page=2/);
		await expect(pager).toContainText(`Page 2 sur ${pages}`);
		await expect(cards).toHaveCount(pages > 2 ? 50 : total - 50);
		const secondPage = await cards.locator('h3').allInnerTexts();
		expect(secondPage).not.toEqual(firstPage);
		// The map still shows every match while the list shows its second page.
		expect(await renderedOnMap(page)).toBe(total);
		expect(await statedTotal(page)).toBe(total);

		await pager.getByRole('link', { name: 'Page précédente' }).click();
		await expect(page).not.toHaveURL(/page=/);
		expect(await cards.locator('h3').allInnerTexts()).toEqual(firstPage);
	});

	test('the wheelchair filter keeps fewer results and stays in the link', async ({ page }) => {
		await page.goto('/en/find');
		const all = await statedTotal(page);
		await page.getByRole('checkbox', { name: 'Wheelchair accessible' }).check();
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await expect(page).toHaveURL(/wheelchair=1/);
		const accessible = await statedTotal(page);
		expect(accessible).toBeGreaterThan(0);
		expect(accessible).toBeLessThan(all);
		await expect(page.getByRole('checkbox', { name: 'Wheelchair accessible' })).toBeChecked();
	});

	test('keywords find an organisation by words of its name, whatever the case', async ({
		page
	}) => {
		await page.goto('/nl/find');
		const all = await statedTotal(page);
		await page.getByRole('searchbox', { name: /Trefwoorden/ }).fill('buurthuis zuid');
		await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
		await expect(page).toHaveURL(/q=buurthuis\+zuid/);
		const found = await statedTotal(page);
		expect(found).toBeGreaterThan(0);
		expect(found).toBeLessThan(all);
		// Both words match best: that entry comes first.
		await expect(page.getByTestId('result').first().locator('h3')).toContainText('Buurthuis Zuid');
		await expect(page.getByRole('searchbox', { name: /Trefwoorden/ })).toHaveValue(
			'buurthuis zuid'
		);
	});

	test('search by street, filter by language: list and map agree', async ({ page }) => {
		await page.goto('/fr/find');
		await searchStreet(page, 'chaussee de wavre');
		const before = await statedTotal(page);
		expect(before).toBeGreaterThan(0);
		await expect(page.getByTestId('result').first()).toContainText('min à pied');

		await page.locator('summary', { hasText: 'Langues parlées' }).click();
		await page.getByRole('checkbox', { name: 'Néerlandais' }).check();
		await page.getByRole('button', { name: 'Chercher' }).click();
		await expect(page).toHaveURL(/language=nl/);
		const total = await statedTotal(page);
		expect(total).toBeGreaterThan(0);
		expect(total).toBeLessThanOrEqual(before);

		const cards = page.getByTestId('result');
		await expect(cards).toHaveCount(Math.min(total, 50));
		for (const text of await cards.allInnerTexts()) expect(text).toContain('Néerlandais');
		// Every match is on the map, not only the listed page.
		expect(await renderedOnMap(page)).toBe(total);
	});

	test('a search link reproduces the search', async ({ page, browser }) => {
		await page.goto('/fr/find');
		await searchStreet(page, 'chaussee de wavre');
		const names = await page.getByTestId('result').locator('h3').allInnerTexts();
		const total = await statedTotal(page);

		const other = await browser.newPage();
		await other.goto(page.url());
		expect(await statedTotal(other)).toBe(total);
		expect(await other.getByTestId('result').locator('h3').allInnerTexts()).toEqual(names);
		await expect(other.getByRole('combobox', { name: /Où \?/ })).toHaveValue(
			/Chaussée de Wavre, Ixelles/
		);
		await other.close();
	});

	test('the typed place is resolved without a picked suggestion', async ({ page }) => {
		await page.goto('/en/find?place=chaussee+de+wavre&radius=2000');
		await expect(page.getByTestId('total')).toContainText('Searching around: chaussee de wavre');
		expect(await statedTotal(page)).toBeGreaterThan(0);
		await expect(page.getByTestId('result').first()).toContainText('min walk');
	});

	test('an empty search explains why and offers to widen it', async ({ page }) => {
		await page.goto('/en/find?near=4.3414,50.8417&radius=100&language=vgt&open_now=1');
		const widen = page.getByTestId('widen');
		await expect(widen).toBeVisible();
		const link = widen.getByRole('link').first();
		await expect(link).toBeVisible();
		await link.click();
		await expect(page.getByTestId('total')).toBeVisible();
	});

	test('open a detail page and report an error', async ({ page }) => {
		await page.goto('/fr/find?near=4.3414,50.8417&radius=2000');
		const card = page.getByTestId('result').first();
		const name = await card.locator('h3').innerText();
		await card.getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await expect(page.getByRole('heading', { name: 'Quand' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Où', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Qui contacter' })).toBeVisible();
		await expect(page.getByText('Fiabilité')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Retour à la recherche' })).toHaveAttribute(
			'href',
			/^\/fr\/find\?near=4\.3414%2C50\.8417&radius=2000$/
		);

		const message = page.getByLabel(/Précisez/);
		await message.fill('Le numéro de téléphone ne répond plus.');
		await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await expect(page.getByRole('alert')).toContainText('Choisissez ce qui ne va pas.');
		await expect(message).toHaveValue('Le numéro de téléphone ne répond plus.');

		await page.getByLabel('Ce qui ne va pas').selectOption('wrong_contact');
		await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await expect(page.getByRole('status')).toContainText('Merci !');
	});

	test('print a slip in Dutch from the French interface', async ({ page }) => {
		await page.goto('/fr/find?near=4.3414,50.8417&radius=2000');
		const cards = page.getByTestId('result');
		const first = await cards.nth(0).locator('h3').innerText();
		const second = await cards.nth(1).locator('h3').innerText();
		await cards.nth(0).getByRole('checkbox').check();
		await cards.nth(1).getByRole('checkbox').check();
		await page.getByLabel('Langue de la fiche').selectOption('nl');
		await page.getByRole('button', { name: 'Faire une fiche' }).click();

		await expect(page).toHaveURL(/\/fr\/slip\?.*lang=nl/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		const slip = page.getByTestId('slip');
		await expect(slip).toHaveAttribute('lang', 'nl');
		await expect(slip.getByRole('heading', { level: 1 })).toHaveText('Doorverwijsfiche');
		await expect(slip.getByTestId('slip-entry')).toHaveCount(2);
		await expect(slip).toContainText(first);
		await expect(slip).toContainText(second);
		await expect(slip.getByRole('heading', { name: 'Wanneer' }).first()).toBeVisible();
		await expect(slip.getByRole('img', { name: /Scan om de fiche/ })).toHaveCount(2);

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('navigation')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
		await expect(slip.getByRole('heading', { level: 1 })).toBeVisible();

		await page.emulateMedia({ media: 'screen' });
		const share = new URL(await page.getByTestId('share-link').inputValue());
		await page.goto(share.pathname + share.search);
		await expect(page.getByTestId('slip-entry')).toHaveCount(2);
	});

	test('keyboard only: find a place, search and pick a result for the slip', async ({ page }) => {
		await page.goto('/en/find');
		const where = page.getByRole('combobox', { name: /Where\?/ });
		await where.focus();
		await page.keyboard.type('chaussee de wavre');
		await expect(page.getByRole('option').first()).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await expect(where).toHaveAttribute('aria-activedescendant', 'finder-place-option-0');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('listbox')).toBeHidden();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/near=/);

		const firstLink = page.getByTestId('result').first().getByRole('link').first();
		const checkbox = page.getByTestId('result').first().getByRole('checkbox');
		for (
			let i = 0;
			i < 200 && !(await firstLink.evaluate((el) => el === document.activeElement));
			i++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(firstLink).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(checkbox).toBeFocused();
		await page.keyboard.press('Space');
		await expect(checkbox).toBeChecked();
	});

	test('works at 320 px without horizontal scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/nl/find?near=4.3414,50.8417&radius=1000&language=ar');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expect(page.getByTestId('total')).toBeVisible();
	});
});

test.describe('need signals', () => {
	test('anonymous visitors do not see the buttons', async ({ page }) => {
		await page.goto('/fr/find?near=4.3414,50.8417&radius=1000&support=social_contact');
		await expect(
			page.getByRole('button', { name: "J'ai trouvé quelque chose d'adapté" })
		).toHaveCount(0);
	});

	test('a social worker records that nothing suitable was found', async ({ page }) => {
		const search = '/fr/find?near=4.3414,50.8417&radius=1000&support=social_contact&language=ar';
		await page.goto(`/fr/account/sign-in?next=${encodeURIComponent(search)}`);
		await page.locator('#pw-email').fill('social.worker@demo.nabij.invalid');
		await page.locator('#pw-password').fill('demo-social-worker');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(/\/fr\/find\?/);
		await expect(page.getByText('Enregistré anonymement')).toBeVisible();
		await page.getByRole('button', { name: "Rien d'adapté trouvé" }).click();
		await expect(page).toHaveURL(/signalled=1/);
		await expect(page.getByRole('status').filter({ hasText: "Merci, c'est noté." })).toBeVisible();
		// The search itself is kept, so the social worker can go on from the same results.
		await expect(page).toHaveURL(/support=social_contact/);
	});
});

test.describe('without JavaScript', () => {
	test('the first screen pages with plain links', async ({ page }) => {
		await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		await page.goto('/en/find');
		const cards = page.getByTestId('result');
		await expect(cards).toHaveCount(50);
		const first = await cards.first().locator('h3').innerText();
		await page.getByRole('link', { name: 'Next page' }).click();
		await expect(page).toHaveURL(/\/en\/find\?page=2$/);
		await expect(page.getByRole('navigation', { name: 'Pages of results' })).toContainText(
			'Page 2 of'
		);
		expect(await cards.first().locator('h3').innerText()).not.toBe(first);
	});

	test('a typed street is found by the server and results can go on a slip', async ({ page }) => {
		// The app's scripts never load (the axe scan still runs), as for a browser without them.
		await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		await page.goto('/nl/find');
		await page.getByRole('combobox', { name: /Waar\?/ }).fill('chaussee de wavre');
		await page.getByRole('combobox', { name: /^Afstand/ }).selectOption('2000');
		await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
		await expect(page).toHaveURL(/place=chaussee\+de\+wavre/);
		await expect(page.getByTestId('total')).toContainText('Zoeken rond: chaussee de wavre');
		const first = page.getByTestId('result').first();
		const name = await first.locator('h3').innerText();
		await first.getByRole('checkbox').check();
		await page.getByLabel('Taal van de fiche').selectOption('en');
		await page.getByRole('button', { name: 'Fiche maken' }).click();
		await expect(page.getByTestId('slip')).toHaveAttribute('lang', 'en');
		await expect(page.getByTestId('slip').getByRole('heading', { level: 1 })).toHaveText(
			'Orientation slip'
		);
		await expect(page.getByTestId('slip-entry')).toContainText(name);
	});
});
