// Journey: someone fills in every field of every registration step, makes one mistake per step,
// and gets the error with everything they typed still there — with JavaScript (the browser checks
// before posting) and without (the server answers). The "where" step suggests streets while typing.
import { test as plainTest, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DEMO, signIn } from './helpers.ts';

type Fill =
	| { kind: 'text'; selector: string; value: string }
	| { kind: 'select'; selector: string; value: string }
	| { kind: 'check'; selector: string };

const text = (selector: string, value: string): Fill => ({ kind: 'text', selector, value });
const select = (selector: string, value: string): Fill => ({ kind: 'select', selector, value });
const check = (selector: string): Fill => ({ kind: 'check', selector });

/** Per step: every field filled, one of them wrong; then the correction that lets it pass. */
const STEPS: Array<{ heading: string; fields: Fill[]; error: string; fix: Fill[] }> = [
	{
		heading: 'Qui vous êtes',
		fields: [
			text('#field-name', '<b>Groupe</b>'),
			check('input[name=category][value=self_organisation]'),
			select('#legal_status', 'de_facto_association'),
			text('#field-description_fr', 'Nous cuisinons ensemble.'),
			text('#field-description_nl', 'We koken samen.'),
			text('#field-description_en', 'We cook together.')
		],
		error: 'Écrivez du texte simple',
		fix: [text('#field-name', 'Groupe qui garde tout')]
	},
	{
		heading: 'Ce que vous proposez',
		fields: [
			check('input[name=support_kinds] >> nth=0'),
			check('input[name=support_kinds] >> nth=3'),
			check('input[name=target_groups] >> nth=1'),
			check('input[name=languages][value=ar]'),
			check('input[name=languages][value=fr]'),
			check('input[name=cost][value=contribution]'),
			text('#field-cost_note', '<i>2 euros</i>'),
			check('input[name=accepting_new][value=waitlist]'),
			text('#field-eligibility_description', 'Pour les habitants du quartier.')
		],
		error: 'Écrivez du texte simple',
		fix: [text('#field-cost_note', '2 euros')]
	},
	{
		heading: 'Quand',
		fields: [
			check('input[name=schedule_kind][value=hours]'),
			select('#slot_day_0', '2'),
			text('#slot_from_0', '14:00'),
			text('#slot_to_0', '17:00'),
			select('#slot_day_1', '6'),
			select('#slot_week_1', '1'),
			text('#slot_from_1', '10:00'),
			text('#slot_to_1', '12:00'),
			check('input[name=closed_months][value="7"]'),
			check('input[name=closed_months][value="8"]'),
			check('#closed_holidays'),
			text('#field-opening_hours', 'Lundi 10:00-12:00')
		],
		error: 'Indiquez au moins un jour',
		fix: [text('#field-opening_hours', '')]
	},
	{
		heading: 'Où',
		fields: [
			check('input[name=place_kind][value=address]'),
			select('#mdrc', '3'),
			text('#field-partner_venue_name', 'Maison de quartier'),
			text('#field-address', 'Chaussée de Wavre 100'),
			text('#field-location_name', '<u>Salle</u>')
		],
		error: 'Écrivez du texte simple',
		fix: [text('#field-location_name', 'Salle du fond')]
	},
	{
		heading: 'Comment vous joindre',
		fields: [
			select('#channel_kind_0', 'phone'),
			text('#channel_value_0', '0470 12 34 56'),
			check('#channel_public_0'),
			select('#channel_kind_1', 'whatsapp'),
			text('#channel_value_1', '0470 65 43 21'),
			select('#channel_kind_2', 'email'),
			text('#channel_value_2', 'groupe@example.test'),
			check('#channel_public_2'),
			select('#channel_kind_3', 'phone'),
			text('#channel_value_3', '12 34')
		],
		error: 'Ce numéro de téléphone n’est pas valable',
		fix: [text('#channel_value_3', '02 345 67 89')]
	}
];

async function fill(page: Page, field: Fill) {
	const input = page.locator(field.selector);
	if (field.kind === 'text') await input.fill(field.value);
	else if (field.kind === 'select') await input.selectOption(field.value);
	else await input.check();
}

async function expectKept(page: Page, fields: Fill[], step: string) {
	for (const field of fields) {
		const input = page.locator(field.selector);
		const what = `${step}: ${field.selector}`;
		if (field.kind === 'check') await expect(input, what).toBeChecked();
		else await expect(input, what).toHaveValue(field.value);
	}
}

async function fillEveryStep(page: Page) {
	const next = page.getByRole('button', { name: 'Suivant' });
	for (const step of STEPS) {
		await expect(page.locator('#step-heading')).toHaveText(step.heading);
		for (const field of step.fields) await fill(page, field);
		await next.click();
		await expect(page.getByText(step.error).first()).toBeVisible();
		await expectKept(page, step.fields, step.heading);
		for (const field of step.fix) await fill(page, field);
		await next.click();
	}
	// The last step: one of the two boxes ticked is still ticked after the error.
	await page.getByLabel(/J'accepte que ce que j'ai saisi/).check();
	await page.getByRole('button', { name: 'Envoyer pour publication' }).click();
	await expect(page.getByText('Cochez cette case pour continuer.').first()).toBeVisible();
	await expect(page.getByLabel(/J'accepte que ce que j'ai saisi/)).toBeChecked();
	// Going back shows the contact step as it was completed.
	await page.getByRole('button', { name: 'Retour' }).click();
	await expect(page.locator('#channel_value_3')).toHaveValue('02 345 67 89');
	await expect(page.locator('#channel_kind_1')).toHaveValue('whatsapp');
}

test('with JavaScript, every field keeps its value on every error', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO.editor2);
	await page.goto('/fr/register');
	await fillEveryStep(page);
});

test('the where step suggests streets while typing', async ({ page }) => {
	await signIn(page, DEMO.editor2);
	await page.goto('/fr/register');
	for (const step of STEPS.slice(0, 3)) {
		for (const field of step.fields) await fill(page, field);
		for (const field of step.fix) await fill(page, field);
		await page.getByRole('button', { name: 'Suivant' }).click();
	}
	await page.locator('input[name=place_kind][value=address]').check();
	const address = page.getByRole('combobox', { name: /Adresse/ });
	await address.pressSequentially('chaussee de wav');
	const option = page
		.getByRole('listbox')
		.getByRole('option', { name: /Chaussée de Wavre/ })
		.first();
	await expect(option).toBeVisible();
	await address.press('ArrowDown');
	await address.press('Enter');
	await expect(address).toHaveValue(/^Chaussée de Wavre/);
});

plainTest.describe('without JavaScript', () => {
	// axe needs JavaScript in the page; the same pages are scanned by the tests above.
	plainTest.use({ javaScriptEnabled: false });

	plainTest('every field keeps its value on every error', async ({ page }) => {
		plainTest.setTimeout(120_000);
		await page.goto('/fr/account/sign-in?next=%2Ffr%2Fregister');
		await page.locator('#pw-email').fill(DEMO.editor2.email);
		await page.locator('#pw-password').fill(DEMO.editor2.password);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(/\/fr\/register$/);
		await fillEveryStep(page);
	});
});
