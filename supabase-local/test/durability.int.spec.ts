// Durability of the PGlite data directory: a gateway process is killed with SIGKILL while
// inserts stream in; after a restart on the same directory every insert the client saw
// acknowledged (HTTP 201, i.e. committed) must still be there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { localKeys } from '../src/keys.ts';
import { FIXTURE_MIGRATIONS } from './harness.ts';

const CLI = resolve(import.meta.dirname, '../cli.ts');
const { serviceRoleKey } = localKeys();

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
	const child = spawn(
		process.execPath,
		[CLI, 'start', '--port', '0', '--data-dir', dataDir, '--migrations-dir', FIXTURE_MIGRATIONS],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	return new Promise((resolveStart, reject) => {
		let out = '';
		let url = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			url ||= /API URL: (\S+)/.exec(out)?.[1] ?? '';
			if (url && out.includes('Ready.')) resolveStart({ child, url });
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
		});
		child.on('exit', (code) => reject(new Error(`gateway exited early (${code}): ${out}`)));
	});
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((r) => {
		if (child.exitCode !== null || child.signalCode !== null) r();
		else child.once('exit', () => r());
	});
}

describe('PGlite durability across SIGKILL', () => {
	const dir = mkdtempSync(join(tmpdir(), 'nabij-durability-'));
	const children: ChildProcess[] = [];
	afterAll(async () => {
		for (const child of children) {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await exited(child);
			}
		}
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps every acknowledged insert', async () => {
		const dataDir = join(dir, 'db');
		const first = await startChild(dataDir);
		children.push(first.child);
		const client = createClient(first.url, serviceRoleKey, { auth: { persistSession: false } });
		const acknowledged: string[] = [];
		let killed = false;
		// Several writers in parallel so a kill lands while commits are in flight.
		const writer = async (w: number) => {
			for (let i = 0; !killed; i++) {
				const slug = `w${w}-${i}`;
				try {
					const { status } = await client.from('authors').insert({ slug, name: slug });
					if (status === 201 && !killed) acknowledged.push(slug);
				} catch {
					return;
				}
			}
		};
		const writers = [0, 1, 2, 3].map(writer);
		while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
		// Only answers received before the kill count as acknowledged.
		killed = true;
		const seenBeforeKill = [...acknowledged];
		first.child.kill('SIGKILL');
		await exited(first.child);
		await Promise.allSettled(writers);

		const second = await startChild(dataDir);
		children.push(second.child);
		const again = createClient(second.url, serviceRoleKey, { auth: { persistSession: false } });
		const { data, error } = await again.from('authors').select('slug').limit(100000);
		expect(error).toBeNull();
		const present = new Set((data ?? []).map((r: { slug: string }) => r.slug));
		const lost = seenBeforeKill.filter((slug) => !present.has(slug));
		expect(seenBeforeKill.length).toBeGreaterThanOrEqual(200);
		expect(lost).toEqual([]);
		second.child.kill('SIGTERM');
		await exited(second.child);
	});
});
