// Journey: a moderator imports a CSV with a new row, a probable duplicate of a published entry
// and an invalid row; sees the dry-run report and filters it; confirms; follows the progress to
// the result; the new entry's page names its source and says it is not yet confirmed, as the
// seeded OpenStreetMap entries do.
import { createClient } from '@supabase/supabase-js';
import { localKeys } from '@nabij/supabase-local/keys';
import { expect, expectAccessible, test } from './fixtures.ts';
import { DEMO, gatewayUrl, signIn } from './helpers.ts';

const anonymous = createClient(gatewayUrl, localKeys().anonKey, {
	auth: { persistSession: false, autoRefreshToken: false }
});

const HEADER =
	'identifiant;nom;categorie;description_fr;types_aide;langues;longitude;latitude;telephone';

test('a moderator checks, confirms and follows an import', async ({ page }) => {
	test.setTimeout(120_000);
	const { data: existing } = await anonymous
		.from('resource_index')
		.select('organization_name, lon, lat')
		.eq('location_precision', 'exact')
		.order('id')
		.limit(1)
		.single();
	expect(existing).not.toBeNull();
	const stamp = Date.now();
	const newName = `Buurthuis Import ${stamp}`;
	const csv =
		'\ufeff' +
		[
			HEADER,
			`e2e-${stamp}-1;${newName};community_centre;Un lieu de rencontre.;meeting_place;fr,nl;4.3601;50.8702;02 345 67 89`,
			`e2e-${stamp}-2;${existing!.organization_name};community_centre;Le même lieu.;meeting_place;fr;${existing!.lon};${existing!.lat};`,
			`e2e-${stamp}-3;Nulle part;no_such_category;Ailleurs.;meeting_place;fr;5.5;51.5;`
		].join('\r\n');

	await signIn(page, DEMO.moderator);
	await page.goto('/fr/moderate/import');
	await page.getByLabel('Fichier (CSV, GeoJSON, JSON HSDS ou paquet HSDS en zip)').setInputFiles({
		name: 'import.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.getByLabel('Nom de la source').fill('Liste de la commune (test)');
	await page.getByLabel('Licence', { exact: true }).fill('CC0-1.0');
	await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();

	await expect(page).toHaveURL(/\/fr\/moderate\/import\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('import-status')).toContainText('Essai à blanc');
	const rows = page.getByTestId('report-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0)).toContainText('Nouvelle entrée');
	await expect(rows.nth(1)).toContainText(`Doublon probable de « ${existing!.organization_name} »`);
	await expect(rows.nth(2)).toContainText('code « no_such_category » inconnu');
	await expect(rows.nth(2)).toContainText("ce point n'est dans aucun quartier de Bruxelles");
	await expectAccessible(page);
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `test-results/import-report-${width}.png`, fullPage: true });
	}

	await page.getByLabel('Afficher').selectOption('invalid');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Nulle part');

	await page.getByRole('button', { name: "Confirmer l'import (1)" }).click();
	const summary = page.getByTestId('import-summary');
	await expect(summary).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('import-status')).toContainText('Terminé');
	await expect(summary.getByTestId('result-created')).toHaveText(/^\s*Créée\s*1\s*$/);
	await expect(summary.getByTestId('result-failed')).toHaveText(/^\s*Échec\s*0\s*$/);
	await expectAccessible(page);

	// The report and the result survive a reload: both are read from the job.
	await page.reload();
	await expect(summary).toBeVisible();
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `test-results/import-result-${width}.png`, fullPage: true });
	}

	const { data: created } = await anonymous
		.from('resource_index')
		.select('id')
		.eq('organization_name', newName)
		.single();
	await page.goto(`/fr/resources/${created!.id}`);
	await expect(page.getByTestId('entry-source')).toHaveText(
		"Importé de Liste de la commune (test) (Liste de la commune (test), CC0-1.0), pas encore confirmé par l'organisation"
	);
});

test('bad files get a clear report and create no import', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO.moderator);
	await page.goto('/fr/moderate/import');
	const submit = async (name: string, buffer: Buffer) => {
		await page.getByLabel('Fichier (CSV, GeoJSON, JSON HSDS ou paquet HSDS en zip)').setInputFiles({
			name,
			mimeType: 'text/csv',
			buffer
		});
		await page.getByLabel('Nom de la source').fill('Fichier abîmé');
		await page.getByLabel('Licence', { exact: true }).fill('CC0-1.0');
		await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();
	};
	const error = page.locator('#import-file-error');

	// Latin-1, as an old spreadsheet export would save it.
	await submit(
		'latin1.csv',
		Buffer.from(`${HEADER}\r\nx;Caf\xe9;other;d;meeting_place;fr;4.35;50.85;`, 'latin1')
	);
	await expect(error).toHaveText(/n'est pas en UTF-8/);
	await expect(page).toHaveURL(/\/fr\/moderate\/import$/);
	// The source fields keep what was typed.
	await expect(page.getByLabel('Nom de la source')).toHaveValue('Fichier abîmé');

	await submit('columns.csv', Buffer.from('nom;adresse\r\nX;Rue\r\n'));
	await expect(error).toHaveText(/Colonnes manquantes : identifiant, categorie/);
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `test-results/import-upload-${width}.png`, fullPage: true });
	}

	// 50 MB: refused by the server's body limit, reported like any other bad file.
	await submit('huge.csv', Buffer.alloc(50_000_000, 'a'));
	await expect(error).toHaveText('Le fichier est trop grand (5 Mo au plus).');
	await expect(page.getByText(/Fichier abîmé/)).toHaveCount(0);
});

test('a seeded OpenStreetMap entry names its source and licence', async ({ page }) => {
	const { data: source } = await anonymous
		.from('organization_sources')
		.select('organization_id')
		.eq('source_name', 'OpenStreetMap')
		.limit(1)
		.single();
	const { data: entry } = await anonymous
		.from('resource_index')
		.select('id')
		.eq('organization_id', source!.organization_id)
		.limit(1)
		.single();
	await page.goto(`/fr/resources/${entry!.id}`);
	await expect(page.getByTestId('entry-source')).toHaveText(
		"Importé de OpenStreetMap (© OpenStreetMap contributors, ODbL-1.0), pas encore confirmé par l'organisation"
	);
	await page.goto(`/en/resources/${entry!.id}`);
	await expect(page.getByTestId('entry-source')).toHaveText(
		'Imported from OpenStreetMap (© OpenStreetMap contributors, ODbL-1.0), not yet confirmed by the organisation'
	);
});
