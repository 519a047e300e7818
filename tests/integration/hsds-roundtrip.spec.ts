// The HSDS round trip: a seeded directory exported as HSDS 3.0 (the JSON API walked page by page,
// and the tabular zip) and imported, through the import engine as a moderator, into an empty
// database that has only the migrations and the reference data; the directory then reads the
// same through the same API: names, descriptions, category, support kinds, target groups,
// languages, schedules, quartiers, location precision (no exact point appears for a
// quartier-only entry) and public contacts.
//
// The origin is seeded with 60 demo entries and the OpenStreetMap care points. Our import takes one service at one location per organization (import_entry's model), so the
// round trip covers each organization's first service at its first location; further services of
// the same organization are reported by the dry run as probable duplicates, not imported.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import { dryRun, readImportFile, type ValidationContext } from '#lib/domain/import/index.ts';
import { normalisePhone } from '#lib/domain/phone.ts';
import type { Db } from '#lib/server/db/client.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as imports from '#lib/server/db/imports.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import * as api from '#lib/server/hsds/api.ts';
import { exportZip } from '#lib/server/hsds/export.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed } from '../../supabase/seed/run.ts';

type Obj = Record<string, unknown>;
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};
const SOURCE = {
	name: 'Nabij (HSDS export)',
	url: 'https://nabij.example.invalid/api/hsds',
	licence: 'CC-BY-4.0',
	attribution: null,
	retrieved_on: '2026-12-06'
};

let origin: Gateway;
let originAnon: Db;

const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);

async function call(
	supabase: Db,
	route: 'organizations' | 'organization' | 'service',
	path: string,
	id?: string
): Promise<Obj> {
	const url = new URL(path, 'http://nabij.test');
	const response = await api[route]({ supabase, request: new Request(url), url, id });
	expect(response.status, path).toBe(200);
	return (await response.json()) as Obj;
}

/**
 * The whole directory as HSDS JSON, as a consumer of the API gets it: every page of
 * `/organizations`, each organization in full, its services in full in place of their list form.
 */
async function exportJson(supabase: Db): Promise<Obj[]> {
	const organizations: Obj[] = [];
	for (let page = 1; ; page++) {
		const body = await call(supabase, 'organizations', `/?per_page=50&page=${page}`);
		for (const item of list(body.contents)) {
			const id = String(item.id);
			const full = await call(supabase, 'organization', `/organizations/${id}`, id);
			const services = await Promise.all(
				list(full.services).map((s) =>
					call(supabase, 'service', `/services/${String(s.id)}`, String(s.id))
				)
			);
			organizations.push({ ...full, services });
		}
		if (body.last_page === true) break;
	}
	return organizations;
}

function codes(attributes: unknown, taxonomyKey: string): string[] {
	return list(attributes)
		.map((a) => a.taxonomy_term as Obj | undefined)
		.filter((t) => t?.taxonomy === taxonomyKey)
		.map((t) => String(t!.code))
		.sort();
}

/** What a reader sees of one organization's first service at its first location. */
function readsAs(organization: Obj): Obj {
	const service = [...list(organization.services)].sort((a, b) =>
		String(a.id) < String(b.id) ? -1 : 1
	)[0]!;
	const location = list(service.service_at_locations)[0]?.location as Obj | undefined;
	const attribute = (type: string) =>
		list(location?.attributes).find((a) => a.link_type === type)?.value;
	const address = list(location?.addresses)[0];
	return {
		name: organization.name,
		category: codes(organization.attributes, 'categories'),
		description: service.description,
		support_kinds: codes(service.attributes, 'support_kinds'),
		target_groups: codes(service.attributes, 'target_groups'),
		languages: list(service.languages)
			.map((l) => l.code)
			.sort(),
		schedule: list(service.schedules)[0]?.description ?? null,
		mdrc: attribute('quartier'),
		precision: attribute('location_precision'),
		point: location ? [location.longitude, location.latitude] : null,
		address: address ? `${String(address.address_1)}, ${String(address.city)}` : null,
		// Imported numbers are stored in E.164, as every number typed into Nabij is.
		phone: normalisePhone(String(list(service.phones)[0]?.number ?? '')),
		email: service.email ?? null,
		website: service.url ?? null
	};
}

const byName = (a: Obj, b: Obj) =>
	JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;

/** An empty database (migrations, geography, taxonomy, the demo accounts) and its moderator. */
async function emptyDirectory() {
	const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey, demo: 0, osm: false });
	const moderator = createClient(gateway.url, gateway.anonKey, options) as SupabaseClient as Db;
	const { error } = await moderator.auth.signInWithPassword({
		email: 'moderator@demo.nabij.invalid',
		password: 'demo-moderator'
	});
	if (error) throw error;
	const [terms, quartiers] = await Promise.all([
		taxonomy.load(moderator),
		geography.quartierCollection(moderator)
	]);
	const set = (rows: { code: string }[]) => new Set(rows.map((t) => t.code));
	const context: ValidationContext = {
		categories: set(terms.categories),
		supportKinds: set(terms.supportKinds),
		targetGroups: set(terms.targetGroups),
		quartierAt: (point) => quartierAt(point, quartiers)
	};
	const anon = createClient(gateway.url, gateway.anonKey, options) as SupabaseClient as Db;
	return { gateway, moderator, context, anon };
}

/** Reads, dry-runs and imports a file to the end, as the import page and its worker do. */
async function importFile(target: Awaited<ReturnType<typeof emptyDirectory>>, bytes: Uint8Array) {
	const read = readImportFile(bytes);
	if (!read.ok) throw new Error(`unreadable: ${read.issue}`);
	const existing = await imports.existingEntries(target.moderator, SOURCE.name);
	const run = dryRun(read.records, target.context, existing);
	const id = await imports.createJob(target.moderator, {
		source: SOURCE,
		format: read.format,
		entries: run.entries,
		report: run.outcomes
	});
	await imports.start(target.moderator, id);
	const progress = await imports.runToEnd(target.moderator, id, 100);
	const job = (await imports.get(target.moderator, id))!;
	return { read, run, progress, job };
}

let before: Obj[];
let expected: Obj[];
let serviceCount: number;

beforeAll(async () => {
	origin = await startGateway({ dataDir: null, port: 0, migrate: true });
	await seed({ url: origin.url, serviceRoleKey: origin.serviceRoleKey, demo: 60 });
	// The demo's numbers (+32 2 000 …) are in a range no phone plan uses, which the import
	// rightly refuses; numbers in a range it accepts stand in for a real directory's.
	const admin = createClient(origin.url, origin.serviceRoleKey, options);
	const { data: phones } = await admin
		.from('contact_channels')
		.select('id, value')
		.eq('kind', 'phone');
	for (const [i, phone] of (phones ?? []).entries()) {
		const value = `+32 2 511 ${String(1000 + i).slice(-4, -2)} ${String(1000 + i).slice(-2)}`;
		const { error } = await admin.from('contact_channels').update({ value }).eq('id', phone.id);
		if (error) throw error;
	}
	originAnon = createClient(origin.url, origin.anonKey, options) as SupabaseClient as Db;
	before = await exportJson(originAnon);
	expected = before.map(readsAs).sort(byName);
	serviceCount = before.reduce((n, o) => n + list(o.services).length, 0);
}, 180_000);

afterAll(async () => {
	await origin?.stop();
});

async function expectSameDirectory(bytes: Uint8Array, format: string) {
	const target = await emptyDirectory();
	try {
		const { read, run, progress } = await importFile(target, bytes);
		expect(read.format).toBe(format);
		expect(read.records).toHaveLength(serviceCount);
		const outcomes = run.outcomes.map((o) => o.outcome);
		expect(outcomes.filter((o) => o === 'invalid')).toEqual([]);
		expect(outcomes.filter((o) => o === 'new')).toHaveLength(before.length);
		expect(progress).toEqual({
			status: 'done',
			done: before.length,
			total: before.length,
			failed: 0
		});
		const after = await exportJson(target.anon);
		expect(after.map(readsAs).sort(byName)).toEqual(expected);
		// The same export imported again changes nothing: every entry is its own update.
		const again = await importFile(target, bytes);
		expect(again.run.outcomes.filter((o) => o.outcome === 'new')).toEqual([]);
		expect(new Set(again.job.results.map((r) => r.outcome))).toEqual(new Set(['unchanged']));
	} finally {
		await target.gateway.stop();
	}
}

describe('an HSDS export of Nabij imported into an empty Nabij', () => {
	it('covers demo and OpenStreetMap, quartier-only, by-appointment and multi-language entries', () => {
		const demo = expected.filter((e) => String(e.name).includes('(demo'));
		expect(demo.length).toBeGreaterThan(30);
		expect(expected.length - demo.length).toBeGreaterThan(50);
		expect(expected.some((e) => e.precision === 'quartier')).toBe(true);
		expect(expected.some((e) => e.precision === 'exact')).toBe(true);
		expect(expected.some((e) => e.schedule === 'By appointment')).toBe(true);
		expect(expected.some((e) => (e.languages as string[]).length > 2)).toBe(true);
	});

	it('reads the same after a round trip through the JSON API', async () => {
		const bytes = new TextEncoder().encode(JSON.stringify(before));
		await expectSameDirectory(bytes, 'hsds_json');
	}, 120_000);

	it('reads the same after a round trip through the tabular zip', async () => {
		const url = new URL('http://nabij.test/api/hsds/export.zip');
		const response = await exportZip({ supabase: originAnon, request: new Request(url), url });
		expect(response.status).toBe(200);
		await expectSameDirectory(new Uint8Array(await response.arrayBuffer()), 'hsds_zip');
	}, 120_000);

	it('publishes no exact point for an entry that was quartier-only', async () => {
		const target = await emptyDirectory();
		try {
			const quartierOnly = before.filter((o) => readsAs(o).precision === 'quartier');
			await importFile(target, new TextEncoder().encode(JSON.stringify(quartierOnly)));
			const { data } = await target.moderator
				.from('locations')
				.select('location_precision, address, lon, lat, mdrc');
			expect(data?.length).toBe(quartierOnly.length);
			for (const row of data ?? []) {
				expect(row.location_precision).toBe('quartier');
				expect(row.address).toBeNull();
			}
		} finally {
			await target.gateway.stop();
		}
	}, 120_000);
});
