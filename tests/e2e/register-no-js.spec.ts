// The registration form works on a 320 px phone and without JavaScript: every step is a plain
// form post, the draft travels in a hidden field, errors come back with the input kept.
// axe needs JavaScript in the page, so this spec uses the plain test; the same pages are scanned
// by the journeys in register.spec.ts.
import { expect, test } from '@playwright/test';

const EDITOR = { email: 'org.editor.2@demo.nabij.invalid', password: 'demo-org-editor-2' };

test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });

test('register without JavaScript on a narrow screen', async ({ page }) => {
	test.setTimeout(120_000);
	const name = `Groupe sans JS ${Date.now().toString(36)}`;
	await page.goto('/fr/account/sign-in?next=%2Ffr%2Fregister');
	await page.locator('#pw-email').fill(EDITOR.email);
	await page.locator('#pw-password').fill(EDITOR.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/fr\/register$/);
	const next = async () => {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `horizontal scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
		await page.getByRole('button', { name: 'Suivant' }).click();
	};
	// A mistake first: the error is shown and what was typed is kept.
	await page.getByLabel('Français').fill('Un groupe de parole.');
	await next();
	await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
	await expect(page.getByLabel('Français')).toHaveValue('Un groupe de parole.');

	await page.getByLabel(/Nom de votre groupe/).fill(name);
	await page.locator('input[name=category][value=volunteer_initiative]').check();
	await next();
	await page.locator('input[name=support_kinds]').nth(2).check();
	await page.locator('input[name=languages][value=nl]').check();
	await next();
	await page.locator('input[name=schedule_kind][value=by_appointment]').check();
	await next();
	await page.locator('#mdrc').selectOption('3');
	await next();
	await page.locator('#channel_kind_0').selectOption('email');
	await page.locator('#channel_value_0').fill('groupe@example.test');
	await page.locator('#channel_public_0').check();
	await next();
	await expect(page.getByText('groupe@example.test')).toBeVisible();
	await page.getByRole('button', { name: 'Retour' }).click();
	await expect(page.locator('#channel_value_0')).toHaveValue('groupe@example.test');
	await next();
	await page.getByLabel(/J'accepte que ce que j'ai saisi/).check();
	await page.getByLabel(/Je tiendrai cette fiche à jour/).check();
	await page.getByRole('button', { name: 'Envoyer pour publication' }).click();
	await expect(page).toHaveURL(/\/fr\/manage\?registered=/);
	await expect(page.getByRole('heading', { name })).toBeVisible();
});
