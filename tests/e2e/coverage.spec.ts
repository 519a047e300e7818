import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createServerClient } from '@supabase/ssr';
import { expect, test } from './fixtures.ts';

// The demo policy analyst created by the seed (supabase/seed/run.ts).
const ANALYST = { email: 'policy.analyst@demo.nabij.invalid', password: 'demo-policy-analyst' };

/**
 * Signs in as the demo analyst with supabase-js against the Supabase API the app uses (its
 * public URL and anon key are in every page), then hands the session cookies that
 * @supabase/ssr wrote to the browser, as a sign-in through the app would.
 */
async function signInAsAnalyst(page: Page): Promise<void> {
	await page.goto('/en');
	const html = await page.content();
	const url = /PUBLIC_SUPABASE_URL:"([^"]+)"/.exec(html)?.[1];
	const key = /PUBLIC_SUPABASE_ANON_KEY:"([^"]+)"/.exec(html)?.[1];
	if (!url || !key) throw new Error('the page does not name its Supabase API');
	const jar = new Map<string, string>();
	const supabase = createServerClient(url, key, {
		cookies: {
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			setAll: (cookies) => {
				for (const { name, value } of cookies) jar.set(name, value);
			}
		}
	});
	const { error } = await supabase.auth.signInWithPassword(ANALYST);
	if (error) throw error;
	const origin = new URL(page.url()).origin;
	await page.context().addCookies([...jar].map(([name, value]) => ({ name, value, url: origin })));
}

test.describe('coverage dashboard', () => {
	test('a policy analyst switches measure, opens a profile and exports the CSV', async ({
		page
	}) => {
		await signInAsAnalyst(page);
		await page.goto('/en/coverage');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neighbourhood coverage');
		await expect(page.getByText('Full view for analysts')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Need signals' })).toBeVisible();

		const map = page.getByRole('group', { name: /^Map of the 145 Brussels quartiers/ });
		await expect(map).toBeVisible();
		await expect(map.locator('a[data-mdrc]')).toHaveCount(145);

		// Switch the map to the number of local service centres: many quartiers have none.
		await page.getByLabel('Measure on the map').selectOption('supply_count');
		await page.getByLabel('Kind of organisation').selectOption('community_pension_antenna');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/measure=supply_count/);
		await expect(page).toHaveURL(/category=community_pension_antenna/);
		await expect(page.getByRole('heading', { name: /^Map: Active resources/ })).toBeVisible();
		await page.goto(page.url());

		// "No resources" is a colour; "not surveyed" a hatch over it: the two never look alike.
		const legend = page.getByRole('region', { name: /^Active resources/ });
		await expect(legend.getByText('0: no resources')).toBeVisible();
		await expect(legend.getByText('Not surveyed', { exact: true })).toBeVisible();
		const zero = map.locator('a[data-mdrc]:has(path[data-fill="#ffffff"])');
		expect(await zero.count()).toBeGreaterThan(0);
		const hatched = map.locator('a[data-mdrc]:has(path.hatched)');
		expect(await hatched.count()).toBeGreaterThan(0);
		await expect(hatched.first().locator('title')).toContainText('Not surveyed');
		const checkedZero = map.locator('a[data-mdrc]:has(path[fill="#ffffff"])');
		expect(await checkedZero.count()).toBeGreaterThan(0);
		await expect(checkedZero.first().locator('title')).not.toContainText('Not surveyed');

		// Export the CSV with the same filters.
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download the table (CSV)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(
			/^nabij-coverage-\d{4}-\d{2}-\d{2}-community_pension_antenna\.csv$/
		);
		const csv = await readFile((await download.path()) as string, 'utf8');
		const lines = csv.split('\r\n');
		expect(lines[0]?.startsWith('\uFEFFmdrc;name_fr;name_nl;type;excluded;population;')).toBe(true);
		expect(csv.split('\n').some((l) => l.startsWith('#'))).toBe(false);
		expect(lines.some((l) => /^1;Grand Place;[^;]+;residential;false;\d+;/.test(l))).toBe(true);
		expect(lines.filter((l) => /^\d+;/.test(l))).toHaveLength(145);

		// Its definitions, sources and date are in the companion text.
		const about = page.getByRole('link', {
			name: 'Definitions, sources and licence of the table (text)'
		});
		const text = await (
			await page.request.get((await about.getAttribute('href')) as string)
		).text();
		expect(text.split('\r\n')[0]).toBe('Nabij – coverage of Brussels quartiers');
		expect(text).toMatch(/\r\ngenerated_at: \d{4}-\d{2}-\d{2}T/);
		expect(text).toContain('filters: category=community_pension_antenna; support_kind=*');
		expect(text).toContain('source statbel_population_2019:');

		// Open a quartier profile from the table.
		await page
			.getByRole('region', { name: 'Quartier ranking' })
			.getByRole('link', { name: 'Grand Place' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Grand Place');
		await expect(
			page.getByRole('heading', { name: 'Indicators and the regional value' })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Residents within walking distance of a resource' })
		).toBeVisible();
		await expect(page.getByText('Within 500 m')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Field checks' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Need signals' })).toBeVisible();
	});

	test('anonymous visitors get the public summary without need signals', async ({ page }) => {
		await page.goto('/en/coverage');
		await expect(page.getByText(/^Public summary/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Analysts: sign in' })).toBeVisible();
		await expect(
			page.getByRole('group', { name: /^Map of the 145 Brussels quartiers/ })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Quartier ranking' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Need signals' })).toHaveCount(0);

		await page.goto('/en/coverage/1');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Grand Place');
		await expect(page.getByRole('heading', { name: 'Need signals' })).toHaveCount(0);

		const response = await page.request.get('/en/coverage/export.geojson');
		expect(response.headers()['content-disposition']).toMatch(
			/^attachment; filename="nabij-coverage-\d{4}-\d{2}-\d{2}\.geojson"$/
		);
		const geojson = (await response.json()) as {
			metadata: { generatedAt: string; licences: string[]; measures: object };
			features: { geometry: { type: string } | null; properties: { need_signals: unknown[] } }[];
		};
		expect(geojson.features).toHaveLength(145);
		expect(geojson.features.every((f) => f.geometry?.type.endsWith('Polygon'))).toBe(true);
		expect(geojson.features.every((f) => f.properties.need_signals.length === 0)).toBe(true);
		expect(geojson.metadata.licences.join(' ')).toContain('Statbel');
		expect(Object.keys(geojson.metadata.measures)).toContain('gap_index');
	});

	test('non-residential quartiers are listed apart and labelled', async ({ page }) => {
		await page.goto('/fr/coverage?sort=-gap_index');
		const others = page.getByRole('region', { name: 'Quartiers non résidentiels' });
		await expect(others.getByRole('row')).toHaveCount(28);
		await expect(others.getByText('Parc ou forêt').first()).toBeVisible();
		const ranking = page.getByRole('region', { name: 'Classement des quartiers' });
		await expect(ranking.getByRole('columnheader', { name: /Indice d’écart/ })).toHaveAttribute(
			'aria-sort',
			'descending'
		);
	});

	test('the methodology page explains the formulas in Dutch', async ({ page }) => {
		await page.goto('/nl/methodology');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Methodologie van de dekking');
		await expect(page.getByText(/gap = z\(need\) − z\(supply\)/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Beperkingen' })).toBeVisible();
	});

	test('the dashboard works at 320 px without horizontal page scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/fr/coverage');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
