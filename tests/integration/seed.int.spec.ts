// The seed against the local gateway (PGlite in memory; also PostgreSQL when
// NABIJ_PG_ADMIN_URL names a superuser URL), then what anonymous visitors see: published
// resources across the quartiers with the right quartier codes, and nothing pending or private.
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import type { Gateway } from '@nabij/supabase-local';
import { executorKinds, startTestGateway } from '@nabij/supabase-local/testing';
import { loadQuartierCollection } from '../../supabase/seed/geography.ts';
import { DEMO_ORGANIZATION_ID_RANGE } from '../../supabase/seed/demo.ts';
import { seed, type SeedResult } from '../../supabase/seed/run.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../supabase/migrations', import.meta.url));

const clientOptions = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};

/** Every row of a query, page by page (the API caps rows per response). */
async function all<T>(
	fetchPage: (from: number, to: number) => PromiseLike<{ data: T[] | null; error: unknown }>
): Promise<T[]> {
	const rows: T[] = [];
	for (let from = 0; ; from += 1000) {
		const { data, error } = await fetchPage(from, from + 999);
		if (error) throw new Error(JSON.stringify(error));
		rows.push(...(data ?? []));
		if (!data || data.length < 1000) return rows;
	}
}

describe.each(executorKinds())('seed on %s', (kind) => {
	let gateway: Gateway;
	let result: SeedResult;
	let anon: SupabaseClient;
	let service: SupabaseClient;
	const log: string[] = [];

	beforeAll(async () => {
		gateway = await startTestGateway(kind, { migrationsDir: MIGRATIONS_DIR });
		result = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			today: '2026-11-23',
			log: (line) => log.push(line)
		});
		anon = createClient(gateway.url, gateway.anonKey, clientOptions);
		service = createClient(gateway.url, gateway.serviceRoleKey, clientOptions);
	});

	afterAll(async () => {
		await gateway?.stop();
	});

	it('reports the demo accounts and resources it created', () => {
		expect(result.resources).toBe(320);
		// 240 points in the extract, 3 left out as probable duplicates of a neighbouring point.
		expect(result.osm).toBe(237);
		expect(result.accounts.map((a) => a.role).sort()).toEqual([
			'admin',
			'moderator',
			'org_editor',
			'org_editor',
			'policy_analyst',
			'social_worker'
		]);
		expect(log.some((line) => line.includes('social.worker@demo.nabij.invalid'))).toBe(true);
	});

	it('loads the full geography and taxonomy, readable by anyone', async () => {
		const count = async (table: string) =>
			(await anon.from(table).select('*', { count: 'exact', head: true })).count;
		expect(await count('communes')).toBe(19);
		expect(await count('quartiers')).toBe(145);
		expect(await count('sectors')).toBe(724);
		expect(await count('categories')).toBe(13);
		expect(await count('support_kinds')).toBe(39);
		expect(await count('target_groups')).toBe(17);
		expect(await count('data_attributions')).toBeGreaterThanOrEqual(5);
		const { data } = await anon.from('app_settings').select('value').eq('key', 'demo_data');
		expect(data).toEqual([{ value: true }]);
	});

	it('shows anonymous visitors 300+ resources in 100+ quartiers', async () => {
		const rows = await all<{ id: string; mdrc: number; status: string }>((from, to) =>
			anon.from('resource_index').select('id, mdrc, status').order('id').range(from, to)
		);
		expect(rows.length).toBeGreaterThanOrEqual(300);
		expect(new Set(rows.map((r) => r.mdrc)).size).toBeGreaterThanOrEqual(100);
		for (const r of rows) expect(['active', 'paused', 'dormant']).toContain(r.status);
	});

	it('stores for every exact location the quartier that contains its point', async () => {
		const quartiers = loadQuartierCollection();
		const locations = await all<{ lon: number; lat: number; mdrc: number }>((from, to) =>
			anon
				.from('locations')
				.select('lon, lat, mdrc')
				.eq('location_precision', 'exact')
				.order('id')
				.range(from, to)
		);
		expect(locations.length).toBeGreaterThan(150);
		for (const l of locations) expect(quartierAt([l.lon, l.lat], quartiers)).toBe(l.mdrc);
	});

	it('hides pending organizations from anonymous visitors', async () => {
		const { data: pending } = await service
			.from('organizations')
			.select('id')
			.eq('status', 'pending')
			.limit(1)
			.single();
		expect(pending).not.toBeNull();
		const seen = await anon.from('organizations').select('id').eq('id', pending!.id);
		expect(seen.error).toBeNull();
		expect(seen.data).toEqual([]);
		const indexed = await anon
			.from('resource_index')
			.select('id')
			.eq('organization_id', pending!.id);
		expect(indexed.data).toEqual([]);
	});

	it('hides non-public contact channels from anonymous visitors', async () => {
		const { data: hidden } = await service
			.from('contact_channels')
			.select('id, organization_id, value, organizations!inner(status)')
			.eq('public', false)
			.eq('organizations.status', 'active')
			.limit(1)
			.single();
		expect(hidden).not.toBeNull();
		const seen = await anon.from('contact_channels').select('id').eq('id', hidden!.id);
		expect(seen.data).toEqual([]);
		const { data: rows } = await anon
			.from('resource_index')
			.select('contacts')
			.eq('organization_id', hidden!.organization_id);
		expect(rows!.length).toBeGreaterThan(0);
		for (const row of rows!) {
			const values = (row.contacts as { value: string }[]).map((c) => c.value);
			expect(values).not.toContain(hidden!.value);
		}
	});

	it('lets the demo social worker sign in and see the professionals-only channels', async () => {
		const account = result.accounts.find((a) => a.role === 'social_worker')!;
		const worker = createClient(gateway.url, gateway.anonKey, clientOptions);
		const signIn = await worker.auth.signInWithPassword(account);
		expect(signIn.error).toBeNull();
		const { count } = await worker
			.from('contact_channels')
			.select('id', { count: 'exact', head: true })
			.eq('public', false);
		expect(count).toBeGreaterThan(0);
	});

	it('imports the OpenStreetMap care points as real, attributed and unconfirmed entries', async () => {
		const sources = await all<{ organization_id: string; attribution: string; licence: string }>(
			(from, to) =>
				anon
					.from('organization_sources')
					.select('organization_id, attribution, licence')
					.eq('source_name', 'OpenStreetMap')
					.order('id')
					.range(from, to)
		);
		expect(sources).toHaveLength(237);
		for (const s of sources) {
			expect(s.attribution).toBe('© OpenStreetMap contributors');
			expect(s.licence).toBe('ODbL-1.0');
		}
		const ids = new Set(sources.map((s) => s.organization_id));
		const organizations = await all<{ id: string; name: string; assured_date: string | null }>(
			(from, to) =>
				anon.from('organizations').select('id, name, assured_date').order('id').range(from, to)
		);
		const osm = organizations.filter((o) => ids.has(o.id));
		expect(osm).toHaveLength(237);
		// Never confirmed by their organization, and apart from the fictional demo entries.
		const [first, last] = DEMO_ORGANIZATION_ID_RANGE;
		const isDemo = (id: string) => id >= first && id <= last;
		for (const o of osm) {
			expect(o.assured_date).toBeNull();
			expect(isDemo(o.id)).toBe(false);
		}
		expect(organizations.filter((o) => !ids.has(o.id)).every((o) => isDemo(o.id))).toBe(true);
	});

	it('replaces the demo entries when run again with another size', async () => {
		const again = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			demo: 40,
			today: '2026-11-23'
		});
		expect(again.resources).toBe(40);
		// The OpenStreetMap entries are matched by their external id: updated, not added again.
		expect(again.osm).toBe(237);
		const { count } = await anon
			.from('resource_index')
			.select('id', { count: 'exact', head: true });
		expect(count).toBe(40 + 237);
		const sources = await anon
			.from('organization_sources')
			.select('id', { count: 'exact', head: true });
		expect(sources.count).toBe(237);
	});
});
