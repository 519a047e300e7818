import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

// A social worker downloads the finder's results for a spreadsheet, and anyone the whole
// directory: the links sit under the result count, and the files are what Excel in fr-BE expects.

test('the finder offers its results and the whole directory as CSV and GeoJSON', async ({
	page
}) => {
	await page.goto('/fr/find?support=home_visits');
	const total = Number(
		((await page.getByTestId('total').textContent()) ?? '').match(/(\d+)/)?.[1] ?? NaN
	);
	expect(total).toBeGreaterThan(0);
	const links = page.getByTestId('export-links');
	await expect(links).toContainText('Télécharger ces résultats :');

	const downloading = page.waitForEvent('download');
	await links.getByRole('link', { name: 'CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^nabij-directory-\d{4}-\d{2}-\d{2}-home_visits\.csv$/
	);
	const csv = await readFile((await download.path()) as string, 'utf8');
	expect(csv.startsWith('\uFEFFidentifiant;organisation;offre;catégorie;')).toBe(true);
	expect(csv.trimEnd().split('\r\n')).toHaveLength(total + 1);

	const geojsonHref = await links.getByRole('link', { name: 'GeoJSON' }).getAttribute('href');
	const geojson = (await (await page.request.get(geojsonHref as string)).json()) as {
		features: unknown[];
	};
	expect(geojson.features).toHaveLength(total);

	await links.getByRole('link', { name: 'colonnes et licence' }).click();
	await expect(page.locator('body')).toContainText(`les ${total} entrées trouvées`);

	await page.goto('/fr/find');
	const all = page.getByTestId('export-links');
	await expect(all).toContainText('Télécharger tout le répertoire :');
	await expect(all.getByRole('link', { name: 'CSV' })).toHaveAttribute(
		'href',
		'/fr/find/export.csv'
	);
});
