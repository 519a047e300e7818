// The layer rules in eslint.boundaries.js, run through ESLint's Node API with the project's own
// configuration on deliberately wrong imports: each must be refused, and the allowed form of the
// same import must pass, so a rule that stops matching fails here rather than silently in CI.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The fixtures exist only as text, which TypeScript's project service cannot open; type-aware
// parsing (and the two rules that need it) is off for them. The layer rules are untyped.
const eslint = new ESLint({
	cwd: new URL('..', import.meta.url).pathname,
	overrideConfig: {
		files: ['**/*.ts'],
		languageOptions: { parserOptions: { projectService: false } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'off',
			'@typescript-eslint/no-misused-promises': 'off'
		}
	}
});

/** The `no-restricted-imports` messages ESLint reports for `code` placed at `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	const messages = result?.messages ?? [];
	const fatal = messages.filter((message) => message.fatal);
	expect(fatal, 'the fixture parses').toEqual([]);
	return messages
		.filter((message) => message.ruleId === 'no-restricted-imports')
		.map((message) => message.message);
}

const domainFile = 'src/lib/domain/geo/boundary-fixture.ts';

describe('domain code stays pure', () => {
	it.each([
		["import { requireRole } from '#lib/server/guards.ts';", 'src/lib/server'],
		["import type { Db } from '../../server/db/client.ts';", 'src/lib/server'],
		["import { error } from '@sveltejs/kit';", 'SvelteKit'],
		["import { page } from '$app/state';", 'SvelteKit'],
		["import { mount } from 'svelte';", 'Svelte'],
		["import type { SupabaseClient } from '@supabase/supabase-js';", 'Supabase'],
		["import maplibregl from 'maplibre-gl';", 'MapLibre'],
		["import { m } from '#lib/paraglide/messages.js';", 'Paraglide'],
		["import { loadCoverage } from '../../../routes/coverage/coverage.server.ts';", 'routes']
	])('refuses %s', async (line, what) => {
		const messages = await restricted(
			domainFile,
			`${line}\nexport const used = [${name(line)}];\n`
		);
		expect(messages.join('\n')).toContain(what);
	});

	it('allows other domain modules and plain libraries', async () => {
		const code = [
			"import { distance } from '@turf/turf';",
			"import { quartierAt } from './quartier.ts';",
			"import { parseStreetCsv } from '../places/csv.ts';",
			'export const used = [distance, quartierAt, parseStreetCsv];',
			''
		].join('\n');
		expect(await restricted(domainFile, code)).toEqual([]);
	});
});

describe('routes do not import sibling routes', () => {
	it('refuses a sibling route file from a top-level route', async () => {
		const code =
			"import { errorText } from '../register/errors.ts';\nexport const used = errorText;\n";
		const messages = await restricted('src/routes/manage/boundary-fixture.ts', code);
		expect(messages.join('\n')).toContain('sibling route');
	});

	it('refuses a sibling route file from a nested route', async () => {
		const code =
			"import { statusLabel } from '../../manage/status.ts';\nexport const used = statusLabel;\n";
		const messages = await restricted('src/routes/moderate/[id]/boundary-fixture.ts', code);
		expect(messages.join('\n')).toContain('sibling route');
	});

	it('allows the route folder’s own files and #lib', async () => {
		const code = [
			"import { surveyLabel } from '../labels.ts';",
			"import { formatNumber } from './measures.ts';",
			"import { errorText } from '#lib/forms/errors.ts';",
			'export const used = [surveyLabel, formatNumber, errorText];',
			''
		].join('\n');
		expect(await restricted('src/routes/coverage/[mdrc]/boundary-fixture.ts', code)).toEqual([]);
	});

	it('refuses route files from the server hooks and from src/lib', async () => {
		const code =
			"import { geocoder } from './routes/find/places/geocoder.server.ts';\nexport const used = geocoder;\n";
		expect(await restricted('src/boundary-fixture.ts', code)).not.toEqual([]);
		const fromLib =
			"import { exportHeaders } from '../../routes/coverage/export.ts';\nexport const used = exportHeaders;\n";
		expect(await restricted('src/lib/map/boundary-fixture.ts', fromLib)).not.toEqual([]);
	});
});

describe('app code never imports the local gateway', () => {
	it.each([
		[
			'src/lib/server/boundary-fixture.ts',
			"import { start } from '../../../supabase-local/src/server.ts';"
		],
		['src/routes/account/boundary-fixture.ts', "import { start } from '@nabij/supabase-local';"],
		['src/boundary-fixture.ts', "import { start } from '../supabase-local/testing.ts';"]
	])('refuses it in %s', async (filePath, line) => {
		const messages = await restricted(filePath, `${line}\nexport const used = start;\n`);
		expect(messages.join('\n')).toContain('local gateway');
	});
});

describe('app code links through #lib/i18n/href.ts', () => {
	it('refuses Paraglide’s localizeHref and allows the rest of its runtime', async () => {
		const paraglide =
			"import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';\nexport const used = [getLocale, localizeHref];\n";
		const refused = await restricted('src/routes/find/boundary-fixture.ts', paraglide);
		expect(refused.join('\n')).toContain('#lib/i18n/href.ts');
		const ours = [
			"import { getLocale } from '#lib/paraglide/runtime.js';",
			"import { localizeHref } from '#lib/i18n/href.ts';",
			'export const used = [getLocale, localizeHref];',
			''
		].join('\n');
		expect(await restricted('src/routes/find/boundary-fixture.ts', ours)).toEqual([]);
	});
});

describe('tests, scripts and benchmarks use the gateway by its package exports', () => {
	it('refuses its src/ and test/ files by path', async () => {
		const code =
			"import { startGateway } from '../../supabase-local/src/server.ts';\nexport const used = startGateway;\n";
		const messages = await restricted('tests/integration/boundary-fixture.ts', code);
		expect(messages.join('\n')).toContain('@nabij/supabase-local');
	});

	it('allows the exports', async () => {
		const code = [
			"import { startGateway } from '@nabij/supabase-local';",
			"import { startTestGateway } from '@nabij/supabase-local/testing';",
			'export const used = [startGateway, startTestGateway];',
			''
		].join('\n');
		expect(await restricted('bench/boundary-fixture.ts', code)).toEqual([]);
	});
});

/** The first imported binding of an import line, so the fixture has no unused variable. */
function name(line: string): string {
	const match = /import (?:type )?(?:\{ )?(\w+)/.exec(line);
	return match?.[1] ?? 'undefined';
}
