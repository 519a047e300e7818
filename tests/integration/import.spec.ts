// Imports against the local gateway as a moderator, through the app's domain and data modules:
// a dry run, a job processed in batches with progress in the database, a row the database
// refuses (reported, nothing of it kept), a re-import that changes nothing, a source change that
// meets a local edit (a change request, not an overwrite), and a direct call as an org editor.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import { dryRun, readImportFile, type ValidationContext } from '#lib/domain/import/index.ts';
import type { Db } from '#lib/server/db/client.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as imports from '#lib/server/db/imports.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed } from '../../supabase/seed/run.ts';

let gw: Gateway;
let moderator: Db;
let editor: Db;
let context: ValidationContext;

const SOURCE = {
	name: 'Liste communale (test)',
	url: 'https://example.invalid/liste',
	licence: 'CC0-1.0',
	attribution: null,
	retrieved_on: '2026-12-01'
};
const HEADER = 'id;name;category;description_en;support_kinds;languages;longitude;latitude';

function signedIn(email: string, password: string): Promise<Db> {
	const client = createClient(gw.url, gw.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	}) as SupabaseClient as Db;
	return client.auth.signInWithPassword({ email, password }).then(({ error }) => {
		if (error) throw error;
		return client;
	});
}

/** The dry run and the import of a CSV, to the end, as the page and the worker do it. */
async function importCsv(rows: string[]) {
	const read = readImportFile(new TextEncoder().encode([HEADER, ...rows].join('\n')));
	if (!read.ok) throw new Error(read.issue);
	const existing = await imports.existingEntries(moderator, SOURCE.name);
	const run = dryRun(read.records, context, existing);
	const id = await imports.createJob(moderator, {
		source: SOURCE,
		format: read.format,
		entries: run.entries,
		report: run.outcomes
	});
	await imports.start(moderator, id);
	const first = await imports.runBatch(moderator, id, 2);
	const last = await imports.runToEnd(moderator, id, 2);
	return { run, first, last, job: (await imports.get(moderator, id))! };
}

const rows = Array.from(
	{ length: 5 },
	(_, i) =>
		`t-${i};Groupe test ${i};other;A test group.;meeting_place;fr;${(4.33 + i * 0.004).toFixed(4)};50.84`
);

beforeAll(async () => {
	gw = await startGateway({ dataDir: null, port: 0, migrate: true });
	await seed({ url: gw.url, serviceRoleKey: gw.serviceRoleKey, demo: 0, osm: false });
	moderator = await signedIn('moderator@demo.nabij.invalid', 'demo-moderator');
	editor = await signedIn('org.editor@demo.nabij.invalid', 'demo-org-editor');
	const [terms, quartiers] = await Promise.all([
		taxonomy.load(moderator),
		geography.quartierCollection(moderator)
	]);
	const codes = (list: { code: string }[]) => new Set(list.map((t) => t.code));
	context = {
		categories: codes(terms.categories),
		supportKinds: codes(terms.supportKinds),
		targetGroups: codes(terms.targetGroups),
		quartierAt: (point) => quartierAt(point, quartiers)
	};
});

afterAll(async () => {
	await gw?.stop();
});

describe('an import job', () => {
	it('imports in batches, keeping progress in the job', async () => {
		const { run, first, last, job } = await importCsv(rows);
		expect(run.outcomes.map((o) => o.outcome)).toEqual(['new', 'new', 'new', 'new', 'new']);
		expect(first).toEqual({ status: 'running', done: 2, total: 5, failed: 0 });
		expect(last).toEqual({ status: 'done', done: 5, total: 5, failed: 0 });
		expect(job.results.map((r) => r.outcome)).toEqual(Array(5).fill('created'));
		const anon = createClient(gw.url, gw.anonKey);
		const { count } = await anon
			.from('resource_index')
			.select('id', { count: 'exact', head: true })
			.like('organization_name', 'Groupe test %');
		expect(count).toBe(5);
	});

	it('a second run of the same file updates nothing and adds nothing', async () => {
		const { run, job } = await importCsv(rows);
		expect(run.outcomes.map((o) => o.outcome)).toEqual(Array(5).fill('update'));
		expect(job.results.map((r) => r.outcome)).toEqual(Array(5).fill('unchanged'));
		const { count } = await moderator
			.from('organization_sources')
			.select('id', { count: 'exact', head: true })
			.eq('source_name', SOURCE.name);
		expect(count).toBe(5);
	});

	it('a row the database refuses is reported and leaves nothing behind', async () => {
		const read = readImportFile(new TextEncoder().encode([HEADER, rows[0]!].join('\n')));
		if (!read.ok) throw new Error(read.issue);
		const { entries } = dryRun(read.records, context, []);
		// Past the dry run (a hand-made job): a support kind the taxonomy does not have.
		const bad = {
			...entries[0]!,
			external_id: 'bad-1',
			service: { ...entries[0]!.service, support_kinds: ['flying'] }
		};
		const good = {
			...entries[0]!,
			external_id: 'good-1',
			organization: { ...entries[0]!.organization, name: 'Bon groupe' }
		};
		const id = await imports.createJob(moderator, {
			source: SOURCE,
			format: 'csv',
			entries: [bad, good],
			report: []
		});
		await imports.start(moderator, id);
		expect(await imports.runToEnd(moderator, id)).toEqual({
			status: 'done',
			done: 2,
			total: 2,
			failed: 1
		});
		const job = await imports.get(moderator, id);
		expect(job?.results.map((r) => r.outcome)).toEqual(['failed', 'created']);
		const { data } = await moderator
			.from('organization_sources')
			.select('external_id')
			.in('external_id', ['bad-1', 'good-1']);
		expect(data?.map((d) => d.external_id)).toEqual(['good-1']);
	});

	it('a source change over a local edit becomes a change request', async () => {
		const { data: source } = await moderator
			.from('organization_sources')
			.select('organization_id')
			.eq('external_id', 't-1')
			.single();
		// A moderator outside the organization edits the published entry directly.
		const { error } = await moderator
			.from('organizations')
			.update({ name: 'Groupe test 1 (corrigé ici)' })
			.eq('id', source!.organization_id);
		expect(error).toBeNull();
		const changed = rows.map((r) => r.replace('Groupe test 1;', 'Groupe test un;'));
		const { job } = await importCsv(changed);
		expect(job.results[1]?.outcome).toBe('change_request');
		const { data: org } = await moderator
			.from('organizations')
			.select('name')
			.eq('id', source!.organization_id)
			.single();
		expect(org?.name).toBe('Groupe test 1 (corrigé ici)');
		const { data: requests } = await moderator
			.from('change_requests')
			.select('changes, status')
			.eq('organization_id', source!.organization_id);
		expect(requests).toEqual([
			{ changes: { organization: { name: 'Groupe test un' } }, status: 'pending' }
		]);
	});

	it('refuses an org editor calling the import functions directly', async () => {
		const direct = await editor.rpc('create_import_job', {
			p_source: SOURCE,
			p_format: 'csv',
			p_rows: [],
			p_report: []
		});
		expect(direct.error?.code).toBe('42501');
		const entry = await editor.rpc('import_entry', { p_source: SOURCE, p_entry: {} });
		expect(entry.error?.code).toBe('42501');
	});
});
