// Journeys: an org editor's change to a published entry waits for a moderator, who applies it
// from a diff; another org editor can neither open the entry's editor nor update it directly.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, test } from './fixtures.ts';
import { DEMO, gatewayAs, gatewayUrl, mailsTo, signIn, signOut } from './helpers.ts';

const { editor: EDITOR, editor2: EDITOR_2, moderator: MODERATOR } = DEMO;

/** The first published organization the editor belongs to. */
async function publishedEntryOf(client: SupabaseClient): Promise<{ id: string; name: string }> {
	const { data: user } = await client.auth.getUser();
	const { data: memberships } = await client
		.from('organization_members')
		.select('organization_id')
		.eq('user_id', user.user?.id ?? '');
	const { data } = await client
		.from('organizations')
		.select('id, name')
		.in(
			'id',
			(memberships ?? []).map((m: { organization_id: string }) => m.organization_id)
		)
		.eq('status', 'active')
		.order('name')
		.limit(1)
		.single();
	expect(data).not.toBeNull();
	return data as { id: string; name: string };
}

test.describe('editing and moderation', () => {
	test('a change to a published entry passes moderation before it is public', async ({ page }) => {
		test.setTimeout(120_000);
		const entry = await publishedEntryOf(await gatewayAs(EDITOR));
		const renamed = `${entry.name} (nouveau nom)`;

		await signIn(page, EDITOR);
		await page.goto('/fr/manage');
		await page.getByRole('link', { name: `Modifier ${entry.name}` }).click();
		await expect(page.getByText(/vérifiées par un·e modérateur·rice/)).toBeVisible();
		await page.getByLabel(/Nom de votre groupe/).fill(renamed);
		await page.locator('input[name=accepting_new][value=waitlist]').check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(
			page.getByText('Merci. Vos modifications attendent un·e modérateur·rice.')
		).toBeVisible();
		// Not public yet.
		const anonymous = createClient(gatewayUrl, localKeys().anonKey);
		const before = await anonymous.from('organizations').select('name').eq('id', entry.id).single();
		expect(before.data?.name).toBe(entry.name);
		await signOut(page);

		await signIn(page, MODERATOR);
		await page.goto(`/fr/moderate/${entry.id}`);
		const diff = page.getByRole('table', { name: 'Valeurs actuelles et proposées' });
		await expect(diff.getByRole('row', { name: /Nom de votre groupe/ })).toContainText(renamed);
		await expect(diff.getByRole('row', { name: /nouvelles personnes/ })).toContainText('waitlist');
		await page.getByRole('button', { name: 'Appliquer ce changement' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
		await expect(page.getByText('change request applied')).toBeVisible();

		const after = await anonymous.from('organizations').select('name').eq('id', entry.id).single();
		expect(after.data?.name).toBe(renamed);
	});

	test('an editor withdraws a proposal that no moderator has decided yet', async ({ page }) => {
		test.setTimeout(120_000);
		const entry = await publishedEntryOf(await gatewayAs(EDITOR));
		await signIn(page, EDITOR);
		await page.goto('/fr/manage');
		await page.getByRole('link', { name: `Modifier ${entry.name}` }).click();
		await page.getByLabel(/Nom de votre groupe/).fill(`${entry.name} (à retirer)`);
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(
			page.getByText('Merci. Vos modifications attendent un·e modérateur·rice.')
		).toBeVisible();
		await page.getByRole('link', { name: `Modifier ${entry.name}` }).click();
		const withdraw = page.getByRole('button', { name: 'Retirer cette proposition' });
		await expect(withdraw).toHaveCount(1);
		await withdraw.click();
		await expect(page.getByText('Votre proposition a été retirée.')).toBeVisible();
		await expect(withdraw).toHaveCount(0);
	});

	test("a second org editor cannot edit the first editor's entry", async ({ page }) => {
		const entry = await publishedEntryOf(await gatewayAs(EDITOR));

		await signIn(page, EDITOR_2);
		const response = await page.goto(`/fr/manage/${entry.id}`);
		expect(response?.status()).toBe(404);
		const post = await page.request.post(`/fr/manage/${entry.id}`, {
			form: {
				name: 'Pris par un autre',
				description_fr: 'x',
				accepting_new: 'open',
				schedule_kind: 'irregular'
			},
			headers: { origin: new URL(page.url()).origin }
		});
		expect(post.status()).toBe(404);

		const intruder = await gatewayAs(EDITOR_2);
		const { data, error } = await intruder
			.from('organizations')
			.update({ name: 'Pris par un autre' })
			.eq('id', entry.id)
			.select('id');
		expect(error === null ? data : []).toEqual([]);
		const owner = await gatewayAs(EDITOR);
		const check = await owner.from('organizations').select('name').eq('id', entry.id).single();
		expect(check.data?.name).not.toBe('Pris par un autre');
	});

	test('a moderator asks for changes and the editor gets the message by e-mail', async ({
		page
	}) => {
		const entry = await publishedEntryOf(await gatewayAs(EDITOR));
		const message = `Pouvez-vous ajouter les horaires d'été ? ${Date.now()}`;
		await signIn(page, MODERATOR);
		await page.goto(`/fr/moderate/${entry.id}`);
		await page.getByRole('button', { name: 'Demander des modifications' }).click();
		await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
		await page.getByLabel(/Message aux éditeurs/).fill(message);
		await page.getByRole('button', { name: 'Demander des modifications' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: message }).first()).toBeVisible();
		const mails = await mailsTo(EDITOR.email);
		const mail = mails.find((m) => m.text.includes(message));
		expect(mail?.subject).toBe(`Modifications demandées pour ${entry.name}`);
	});
});
