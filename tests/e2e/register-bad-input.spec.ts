// Bad input, table-driven: every registration step is posted (as a browser without JavaScript
// would) with empty, overlong, wrong-type, script-injection and Unicode-edge values. Each must
// get a 400 with the translated field error, the input must come back escaped, and nothing may
// be saved.
import { createClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, mailboxUrl, test } from './fixtures.ts';

const mailbox = mailboxUrl();
const gatewayUrl = mailbox?.replace(/\/mailbox\.json$/, '') ?? '';
const EDITOR = { email: 'org.editor.2@demo.nabij.invalid', password: 'demo-org-editor-2' };

const LONG = 'a'.repeat(5000);
const SCRIPT = '<script>alert(1)</script>';
const ERR = {
	required: 'Ce champ est obligatoire.',
	too_short: 'Ce texte est trop court.',
	too_long: 'Ce texte est trop long.',
	markup: 'Écrivez du texte simple, sans balises &lt; >.',
	control: 'Ce texte contient des caractères de contrôle ou de direction invisibles.',
	choice: 'Choisissez une des options proposées.',
	description: 'Décrivez ce que vous faites dans au moins une langue.',
	schedule: 'Indiquez au moins un jour avec une heure de début et de fin',
	phone: 'Ce numéro de téléphone n’est pas valable',
	email: 'Indiquez une adresse e-mail comme',
	url: 'Indiquez une adresse web commençant par',
	channel: 'Indiquez au moins un moyen de vous joindre.',
	invalid: "Cette valeur n'est pas valable.",
	consent: 'Cochez cette case pour continuer.'
};

type Fields = [string, string][];
const VALID: Record<string, Fields> = {
	who: [
		['name', 'Groupe de test'],
		['category', 'self_organisation'],
		['description_fr', 'Nous nous retrouvons le mercredi.']
	],
	offer: [
		['support_kinds', 'social_contact'],
		['languages', 'fr'],
		['cost', 'free'],
		['accepting_new', 'open']
	],
	when: [
		['schedule_kind', 'hours'],
		['slot_day_0', '2'],
		['slot_from_0', '14:00'],
		['slot_to_0', '17:00']
	],
	where: [
		['place_kind', 'quartier'],
		['mdrc', '1']
	],
	contact: [
		['channel_kind_0', 'phone'],
		['channel_value_0', '02 345 67 89']
	]
};

// [step, what it is, fields replaced (a null value removes the field), expected error]
type Case = [string, string, Record<string, string | null>, string];
const CASES: Case[] = [
	['who', 'empty name', { name: '' }, ERR.required],
	['who', 'overlong name', { name: LONG }, ERR.too_long],
	['who', 'script in name', { name: SCRIPT }, ERR.markup],
	['who', 'zero-width and RTL marks only', { name: '\u200b\u200d\u200f' }, ERR.required],
	['who', 'right-to-left override', { name: 'Groupe \u202eevil' }, ERR.control],
	['who', 'one emoji', { name: '🌻' }, ERR.too_short],
	['who', '201 four-byte characters', { name: '𝒜'.repeat(201) }, ERR.too_long],
	['who', 'empty category', { category: '' }, ERR.choice],
	['who', 'unknown category', { category: 'bank_branch' }, ERR.choice],
	['who', 'script as category', { category: SCRIPT }, ERR.choice],
	['who', 'wrong legal form', { legal_status: 'sprl' }, ERR.choice],
	['who', 'no description', { description_fr: null }, ERR.description],
	['who', 'overlong description', { description_fr: LONG }, ERR.too_long],
	['who', 'script in description', { description_fr: `Bonjour ${SCRIPT}` }, ERR.markup],
	['offer', 'no support kind', { support_kinds: null }, ERR.required],
	['offer', 'empty support kind', { support_kinds: '' }, ERR.choice],
	['offer', 'unknown support kind', { support_kinds: 'free_money' }, ERR.choice],
	['offer', 'no language', { languages: null }, ERR.required],
	['offer', 'made-up language', { languages: 'xx' }, ERR.choice],
	['offer', 'script as language', { languages: SCRIPT }, ERR.choice],
	['offer', 'number as cost', { cost: '42' }, ERR.choice],
	['offer', 'emoji as accepting', { accepting_new: '🌻' }, ERR.choice],
	['offer', 'overlong cost note', { cost_note: LONG }, ERR.too_long],
	['offer', 'script in eligibility', { eligibility_description: SCRIPT }, ERR.markup],
	[
		'offer',
		'control character in eligibility',
		{ eligibility_description: 'a\u0007b' },
		ERR.control
	],
	['when', 'unknown schedule kind', { schedule_kind: 'sometimes' }, ERR.choice],
	['when', 'no times', { slot_day_0: '', slot_from_0: '', slot_to_0: '' }, ERR.schedule],
	['when', 'impossible time', { slot_from_0: '25:99' }, ERR.schedule],
	['when', 'end before start', { slot_from_0: '18:00' }, ERR.schedule],
	['when', 'day out of range', { slot_day_0: '9' }, ERR.schedule],
	['when', 'overlong time', { slot_from_0: LONG }, ERR.invalid],
	['when', 'script as opening hours', { opening_hours: SCRIPT }, ERR.markup],
	['when', 'unparsable opening hours', { opening_hours: 'Mo 99:00-10:00' }, ERR.schedule],
	['when', 'overlong opening hours', { opening_hours: LONG }, ERR.too_long],
	['where', 'unknown place kind', { place_kind: 'home' }, ERR.choice],
	['where', 'letters as quartier', { mdrc: 'abc' }, ERR.choice],
	['where', 'quartier out of range', { mdrc: '99999' }, ERR.choice],
	['where', 'unknown quartier', { mdrc: '998' }, ERR.choice],
	['where', 'empty quartier', { mdrc: '' }, ERR.required],
	['where', 'partner without venue name', { place_kind: 'partner' }, ERR.required],
	['where', 'overlong address', { place_kind: 'address', address: LONG }, ERR.too_long],
	['where', 'script as place name', { location_name: SCRIPT }, ERR.markup],
	['contact', 'no channel', { channel_value_0: '' }, ERR.channel],
	['contact', 'emoji phone', { channel_value_0: '📞📞📞📞📞📞' }, ERR.phone],
	['contact', 'letters as phone', { channel_value_0: 'call me maybe' }, ERR.phone],
	[
		'contact',
		'RTL override in WhatsApp',
		{ channel_kind_0: 'whatsapp', channel_value_0: '\u202e+32 470 12 34 56' },
		ERR.phone
	],
	['contact', 'bad e-mail', { channel_kind_0: 'email', channel_value_0: 'a@b' }, ERR.email],
	[
		'contact',
		'script e-mail',
		{ channel_kind_0: 'email', channel_value_0: `${SCRIPT}@x.be` },
		ERR.email
	],
	[
		'contact',
		'javascript: URL',
		{ channel_kind_0: 'website', channel_value_0: 'javascript:alert(1)' },
		ERR.url
	],
	[
		'contact',
		'URL with a space',
		{ channel_kind_0: 'website', channel_value_0: 'https://exa mple.be' },
		ERR.url
	],
	['contact', 'script as relay', { channel_kind_0: 'relay', channel_value_0: SCRIPT }, ERR.markup],
	['contact', 'unknown channel kind', { channel_kind_0: 'fax' }, ERR.choice],
	['contact', 'overlong phone', { channel_value_0: '0'.repeat(400) }, ERR.too_long]
];

function body(step: string, replace: Record<string, string | null>): string {
	const params = new URLSearchParams({ step, draft: '', intent: 'next' });
	const fields = (VALID[step] ?? []).filter(([name]) => !(name in replace));
	for (const [name, value] of fields) params.append(name, value);
	for (const [name, value] of Object.entries(replace))
		if (value !== null) params.append(name, value);
	return params.toString();
}

async function signIn(page: Page) {
	await page.goto('/fr/account/sign-in');
	await page.locator('#pw-email').fill(EDITOR.email);
	await page.locator('#pw-password').fill(EDITOR.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/fr\/account$/);
}

async function organizationCount(): Promise<number> {
	const client = createClient(gatewayUrl, localKeys().anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	await client.auth.signInWithPassword(EDITOR);
	const { count } = await client.from('organizations').select('id', { count: 'exact', head: true });
	return count ?? -1;
}

test.describe('registration refuses bad input', () => {
	test(`${CASES.length} bad values across the steps each get a translated field error`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await signIn(page);
		const before = await organizationCount();
		const origin = new URL(page.url()).origin;
		const post = (path: string, data: string) =>
			page.request.post(path, {
				data,
				// As a browser without JavaScript posts: the answer is the whole page.
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin
				}
			});

		// The valid rows pass, so each failure below is the bad value's doing.
		for (const step of Object.keys(VALID)) {
			expect((await post('/fr/register?/step', body(step, {}))).status(), step).toBe(200);
		}
		for (const [step, what, replace, message] of CASES) {
			const response = await post('/fr/register?/step', body(step, replace));
			const html = await response.text();
			expect.soft(response.status(), `${step}: ${what}`).toBe(400);
			expect.soft(html, `${step}: ${what}`).toContain(message);
			expect.soft(html, `${step}: ${what} comes back escaped`).not.toContain(SCRIPT);
		}

		// The last step: consent missing, then a draft tampered with in the browser.
		const noConsent = await post('/fr/register?/submit', 'draft=');
		expect(noConsent.status()).toBe(400);
		expect(await noConsent.text()).toContain(ERR.consent);
		const tampered = Buffer.from(
			JSON.stringify({
				who: { name: SCRIPT, category: 'self_organisation', description_fr: 'x' },
				offer: {},
				when: {},
				where: {},
				contact: {}
			})
		).toString('base64url');
		const forged = await post('/fr/register?/submit', `draft=${tampered}&consent=on&terms=on`);
		expect(forged.status()).toBe(400);
		expect(await forged.text()).toContain(ERR.markup);
		const honeypot = await post('/fr/register?/step', `${body('who', {})}&homepage=spam`);
		expect(honeypot.status()).toBe(400);

		expect(await organizationCount()).toBe(before);
	});
});
