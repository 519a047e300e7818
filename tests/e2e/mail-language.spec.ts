// Journey: people asking for a sign-in link get the mail in the language of the page they asked
// from (the Supabase templates in supabase/templates/, rendered by the local gateway), and a
// sign-in from another language makes the next mail follow it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { mailsTo, type Mail } from './helpers.ts';

const PAGES = {
	fr: { send: 'Envoyez-moi un lien', sent: 'Consultez votre boîte mail', account: 'Mon compte' },
	nl: { send: 'Stuur me een link', sent: 'Kijk in je mailbox', account: 'Mijn account' },
	en: { send: 'Send me a link', sent: 'Check your inbox', account: 'My account' }
} as const;

type Locale = keyof typeof PAGES;

/** Asks for a sign-in link from the `locale` sign-in page and returns the new mail. */
async function askForLink(page: Page, locale: Locale, email: string): Promise<Mail> {
	const before = (await mailsTo(email)).length;
	await page.goto(`/${locale}/account/sign-in`);
	await page.locator('#link-email').fill(email);
	await page.getByRole('button', { name: PAGES[locale].send }).click();
	await expect(page.getByRole('heading', { name: PAGES[locale].sent })).toBeVisible();
	await expect.poll(async () => (await mailsTo(email)).length).toBe(before + 1);
	const [mail] = await mailsTo(email);
	return mail!;
}

/** Follows the mail's link and checks it signs in on the `locale` account page. */
async function follow(page: Page, mail: Mail, locale: Locale): Promise<void> {
	const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
	expect(link).toContain('/auth/v1/verify?token=');
	await page.goto(link);
	await expect(page).toHaveURL(new RegExp(`/${locale}/account$`));
	await expect(page.getByRole('heading', { level: 1, name: PAGES[locale].account })).toBeVisible();
}

test.describe('auth mails in the user’s language', () => {
	test('a French user asking from /fr gets French mails; a later sign-in from /en switches to English', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const email = `mail-fr-${Date.now().toString(36)}@example.test`;
		// A new address first gets the sign-up confirmation (confirmations are on, as in
		// supabase/config.toml), in French; following it signs in.
		const confirmation = await askForLink(page, 'fr', email);
		expect(confirmation.subject).toBe('Confirmez votre adresse e-mail pour Nabij');
		expect(confirmation.text).toContain('Confirmez votre adresse e-mail et connectez-vous');
		expect(confirmation.text).toContain('Confirmer mon adresse: http');
		await follow(page, confirmation, 'fr');
		await page.context().clearCookies();
		const first = await askForLink(page, 'fr', email);
		expect(first.subject).toBe('Votre lien de connexion à Nabij');
		expect(first.text).toMatch(/^Votre lien de connexion à Nabij\n/);
		expect(first.text).toContain('Suivez ce lien pour vous connecter à Nabij');
		expect(first.text).toContain('Se connecter: http');
		await follow(page, first, 'fr');

		// Asked from /en, the link still comes in the language last recorded (French); signing
		// in from /en records English, and the next mail is English.
		await page.context().clearCookies();
		const fromEnglish = await askForLink(page, 'en', email);
		expect(fromEnglish.subject).toBe('Votre lien de connexion à Nabij');
		await follow(page, fromEnglish, 'en');
		await page.context().clearCookies();
		const english = await askForLink(page, 'en', email);
		expect(english.subject).toBe('Your sign-in link for Nabij');
		expect(english.text).toContain('Follow this link to sign in to Nabij');
		expect(english.text).toContain('Sign in: http');
	});

	test('a Dutch user asking from /nl gets Dutch mails', async ({ page }) => {
		test.setTimeout(120_000);
		const email = `mail-nl-${Date.now().toString(36)}@example.test`;
		const confirmation = await askForLink(page, 'nl', email);
		expect(confirmation.subject).toBe('Bevestig uw e-mailadres voor Nabij');
		expect(confirmation.text).toContain('Bevestig uw e-mailadres en meld u aan met deze link');
		expect(confirmation.text).toContain('Mijn adres bevestigen: http');
		await follow(page, confirmation, 'nl');
		await page.context().clearCookies();
		const mail = await askForLink(page, 'nl', email);
		expect(mail.subject).toBe('Uw aanmeldlink voor Nabij');
		expect(mail.text).toMatch(/^Uw aanmeldlink voor Nabij\n/);
		expect(mail.text).toContain('Volg deze link om u aan te melden bij Nabij');
		expect(mail.text).toContain('Aanmelden: http');
		await follow(page, mail, 'nl');
	});
});
