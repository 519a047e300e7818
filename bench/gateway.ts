// Gateway benchmark (not a test): cold and warm start of the PGlite-backed gateway with the
// project's migrations, and per-request latency through supabase-js for a 20-row select and a
// single-row insert. Run: node bench/gateway.ts [--runs N]
// Targets: warm start < 1.5 s, select median < 5 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { startGateway } from '@nabij/supabase-local';
import { FIXTURE_MIGRATIONS } from '@nabij/supabase-local/testing';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function timeStart(dataDir: string): Promise<number> {
	const t0 = performance.now();
	const gateway = await startGateway({ dataDir, port: 0 });
	const ms = performance.now() - t0;
	await gateway.stop();
	return ms;
}

const rows: { what: string; median: number; p95: number; n: number; target?: string }[] = [];

const cold: number[] = [];
const warm: number[] = [];
for (let r = 0; r < runs; r++) {
	const dir = mkdtempSync(join(tmpdir(), 'nabij-bench-'));
	try {
		cold.push(await timeStart(join(dir, 'db')));
		for (let w = 0; w < 2; w++) warm.push(await timeStart(join(dir, 'db')));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
rows.push({
	what: 'cold start, empty dir (ms)',
	median: median(cold),
	p95: percentile(cold, 95),
	n: cold.length
});
rows.push({
	what: 'warm start, saved dir (ms)',
	median: median(warm),
	p95: percentile(warm, 95),
	n: warm.length,
	target: '< 1500'
});

const gateway = await startGateway({ dataDir: null, port: 0, migrationsDir: FIXTURE_MIGRATIONS });
try {
	const client = createClient(gateway.url, gateway.serviceRoleKey, {
		auth: { persistSession: false }
	});
	const seedRows = Array.from({ length: 20 }, (_, i) => ({ slug: `seed-${i}`, name: `Seed ${i}` }));
	const seeded = await client.from('authors').insert(seedRows);
	if (seeded.error) throw new Error(seeded.error.message);
	const select: number[] = [];
	const insert: number[] = [];
	for (let i = 0; i < 50; i++) await client.from('authors').select('*').limit(20); // warm-up
	for (let i = 0; i < 300; i++) {
		const t0 = performance.now();
		const { data, error } = await client.from('authors').select('*').order('id').limit(20);
		select.push(performance.now() - t0);
		if (error || data.length !== 20) throw new Error('select failed');
	}
	for (let i = 0; i < 300; i++) {
		const t0 = performance.now();
		const { error } = await client.from('authors').insert({ slug: `b-${i}`, name: `Bench ${i}` });
		insert.push(performance.now() - t0);
		if (error) throw new Error(error.message);
	}
	rows.push({
		what: 'select 20 rows (ms/request)',
		median: median(select),
		p95: percentile(select, 95),
		n: select.length,
		target: '< 5'
	});
	rows.push({
		what: 'insert 1 row (ms/request)',
		median: median(insert),
		p95: percentile(insert, 95),
		n: insert.length
	});
} finally {
	await gateway.stop();
}

console.log('| measure | median | p95 | n | target |');
console.log('|---|---:|---:|---:|---|');
for (const r of rows) {
	console.log(
		`| ${r.what} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.n} | ${r.target ?? ''} |`
	);
}
