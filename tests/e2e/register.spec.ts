// Journey: a new self-organisation signs in with an e-mail link, registers itself as meeting at
// a community centre without giving an address, a moderator approves and vouches for it on
// behalf of the moderator's own local service centre (which the moderator cannot publish
// themself), and the entry appears in the finder at
// quartier level with "vouched by". E-mails are read from the local gateway's mailbox.
import type { Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, test } from './fixtures.ts';
import { DEMO, gatewayUrl, mailsTo, signIn, signOut } from './helpers.ts';

const MODERATOR = DEMO.moderator;
// The local gateway's development jobs token (see the accounts/freshness migration).
const JOBS_TOKEN = process.env.NABIJ_JOBS_TOKEN ?? 'nabij-local-jobs-token';

const next = (page: Page) => page.getByRole('button', { name: 'Suivant' }).click();

/** Fills the six registration steps; the page must be on step 1. */
async function register(
	page: Page,
	entry: { name: string; category: string; venue: string; mdrc: string }
) {
	await page.getByLabel(/Nom de votre groupe/).fill(entry.name);
	await page.locator(`input[name=category][value=${entry.category}]`).check();
	await page
		.getByLabel('Français')
		.fill('Nous nous retrouvons chaque mercredi pour parler et cuisiner.');
	await next(page);
	await expect(page.getByRole('heading', { name: 'Ce que vous proposez' })).toBeVisible();
	await page.locator('input[name=support_kinds]').first().check();
	await page.locator('input[name=languages][value=ar]').check();
	await page.locator('input[name=languages][value=fr]').check();
	await next(page);
	await page.locator('#slot_day_0').selectOption('2');
	await page.locator('#slot_from_0').fill('14:00');
	await page.locator('#slot_to_0').fill('17:00');
	await next(page);
	await page.locator('input[name=place_kind][value=partner]').check();
	await page.locator('#mdrc').selectOption(entry.mdrc);
	await page.getByLabel('Nom du lieu partenaire').fill(entry.venue);
	await next(page);
	await page.locator('#channel_value_0').fill('0470 12 34 56');
	await next(page);
	await expect(page.getByRole('heading', { name: 'Ce que le public verra' })).toBeVisible();
	await expect(page.getByText(`À ${entry.venue}`)).toBeVisible();
	await expect(page.getByText('We 14:00-17:00')).toBeVisible();
	await page.getByLabel(/J'accepte que ce que j'ai saisi/).check();
	await page.getByLabel(/Je tiendrai cette fiche à jour/).check();
	await page.getByRole('button', { name: 'Envoyer pour publication' }).click();
	await expect(page).toHaveURL(/\/fr\/manage\?registered=/);
	await expect(page.getByRole('heading', { name: entry.name })).toBeVisible();
}

test.describe('self-registration', () => {
	test('register without an address, get approved and vouched, appear in the finder', async ({
		page
	}) => {
		test.setTimeout(300_000);
		const stamp = Date.now().toString(36);
		const email = `amicale-${stamp}@example.test`;
		const name = `Amicale des voisines ${stamp}`;
		const centre = `Centre de services Noord ${stamp}`;

		// Sign in with an e-mail link, coming back to the registration form.
		await page.goto('/fr/register');
		await expect(page).toHaveURL(/\/fr\/account\/sign-in\?next=/);
		await page.locator('#link-email').fill(email);
		await page.getByRole('button', { name: 'Envoyez-moi un lien' }).click();
		await expect(page.getByRole('heading', { name: 'Consultez votre boîte mail' })).toBeVisible();
		const [signInMail] = await mailsTo(email);
		const link = /https?:\/\/\S+/.exec(signInMail?.text ?? '')?.[0] ?? '';
		expect(link).not.toBe('');
		await page.goto(link);
		await expect(page).toHaveURL(/\/fr\/register$/);

		await register(page, {
			name,
			category: 'self_organisation',
			venue: 'Maison de quartier Nord',
			mdrc: '1'
		});
		await expect(page.getByText('En attente de modération')).toBeVisible();
		await signOut(page);

		// The scheduled job tells the moderators about it in its digest, once.
		const job = await page.request.post('/api/jobs/liveness', {
			headers: { authorization: `Bearer ${JOBS_TOKEN}` },
			data: {}
		});
		expect(job.ok()).toBe(true);
		const digests = (await mailsTo('moderation@nabij.invalid')).filter((m) =>
			m.text.includes(name)
		);
		expect(digests).toHaveLength(1);
		expect(digests[0]?.subject).toMatch(/^Nabij : \d+ nouvelle\(s\) inscription\(s\) à modérer$/);

		// The moderator registers their own centre but cannot publish it: they are its member.
		await signIn(page, MODERATOR);
		await page.goto('/fr/register');
		await register(page, {
			name: centre,
			category: 'local_service_centre',
			venue: 'Dienstencentrum',
			mdrc: '2'
		});
		await page.goto('/fr/moderate');
		await page.getByRole('link', { name: centre }).click();
		await page.getByRole('button', { name: 'Approuver et publier' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Vous êtes membre de cette organisation : un·e autre modérateur·rice doit décider.'
		);
		await expect(page.getByTestId('status')).toHaveText('En attente de modération');
		// Another moderator would publish it; the demo has one, so the test uses the service key.
		const service = createClient(gatewayUrl, localKeys().serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const published = await service
			.from('organizations')
			.update({ status: 'active' })
			.eq('name', centre)
			.select('id');
		expect(published.data).toHaveLength(1);

		await page.goto('/fr/moderate');
		await page.getByRole('link', { name }).click();
		await expect(page.getByText('Maison de quartier Nord')).toBeVisible();
		await page.getByRole('button', { name: 'Approuver et publier' }).click();
		await expect(page.getByTestId('status')).toHaveText('Publiée et active');
		await page.getByLabel('Se porter garant au nom de').selectOption({ label: centre });
		await page.getByRole('button', { name: 'Se porter garant de cette fiche' }).click();
		await expect(page.getByTestId('trust')).toContainText(`Garantie — garanti par ${centre}`);
		await expect(
			page.getByRole('listitem').filter({ hasText: 'confiance modifiée' })
		).toBeVisible();

		const approval = (await mailsTo(email)).find((mail) => mail.subject.includes(name));
		expect(approval?.subject).toBe(`Publié sur Nabij : ${name}`);

		// Anyone finds it, at quartier level, with who vouched for it.
		await signOut(page);
		await page.goto(`/fr/find?q=${encodeURIComponent(name)}`);
		const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
		await expect(card).toBeVisible();
		// Shown at the level of its quartier (Grand Place, mdrc 1), with who vouched for it.
		await expect(card).toContainText('Grand Place');
		await expect(card).toContainText(centre);
	});
});
