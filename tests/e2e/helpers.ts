// Shared steps of the browser journeys: demo accounts, signing in and out through the UI, a
// supabase-js client signed in against the local gateway, and the gateway's mailbox.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, mailboxUrl } from './fixtures.ts';

export type Account = { email: string; password: string };

/** The seed's demo accounts (supabase/seed/run.ts). */
export const DEMO = {
	editor: { email: 'org.editor@demo.nabij.invalid', password: 'demo-org-editor' },
	editor2: { email: 'org.editor.2@demo.nabij.invalid', password: 'demo-org-editor-2' },
	moderator: { email: 'moderator@demo.nabij.invalid', password: 'demo-moderator' }
} satisfies Record<string, Account>;

/** The local gateway's base URL (the mailbox sits at its root). */
export const gatewayUrl = mailboxUrl().replace(/\/mailbox\.json$/, '');

export type Mail = { to: string; subject: string; text: string };

/** The mails the local gateway received for `address`, newest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
	const response = await fetch(`${mailboxUrl()}?to=${encodeURIComponent(address)}`);
	return (await response.json()) as Mail[];
}

/** Signs in with a password through the French sign-in page. */
export async function signIn(page: Page, account: Account): Promise<void> {
	await page.goto('/fr/account/sign-in');
	await page.locator('#pw-email').fill(account.email);
	await page.locator('#pw-password').fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/fr\/account$/);
}

/** Signs out from the French account page. */
export async function signOut(page: Page): Promise<void> {
	await page.goto('/fr/account');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/fr$/);
}

/** supabase-js signed in as `account` against the local gateway, as a script would be. */
export async function gatewayAs(account: Account): Promise<SupabaseClient> {
	const client = createClient(gatewayUrl, localKeys().anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { error } = await client.auth.signInWithPassword(account);
	expect(error).toBeNull();
	return client;
}
