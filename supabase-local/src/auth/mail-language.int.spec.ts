// The gateway mails with the repository's templates (supabase/config.toml), choosing the
// language from the user's metadata as a Supabase project does, driven through supabase-js.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMail } from '../mailbox.ts';
import { startGateway, type Gateway } from '../server.ts';

let gw: Gateway;

beforeAll(async () => {
	gw = await startGateway({
		dataDir: null,
		port: 0,
		autoConfirm: false,
		siteUrl: 'http://127.0.0.1:5173'
	});
}, 120_000);

afterAll(async () => {
	await gw?.stop();
});

function client(): SupabaseClient {
	return createClient(gw.url, gw.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

async function latest(to: string) {
	const [mail] = await listMail(gw.executor, { to });
	if (!mail) throw new Error(`no mail to ${to}`);
	return mail;
}

describe('auth mails in the user’s language', () => {
	it('confirms a new Dutch user in Dutch, then signs them in in Dutch, then follows updateUser', async () => {
		const email = 'lies@example.test';
		const redirect = 'http://127.0.0.1:5173/nl/account/callback';
		const first = await client().auth.signInWithOtp({
			email,
			options: { emailRedirectTo: redirect, data: { locale: 'nl' } }
		});
		expect(first.error).toBeNull();
		const confirmation = await latest(email);
		expect(confirmation.subject).toBe('Bevestig uw e-mailadres voor Nabij');
		expect(confirmation.html).toContain('<div lang="nl">');
		const link = /https?:\/\/\S+/.exec(confirmation.text)?.[0] ?? '';
		expect(link).toContain('/auth/v1/verify?token=');

		// Following the link confirms the address; the next request is a magic link.
		const verified = await fetch(link, { redirect: 'manual' });
		expect(verified.status).toBe(303);
		const again = await client().auth.signInWithOtp({
			email,
			options: { emailRedirectTo: redirect }
		});
		expect(again.error).toBeNull();
		expect((await latest(email)).subject).toBe('Uw aanmeldlink voor Nabij');

		// Signed in with that link's token (the templates carry no code), the user switches to
		// English, as the app does after a sign-in from /en; the next mail is English.
		const magicLink = /https?:\/\/\S+/.exec((await latest(email)).text)?.[0] ?? '';
		const signedIn = client();
		const { error } = await signedIn.auth.verifyOtp({
			token_hash: new URL(magicLink).searchParams.get('token') ?? '',
			type: 'magiclink'
		});
		expect(error).toBeNull();
		const updated = await signedIn.auth.updateUser({ data: { locale: 'en' } });
		expect(updated.error).toBeNull();
		expect(updated.data.user?.user_metadata.locale).toBe('en');
		await new Promise((r) => setTimeout(r, 1100)); // the per-address mail frequency
		await client().auth.signInWithOtp({ email, options: { emailRedirectTo: redirect } });
		expect((await latest(email)).subject).toBe('Your sign-in link for Nabij');
	});

	it('mails a French user, and a user without a language, in French', async () => {
		for (const [email, data] of [
			['amina@example.test', { locale: 'fr' }],
			['nolang@example.test', undefined]
		] as const) {
			const { error } = await client().auth.signInWithOtp({ email, options: { data } });
			expect(error).toBeNull();
			const mail = await latest(email);
			expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Nabij');
			expect(mail.text).toMatch(/^Bienvenue sur Nabij/);
		}
	});

	it('mails an invitation in the language given in its data', async () => {
		const admin = createClient(gw.url, gw.serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const { error } = await admin.auth.admin.inviteUserByEmail('joris@example.test', {
			data: { locale: 'nl' }
		});
		expect(error).toBeNull();
		expect((await latest('joris@example.test')).subject).toBe('U bent uitgenodigd op Nabij');
	});
});
