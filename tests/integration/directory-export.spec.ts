// The finder's exports against the local gateway with the demo seed: the route handlers run
// inside the locale middleware as for a request, with the visitor's client (RLS decides). The
// whole directory parses back with every published entry once, quartier-only entries carry only
// their quartier's point and no address, no non-public contact leaves, and a filtered export
// holds exactly what the finder counts.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '#lib/domain/export/csv.ts';
import { contactText, publicContacts } from '#lib/domain/finder/entry.ts';
import { finderQuerySchema } from '#lib/domain/search/index.ts';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import * as resources from '#lib/server/db/resources.ts';
import { GET as aboutGet } from '../../src/routes/find/export-about.txt/+server.ts';
import { GET as csvGet } from '../../src/routes/find/export.csv/+server.ts';
import { GET as geojsonGet } from '../../src/routes/find/export.geojson/+server.ts';
import { findResources } from '#lib/server/finder/search.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed, type SeedResult } from '../../supabase/seed/run.ts';

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};

let gateway: Gateway;
let seeded: SeedResult;
let anon: SupabaseClient;
let service: SupabaseClient;
let published: resources.ResourceListRow[];

beforeAll(async () => {
	// A small row cap, so that the export has to page.
	gateway = await startGateway({ dataDir: null, port: 0, migrate: true, maxRows: 100 });
	seeded = await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey });
	anon = createClient(gateway.url, gateway.anonKey, options);
	service = createClient(gateway.url, gateway.serviceRoleKey, options);
	published = await resources.list(anon);
});

afterAll(async () => {
	await gateway?.stop();
});

type Handler = (event: never) => Promise<Response>;

/** Runs an export route as a request to `path` would, with `client` as the visitor's client. */
function request(handler: Handler, path: string, client: SupabaseClient = anon) {
	const url = new URL(path, 'http://127.0.0.1');
	const event = { url, locals: { supabase: client } } as never;
	return paraglideMiddleware(new Request(url), () => handler(event));
}

async function csvRecords(response: Response) {
	const text = await response.text();
	const [header, ...rows] = parseCsv(text);
	if (!header) throw new Error('no header');
	return {
		text,
		header,
		records: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])))
	};
}

type Feature = {
	id: string;
	geometry: { type: string; coordinates: [number, number] };
	properties: Record<string, string | number | null>;
};

describe('the whole directory', () => {
	it('exports every published entry once as CSV, with French headers and a dated file name', async () => {
		const response = await request(csvGet as Handler, '/fr/find/export.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="nabij-directory-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const bytes = new Uint8Array(await response.clone().arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const { text, header, records } = await csvRecords(response);
		expect(text).not.toMatch(/(^|\n)#/);
		expect(text.split('\r\n').length).toBeGreaterThan(published.length);
		expect(header.slice(0, 4)).toEqual(['identifiant', 'organisation', 'offre', 'catégorie']);
		const ids = records.map((r) => r.identifiant);
		expect(seeded.resources).toBeGreaterThan(100);
		expect(ids).toHaveLength(published.length);
		expect(new Set(ids)).toEqual(new Set(published.map((r) => r.id)));
	});

	it('writes Dutch headers on the Dutch address', async () => {
		const { header } = await csvRecords(await request(csvGet as Handler, '/nl/find/export.csv'));
		expect(header.slice(0, 4)).toEqual(['id', 'organisatie', 'aanbod', 'categorie']);
	});

	it('gives quartier-only entries their quartier point and no address, in CSV and GeoJSON', async () => {
		const { records } = await csvRecords(await request(csvGet as Handler, '/en/find/export.csv'));
		const quartierOnly = records.filter((r) => r['location precision'] === 'quartier');
		expect(quartierOnly.length).toBeGreaterThan(0);
		const { data: quartiers, error } = await service
			.from('quartiers')
			.select('mdrc, point_lon, point_lat')
			.in('mdrc', [...new Set(quartierOnly.map((r) => Number(r['quartier (code)'])))]);
		expect(error).toBeNull();
		const points = new Map((quartiers ?? []).map((q) => [q.mdrc, [q.point_lon, q.point_lat]]));
		for (const r of quartierOnly) {
			expect(r.address).toBe('');
			const [lon, lat] = points.get(Number(r['quartier (code)'])) ?? [];
			expect(Number((r.longitude ?? '').replace(',', '.'))).toBe(lon);
			expect(Number((r.latitude ?? '').replace(',', '.'))).toBe(lat);
		}

		const response = await request(geojsonGet as Handler, '/en/find/export.geojson');
		expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		const geojson = (await response.json()) as {
			features: Feature[];
			metadata: { licence: string; count: number };
		};
		expect(geojson.features).toHaveLength(published.length);
		expect(new Set(geojson.features.map((f) => f.id)).size).toBe(published.length);
		expect(geojson.metadata.licence).toBe('ODbL-1.0');
		const hidden = geojson.features.filter((f) => f.properties.location_precision === 'quartier');
		expect(hidden).toHaveLength(quartierOnly.length);
		for (const f of hidden) {
			expect(f.properties.address).toBeNull();
			expect(f.geometry.coordinates).toEqual(points.get(Number(f.properties.quartier_mdrc)));
		}
	});

	it('never exports a non-public contact, even to a signed-in social worker', async () => {
		const channels: { kind: 'phone'; value: string; public: boolean }[] = [];
		// The gateway returns 100 rows per request here: read every page.
		for (let from = 0; ; from += 100) {
			const { data, error } = await service
				.from('contact_channels')
				.select('kind, value, public')
				.order('id')
				.range(from, from + 99);
			expect(error).toBeNull();
			channels.push(...(data ?? []));
			if ((data ?? []).length < 100) break;
		}
		// Demo phone numbers repeat across organisations: only values never public are secrets.
		const shown = new Set(channels.filter((c) => c.public).map((c) => c.value));
		const hidden = channels.filter((c) => !c.public && !shown.has(c.value));
		expect(hidden.length).toBeGreaterThan(10);
		const account = seeded.accounts.find((a) => a.role === 'social_worker');
		if (!account) throw new Error('no demo social worker');
		const worker = createClient(gateway.url, gateway.anonKey, options);
		expect((await worker.auth.signInWithPassword(account)).error).toBeNull();
		const csv = await (await request(csvGet as Handler, '/fr/find/export.csv', worker)).text();
		const geojson = await (
			await request(geojsonGet as Handler, '/fr/find/export.geojson', worker)
		).text();
		for (const contact of hidden) {
			for (const form of [contact.value, contactText(contact)]) {
				expect(csv).not.toContain(form);
				expect(geojson).not.toContain(JSON.stringify(form).slice(1, -1));
			}
		}
	});

	it("carries every entry's public channels exactly as the view aggregates them", async () => {
		const geojson = (await (
			await request(geojsonGet as Handler, '/en/find/export.geojson')
		).json()) as { features: Feature[] };
		const exported = new Map(geojson.features.map((f) => [f.id, f.properties]));
		const ids = [...exported.keys()];
		let withPhone = 0;
		for (let i = 0; i < ids.length; i += 100) {
			for (const row of await resources.getMany(anon, ids.slice(i, i + 100))) {
				const channels = (kind: string) =>
					publicContacts(row.contacts)
						.filter((c) => c.kind === kind)
						.map(contactText)
						.join(' | ');
				const properties = exported.get(row.id);
				expect(properties?.phone, row.id).toBe(channels('phone'));
				expect(properties?.email, row.id).toBe(channels('email'));
				expect(properties?.website, row.id).toBe(channels('website'));
				if (channels('phone')) withPhone++;
			}
		}
		expect(withPhone).toBeGreaterThan(100);
	});

	it('describes every column, the licence and the date in the companion text', async () => {
		const response = await request(aboutGet as Handler, '/en/find/export-about.txt');
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		const text = await response.text();
		expect(text).toMatch(/Date of the export: \d{4}-\d{2}-\d{2}T/);
		expect(text).toContain(`the whole published directory (${published.length} entries)`);
		expect(text).toContain('- location precision (location_precision): exact = address;');
		expect(text).toContain('© OpenStreetMap contributors, ODbL 1.0');
		expect(text.split('\r\n').filter((l) => /^- .+ \([a-z_]+\): /.test(l))).toHaveLength(34);
	});
});

describe('a filtered export', () => {
	const search = 'near=4.3414,50.8417&radius=2000&language=ar&support=social_contact';

	it('holds what the finder finds, in its order', async () => {
		const found = await findResources(anon, finderQuerySchema.parse(new URLSearchParams(search)));
		expect(found.total).toBeGreaterThan(0);
		expect(found.total).toBeLessThan(published.length);
		const response = await request(csvGet as Handler, `/en/find/export.csv?${search}`);
		expect(response.headers.get('content-disposition')).toMatch(
			/filename="nabij-directory-\d{4}-\d{2}-\d{2}-social_contact\.csv"/
		);
		const { records } = await csvRecords(response);
		expect(records).toHaveLength(found.total);
		expect(records.slice(0, found.results.length).map((r) => r.id)).toEqual(
			found.results.map((r) => r.id)
		);
		const geojson = (await (
			await request(geojsonGet as Handler, `/en/find/export.geojson?${search}`)
		).json()) as { features: Feature[] };
		expect(geojson.features.map((f) => f.id)).toEqual(records.map((r) => r.id));
		const about = await (
			await request(aboutGet as Handler, `/en/find/export-about.txt?${search}`)
		).text();
		expect(about).toContain(`the ${found.total} entries the search`);
	});
});
