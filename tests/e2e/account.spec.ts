// Journeys: the freshness job e-mails a "still active?" link that confirms an entry without
// signing in; expired and tampered links are refused with a clear message; the account page
// keeps a display name and e-mail language.
import { createClient } from '@supabase/supabase-js';
import { localKeys } from '@nabij/supabase-local/keys';
import { BRUSSELS_TIME_ZONE } from '../../src/lib/domain/schedule/brussels-time.ts';
import { createSignedToken } from '../../src/lib/server/signed-links.ts';
import { expect, mailboxUrl, test } from './fixtures.ts';
import { DEMO, gatewayAs, gatewayUrl, signIn } from './helpers.ts';

const mailbox = mailboxUrl();

// The local defaults of src/lib/server/config.ts, used when the variables are not set.
const JOBS_TOKEN = process.env.NABIJ_JOBS_TOKEN ?? 'nabij-local-jobs-token';
const LINK_SECRET = process.env.NABIJ_LINK_SECRET ?? 'nabij-local-link-secret-not-for-production';
const { editor2: EDITOR, moderator: MODERATOR } = DEMO;

test.describe('freshness links', () => {
	test('the job mails a link that confirms the entry without signing in', async ({
		page,
		request
	}) => {
		const editor = await gatewayAs(EDITOR);
		const { data: user } = await editor.auth.getUser();
		const { data: memberships } = await editor
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', user.user?.id ?? '');
		const ids = (memberships ?? []).map((m: { organization_id: string }) => m.organization_id);
		const { data: entry } = await editor
			.from('organizations')
			.select('id, name')
			.in('id', ids)
			.eq('status', 'active')
			.order('name')
			.limit(1)
			.single();
		expect(entry).not.toBeNull();
		const { id, name } = entry as { id: string; name: string };
		// Nobody back-dates a confirmation through the API, not even a moderator…
		const moderator = await gatewayAs(MODERATOR);
		const refused = await moderator
			.from('organizations')
			.update({ assured_date: '2025-01-01' })
			.eq('id', id);
		expect(refused.error?.code).toBe('42501');
		// …so the test does it with the service key, as if a year had passed.
		const service = createClient(gatewayUrl, localKeys().serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const aged = await service
			.from('organizations')
			.update({ assured_date: '2025-01-01' })
			.eq('id', id);
		expect(aged.error).toBeNull();

		// A scheduler posts JSON (a form post without an Origin would be refused as cross-site).
		expect((await request.post('/api/jobs/liveness', { data: {} })).status()).toBe(401);
		const run = await request.post('/api/jobs/liveness', {
			headers: { authorization: `Bearer ${JOBS_TOKEN}` },
			data: {}
		});
		expect(run.status()).toBe(200);
		expect((await run.json()) as { mailsSent: number }).toMatchObject({
			mailsSent: expect.any(Number)
		});

		const mails = (await (
			await fetch(`${mailbox}?to=${encodeURIComponent(EDITOR.email)}`)
		).json()) as { subject: string; text: string }[];
		const mail = mails.find((m) => m.subject === `${name} est-il toujours actif ?`);
		expect(mail).toBeDefined();
		const link = /https?:\/\/\S+\/liveness\?token=\S+/.exec(mail?.text ?? '')?.[0] ?? '';
		expect(link).toContain('/fr/liveness?token=');

		const path = new URL(link).pathname + new URL(link).search;
		await page.goto(path);
		await expect(page.getByText(`« ${name} » est-il toujours actif ?`)).toBeVisible();
		await page.getByRole('button', { name: 'Oui, toujours actif' }).click();
		await expect(page.getByText('Merci ! La fiche est confirmée comme active.')).toBeVisible();
		// The link answers once: opened again, it says so and offers no buttons.
		await page.goto(path);
		await expect(page.getByText('Ce lien a déjà été utilisé')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Oui, toujours actif' })).toHaveCount(0);

		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'UTC' });
		const after = await editor.from('organizations').select('assured_date').eq('id', id).single();
		expect(after.data?.assured_date).toBe(today);

		// The same link with one character changed is refused.
		const tampered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
		await page.goto(tampered);
		await expect(page.getByText(/Ce lien n'est pas valable/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Oui, toujours actif' })).toHaveCount(0);
	});

	test('an expired link is refused with a clear message', async ({ page }) => {
		const token = createSignedToken({
			secret: LINK_SECRET,
			purpose: 'liveness',
			payload: { n: 'a'.repeat(64) },
			expiresAt: new Date(Date.now() - 60_000)
		});
		await page.goto(`/fr/liveness?token=${token}`);
		await expect(page.getByText(/Ce lien a expiré/)).toBeVisible();
		await page.goto('/nl/liveness?token=nonsense');
		await expect(page.getByText(/Deze link is niet geldig/)).toBeVisible();
	});
});

test.describe('co-editors', () => {
	test('an owner invites a co-editor, who signs in with the invited address and accepts', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const owner = await gatewayAs(EDITOR);
		const { data: user } = await owner.auth.getUser();
		const { data: memberships } = await owner
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', user.user?.id ?? '')
			.eq('member_role', 'owner')
			.limit(1);
		const id = (memberships as { organization_id: string }[] | null)?.[0]?.organization_id ?? '';
		const invitee = `co-editor-${Date.now().toString(36)}@example.test`;
		const readMail = async (to: string) =>
			(await (await fetch(`${mailbox}?to=${encodeURIComponent(to)}`)).json()) as {
				subject: string;
				text: string;
			}[];

		await signIn(page, EDITOR);
		await page.goto(`/fr/manage/${id}`);
		await page.getByLabel('Adresse e-mail').fill(invitee);
		await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
		await expect(page.getByText(`Invitation envoyée à ${invitee}.`)).toBeVisible();
		const invitation = (await readMail(invitee))[0];
		const link =
			/https?:\/\/\S+\/account\/invite\?token=\S+/.exec(invitation?.text ?? '')?.[0] ?? '';
		expect(link).not.toBe('');
		await page.goto('/fr/account');
		await page.getByRole('button', { name: 'Se déconnecter' }).click();

		// The invitee follows the link, signs in with an e-mail link, and accepts.
		await page.goto(new URL(link).pathname + new URL(link).search);
		await expect(page).toHaveURL(/\/fr\/account\/sign-in\?next=/);
		await page.locator('#link-email').fill(invitee);
		await page.getByRole('button', { name: 'Envoyez-moi un lien' }).click();
		await expect(page.getByRole('heading', { name: 'Consultez votre boîte mail' })).toBeVisible();
		const signInMail = (await readMail(invitee)).find((m) => !m.text.includes('/account/invite'));
		await page.goto(/https?:\/\/\S+/.exec(signInMail?.text ?? '')?.[0] ?? '');
		await expect(page).toHaveURL(/\/fr\/account\/invite\?token=/);
		await page.getByRole('button', { name: 'Accepter et devenir éditeur·rice' }).click();
		await expect(page).toHaveURL(/\/fr\/manage$/);
		await expect(page.locator(`a[href="/fr/manage/${id}"]`)).toBeVisible();
	});
});

test.describe('account', () => {
	test('asks anonymous visitors to sign in and comes back', async ({ page }) => {
		await page.goto('/en/manage');
		await expect(page).toHaveURL(/\/en\/account\/sign-in\?next=%2Fen%2Fmanage$/);
		await page.locator('#pw-email').fill(EDITOR.email);
		await page.locator('#pw-password').fill(EDITOR.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/en\/manage$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My entries');
		// Confirming an active entry from the list records today's date.
		const card = page.getByRole('article').filter({ hasText: 'Published and active' }).first();
		await card.getByRole('button', { name: 'Still active: confirm' }).click();
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: BRUSSELS_TIME_ZONE });
		await expect(page.getByText(`Last confirmed: ${today}`).first()).toBeVisible();
	});

	test('keeps the display name and e-mail language, and refuses markup', async ({ page }) => {
		await signIn(page, EDITOR);
		await page.getByLabel('Nom affiché').fill('<b>Noor</b>');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByText('Écrivez du texte simple, sans balises < >.')).toBeVisible();
		await page.getByLabel('Nom affiché').fill('Noor 🌻');
		await page.getByLabel('Langue des e-mails').selectOption('nl');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByText('Enregistré.')).toBeVisible();
		await expect(page.getByLabel('Nom affiché')).toHaveValue('Noor 🌻');
		await expect(page.getByLabel('Langue des e-mails')).toHaveValue('nl');
	});

	test('a wrong password is refused with a translated message', async ({ page }) => {
		await page.goto('/nl/account/sign-in');
		await page.locator('#pw-email').fill(EDITOR.email);
		await page.locator('#pw-password').fill('not the password');
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page.getByText('E-mailadres of wachtwoord is niet juist.')).toBeVisible();
	});

	test('deletes the account and the registrations only that person made', async ({ page }) => {
		const email = `leaving-${Date.now().toString(36)}@example.test`;
		await page.goto('/fr/account/sign-in');
		await page.locator('#link-email').fill(email);
		await page.getByRole('button', { name: 'Envoyez-moi un lien' }).click();
		await expect(page.getByRole('heading', { name: 'Consultez votre boîte mail' })).toBeVisible();
		const [mail] = (await (await fetch(`${mailbox}?to=${encodeURIComponent(email)}`)).json()) as {
			text: string;
		}[];
		await page.goto(/https?:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? '');
		await expect(page).toHaveURL(/\/fr\/account$/);
		await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
		await expect(page.getByText('Cochez la case pour confirmer.')).toBeVisible();
		await page.getByLabel(/Je comprends que mon compte/).check();
		await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
		await expect(page).toHaveURL(/\/fr\/account\/sign-in\?deleted$/);
		await page.goto('/fr/account');
		await expect(page).toHaveURL(/\/fr\/account\/sign-in\?next=/);
	});
});
