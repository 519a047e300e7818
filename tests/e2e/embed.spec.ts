import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import { localKeys } from '@nabij/supabase-local/keys';
import { tidyName } from '#lib/domain/places/place-name.ts';
import { expect, test } from './fixtures.ts';
import { gatewayUrl } from './helpers.ts';

// The embeddable map as another site shows it: a page on another origin (a second HTTP server
// on another port of 127.0.0.1) frames /{locale}/embed. The embed renders its list and map and
// sets no cookie; every other page still refuses to be framed; the builder's snippet works.

let host: Server;
let hostOrigin: string;
// What the other site's page holds; each test sets it before loading the page.
let hostBody = '';

test.beforeAll(async () => {
	host = createServer((request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(
			`<!doctype html><html lang="en"><head><title>A local service centre</title></head><body><main><h1>Our neighbourhood</h1>${hostBody}</main></body></html>`
		);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise<void>((resolve) => host.close(() => resolve()));
});

function appOrigin(page: Page): string {
	return new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url())
		.origin;
}

/** A quartier with published home-visit entries, read from the gateway as a visitor. */
async function quartierWithHomeVisits() {
	const anon = createClient(gatewayUrl, localKeys().anonKey, { auth: { persistSession: false } });
	const { data, error } = await anon
		.from('resource_index')
		.select('mdrc, quartier_name_fr, quartier_name_nl')
		.contains('support_kinds', ['home_visits'])
		.order('id')
		.limit(1)
		.single();
	expect(error).toBeNull();
	return data as { mdrc: number; quartier_name_fr: string; quartier_name_nl: string };
}

test.describe('embeddable map', () => {
	test.describe.configure({ timeout: 120_000 });

	test('shows its list and map inside another site, with no cookie', async ({ page }) => {
		const app = test.info().project.use.baseURL!;
		hostBody = `<iframe src="${app}/fr/embed?support=home_visits" title="Nabij" width="900" height="600"></iframe>`;
		const embedResponse = page.waitForResponse((r) => r.url().includes('/fr/embed?'));
		await page.goto(hostOrigin);
		const response = await embedResponse;
		const headers = response.headers();
		expect(headers['content-security-policy']).toContain('frame-ancestors *');
		expect(headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
		expect(headers['x-frame-options']).toBeUndefined();
		expect(headers['set-cookie']).toBeUndefined();

		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Visites à domicile');
		await expect(frame.getByRole('status').first()).toContainText(/\d+ lieux trouvés/);
		const links = frame.getByRole('listitem').getByRole('link');
		expect(await links.count()).toBeGreaterThan(0);
		await expect(links.first()).toHaveAttribute('target', '_blank');
		await expect(links.first()).toHaveAttribute('rel', 'noopener');
		await expect(links.first()).toHaveAttribute('href', new RegExp(`^${app}/fr/resources/`));
		await expect(frame.getByTestId('map')).toHaveAttribute('data-ready', 'true', {
			timeout: 60_000
		});
		// No site header, sign-in link or footer in the frame.
		await expect(frame.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
		await expect(frame.locator('footer')).toHaveCount(0);
		expect(await page.context().cookies()).toEqual([]);
	});

	test('every other page refuses to be framed', async ({ page }) => {
		const app = test.info().project.use.baseURL!;
		for (const path of ['/fr/find', '/fr/embed/build', '/fr']) {
			const response = await page.request.get(`${app}${path}`);
			expect(response.headers()['content-security-policy'], path).toContain(
				"frame-ancestors 'none'"
			);
			expect(response.headers()['x-frame-options'], path).toBe('DENY');
		}
		hostBody = `<iframe src="${app}/fr/find" title="Nabij finder" width="900" height="600"></iframe>`;
		await page.goto(hostOrigin);
		const frame = page.frames().find((f) => f !== page.mainFrame());
		await expect.poll(async () => frame?.url()).not.toMatch(new RegExp(`^${app}/fr/find`));
		await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveCount(0);
	});

	test('a centre builds its snippet, copies it, and the snippet works', async ({
		page,
		context
	}) => {
		const quartier = await quartierWithHomeVisits();
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/en/embed/build');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Put the Nabij map on your website'
		);
		await page.getByLabel('Quartier').selectOption(String(quartier.mdrc));
		await expect(page.getByLabel('Quartier').locator('option:checked')).toHaveText(
			tidyName(quartier.quartier_name_fr)
		);
		await page.getByLabel('Kind of support').selectOption('home_visits');
		await page.getByLabel('Language of the map').selectOption('nl');
		const code = page.getByLabel('Code to paste into your page');
		const origin = appOrigin(page);
		await expect(code).toHaveValue(
			new RegExp(
				`^<iframe src="${origin}/nl/embed\\?quartier=${quartier.mdrc}&amp;support=home_visits" title="Nabij: hulp en zorg in de buurt"`
			)
		);
		const preview = page.frameLocator('section iframe');
		// Quartier names are written as the city's lists do (some Dutch ones in capitals), and
		// read as names everywhere: heading and every entry of the list.
		const name = tidyName(quartier.quartier_name_nl);
		expect(name).not.toBe(name.toUpperCase());
		await expect(preview.getByRole('heading', { level: 1 })).toContainText(name);
		await expect(preview.getByRole('listitem').first()).toContainText(name);

		await page.getByRole('button', { name: 'Copy the code' }).click();
		await expect(page.getByText('Code copied.')).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(await code.inputValue());

		// The snippet, pasted into the other site's page, shows the same embed.
		hostBody = copied;
		await page.goto(hostOrigin);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(`${name} · Huisbezoeken`);
		expect(await frame.getByRole('listitem').count()).toBeGreaterThan(0);
		await expect(
			frame.getByRole('link', { name: /Alles bekijken en zoeken op Nabij/ })
		).toHaveAttribute('href', `${origin}/nl/find?quartier=${quartier.mdrc}&support=home_visits`);
	});

	test('the builder works without JavaScript: the form rebuilds the code', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const app = test.info().project.use.baseURL!;
		await page.goto(`${app}/fr/embed/build`);
		await page.getByLabel("Type d'aide").selectOption('home_visits');
		await page.getByRole('button', { name: "Mettre à jour l'aperçu" }).click();
		await expect(page).toHaveURL(/support=home_visits/);
		await expect(page.getByLabel('Code à coller dans votre page')).toHaveValue(
			new RegExp(`src="${app}/fr/embed\\?support=home_visits"`)
		);
		await context.close();
	});
});
