// Import benchmark (not a test). Prints, for a CSV of --rows rows (default 5,000, the most one
// import takes) against the local gateway seeded with the demo entries and the OpenStreetMap
// care points: the dry run (read, validate, compare with the directory) and the import itself
// in batches of 50, as the moderator's page runs them, then a second import of the same file
// (every row unchanged).
// Run: node bench/import.ts [--rows 5000]
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { quartierAt } from '../src/lib/domain/geo/quartier.ts';
import { dryRun, readImportFile } from '../src/lib/domain/import/index.ts';
import type { Db } from '../src/lib/server/db/client.ts';
import * as geography from '../src/lib/server/db/geography.ts';
import * as imports from '../src/lib/server/db/imports.ts';
import * as taxonomy from '../src/lib/server/db/taxonomy.ts';
import { startGateway } from '@nabij/supabase-local';
import { seed } from '../supabase/seed/run.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' } } });
const count = Math.max(1, Number(values.rows));
const SOURCE = {
	name: 'Bench',
	url: null,
	licence: 'CC0-1.0',
	attribution: null,
	retrieved_on: '2026-12-06'
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
try {
	const seeded = await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey });
	const moderator = createClient(gateway.url, gateway.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	}) as unknown as Db;
	const account = seeded.accounts.find((a) => a.role === 'moderator')!;
	await moderator.auth.signInWithPassword(account);
	const [terms, quartiers] = await Promise.all([
		taxonomy.load(moderator),
		geography.quartierCollection(moderator)
	]);
	const codes = (list: { code: string }[]) => new Set(list.map((t) => t.code));
	const context = {
		categories: codes(terms.categories),
		supportKinds: codes(terms.supportKinds),
		targetGroups: codes(terms.targetGroups),
		quartierAt: (p: [number, number]) => quartierAt(p, quartiers)
	};
	const header = 'id;name;category;description_en;support_kinds;languages;longitude;latitude';
	const lines = Array.from(
		{ length: count },
		(_, i) =>
			`b-${i};Bench group ${i};other;A group.;meeting_place;fr;${(4.3 + (i % 100) * 0.0012).toFixed(5)};${(50.82 + Math.floor(i / 100) * 0.0012).toFixed(5)}`
	);
	const file = new TextEncoder().encode([header, ...lines].join('\n'));
	console.log(`file: ${count} rows, ${(file.byteLength / 1024).toFixed(0)} kB`);

	for (const pass of ['first import', 'same file again']) {
		let t = performance.now();
		const read = readImportFile(file);
		if (!read.ok) throw new Error(read.issue);
		const existing = await imports.existingEntries(moderator, SOURCE.name);
		const run = dryRun(read.records, context, existing);
		const id = await imports.createJob(moderator, {
			source: SOURCE,
			format: read.format,
			entries: run.entries,
			report: run.outcomes
		});
		console.log(
			`${pass}: dry run against ${existing.length} entries and job stored in ${seconds(t)}`
		);
		t = performance.now();
		await imports.start(moderator, id);
		const progress = await imports.runToEnd(moderator, id, 50);
		console.log(
			`${pass}: ${progress.done} rows imported (${progress.failed} failed) in ${seconds(t)}, ` +
				`${((performance.now() - t) / progress.done).toFixed(1)} ms a row`
		);
	}
} finally {
	await gateway.stop();
}
