// The HSDS 3.0 read API against the local gateway with the demo seed, read as anonymous: every
// answer of every route validates against Open Referral's schemas (Ajv 2020, every schema file
// of data/hsds/schema added by its name), at several page sizes over the whole directory, each
// walk finding every published id once; a quartier-only entry's submitted point and address and
// non-public channels appear in no answer; parameters are checked; ETag, 304 and CORS hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '#lib/domain/places/csv.ts';
import * as api from '#lib/server/hsds/api.ts';
import { exportZip } from '#lib/server/hsds/export.ts';
import { openapi as openapiRoute } from '#lib/server/hsds/openapi.ts';
import type { Db } from '#lib/server/db/client.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed } from '../../supabase/seed/run.ts';

const schemaDir = resolve(import.meta.dirname, '../../data/hsds/schema');
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};
// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
	addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let gateway: Gateway;
let anon: Db;
let service: SupabaseClient;
/** Every body the API answered in this file, to look for what must never leave. */
const bodies: string[] = [];

// A quartier-only entry added with a point and an address that the database must drop.
const SECRET = { lon: 4.3456789, lat: 50.8321987, address: 'Rue du Secret Bien Gardé 7' };
const HIDDEN_CHANNEL = 'verborgen-lijn@example.invalid';

// ---- schemas ---------------------------------------------------------------------------------

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
for (const file of readdirSync(schemaDir)) {
	if (!file.endsWith('.json') || file === 'openapi.json') continue;
	ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')), file);
}
for (const file of readdirSync(join(schemaDir, 'compiled'))) {
	ajv.addSchema(
		JSON.parse(readFileSync(join(schemaDir, 'compiled', file), 'utf8')),
		`compiled/${file}`
	);
}
const openapi = JSON.parse(readFileSync(join(schemaDir, 'openapi.json'), 'utf8'));
const PAGE = openapi.components.schemas.Page;

/** The spec's paging object around items of `itemSchema`, every paging field required. */
function pageOf(itemSchema: string): ValidateFunction {
	return ajv.compile({
		allOf: [PAGE],
		required: [...Object.keys(PAGE.properties), 'contents'],
		properties: { contents: { type: 'array', items: { $ref: itemSchema } } }
	});
}

const validators = {
	info: ajv.compile(openapi.paths['/'].get.responses['200'].content['application/json'].schema),
	services: pageOf('compiled/service_list.json'),
	service: ajv.getSchema('service.json')!,
	organizations: pageOf('compiled/organization_list.json'),
	organization: ajv.getSchema('organization.json')!,
	serviceAtLocations: pageOf('compiled/service_at_location_list.json'),
	serviceAtLocation: ajv.getSchema('service_at_location.json')!,
	taxonomies: pageOf('taxonomy.json'),
	taxonomy: ajv.getSchema('taxonomy.json')!,
	taxonomyTerms: pageOf('taxonomy_term.json'),
	taxonomyTerm: ajv.getSchema('taxonomy_term.json')!
};

type Route = keyof typeof validators;

function expectValid(route: Route, body: unknown, where: string) {
	const validate = validators[route];
	const ok = validate(body);
	expect(ok, `${where}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
}

// ---- calling the API --------------------------------------------------------------------------

async function call(
	route: Route,
	path: string,
	init: { id?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
	const url = new URL(path, 'http://nabij.test');
	const request = new Request(url, { headers: init.headers });
	return api[route]({ supabase: anon, request, url, id: init.id });
}

/** GETs a route, checks a 200 JSON answer and validates it. */
async function get<T = Record<string, unknown>>(
	route: Route,
	path: string,
	id?: string
): Promise<T> {
	const response = await call(route, path, { id });
	const text = await response.text();
	expect(response.status, `${path}: ${text}`).toBe(200);
	bodies.push(text);
	const body = JSON.parse(text);
	expectValid(route, body, path);
	return body as T;
}

type Paged = {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	contents: { id: string }[];
};

/** Reads every page of a list route; checks paging fields and that no id comes twice. */
async function walk<T extends { id: string } = { id: string }>(
	route: Route,
	path: string,
	perPage: number
): Promise<T[]> {
	const all: Paged['contents'] = [];
	const sep = path.includes('?') ? '&' : '?';
	for (let page = 1; ; page++) {
		const body = await get<Paged>(route, `${path}${sep}page=${page}&per_page=${perPage}`);
		expect(body.page_number).toBe(page);
		expect(body.size).toBe(body.contents.length);
		expect(body.total_pages).toBe(Math.ceil(body.total_items / perPage));
		all.push(...body.contents);
		if (page >= body.total_pages) break;
	}
	const ids = all.map((c) => c.id);
	expect(new Set(ids).size, `${path} per_page=${perPage}: duplicate ids`).toBe(ids.length);
	expect(ids, 'sorted by id').toEqual([...ids].sort());
	return all as T[];
}

// ---- fixtures ---------------------------------------------------------------------------------

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<T> {
	const { data, error } = await promise;
	if (error) throw new Error(JSON.stringify(error));
	return data;
}

/** Everything published, read with the service key (the truth the API must match). */
async function published() {
	const orgs = await must(
		service.from('organizations').select('id').in('status', ['active', 'paused', 'dormant'])
	);
	const orgIds = new Set((orgs as { id: string }[]).map((o) => o.id));
	const read = async (table: string) => {
		const rows: { id: string; organization_id: string }[] = [];
		for (let from = 0; ; from += 1000) {
			const page = (await must(
				service
					.from(table)
					.select('id, organization_id')
					.order('id')
					.range(from, from + 999)
			)) as { id: string; organization_id: string }[];
			rows.push(...page);
			if (page.length < 1000) break;
		}
		return rows
			.filter((r) => orgIds.has(r.organization_id))
			.map((r) => r.id)
			.sort();
	};
	return {
		organizations: [...orgIds].sort(),
		services: await read('services'),
		links: await read('service_at_location')
	};
}

beforeAll(async () => {
	gateway = await startGateway({ dataDir: null, port: 0, migrate: true, maxRows: 1000 });
	await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey, demo: 120 });
	anon = createClient(gateway.url, gateway.anonKey, options) as unknown as Db;
	service = createClient(gateway.url, gateway.serviceRoleKey, options);
	const [org] = (await must(
		service
			.from('organizations')
			.insert({
				name: 'Groupe de parole à domicile',
				category: 'self_organisation',
				description_fr: 'Un groupe qui se réunit chez une habitante.',
				status: 'active'
			})
			.select('id')
	)) as { id: string }[];
	const [svc] = (await must(
		service
			.from('services')
			.insert({
				organization_id: org!.id,
				name: 'Groupe de parole',
				support_kinds: ['peer_support_group'],
				languages: ['fr', 'ar'],
				schedules: 'We[1,3] 14:00-16:00',
				schedule_kind: 'hours'
			})
			.select('id')
	)) as { id: string }[];
	const [quartier] = (await must(service.from('quartiers').select('mdrc').limit(1))) as {
		mdrc: number;
	}[];
	const [location] = (await must(
		service
			.from('locations')
			.insert({
				organization_id: org!.id,
				location_precision: 'quartier',
				lon: SECRET.lon,
				lat: SECRET.lat,
				address: SECRET.address,
				mdrc: quartier!.mdrc
			})
			.select('id')
	)) as { id: string }[];
	await must(
		service
			.from('service_at_location')
			.insert({ organization_id: org!.id, service_id: svc!.id, location_id: location!.id })
	);
	await must(
		service.from('contact_channels').insert([
			{ organization_id: org!.id, kind: 'email', value: HIDDEN_CHANNEL, public: false },
			{ organization_id: org!.id, kind: 'phone', value: '+32 2 000 11 22', public: true }
		])
	);
});

afterAll(async () => {
	await gateway?.stop();
});

// ---- tests ------------------------------------------------------------------------------------

describe('the HSDS read API', () => {
	it('says what it is', async () => {
		const body = await get('info', '/api/hsds/');
		expect(body.version).toBe('3.0');
		const url = new URL(String(body.openapi_url));
		expect(url.pathname).toBe('/api/hsds/openapi.json');
		const described = await (await openapiRoute({ request: new Request(url), url })).json();
		expect(Object.keys(described.paths)).toEqual(Object.keys(openapi.paths));
		expect(described.servers).toEqual([{ url: 'http://nabij.test/api/hsds' }]);
	});

	it('walks every published service, link and organization at several page sizes', async () => {
		const truth = await published();
		expect(truth.services.length).toBeGreaterThan(100);
		for (const perPage of [7, 50, 200]) {
			const services = await walk('services', '/api/hsds/services', perPage);
			expect(services.map((s) => s.id)).toEqual(truth.services);
			const links = await walk('serviceAtLocations', '/api/hsds/service_at_locations', perPage);
			expect(links.map((s) => s.id)).toEqual(truth.links);
			const orgs = await walk('organizations', '/api/hsds/organizations', perPage);
			expect(orgs.map((s) => s.id)).toEqual(truth.organizations);
		}
	});

	it('answers every service, link and organization in full, valid and published only', async () => {
		const truth = await published();
		for (const id of truth.services) await get('service', `/api/hsds/services/${id}`, id);
		for (const id of truth.links) {
			const body = await get<{ service: unknown }>(
				'serviceAtLocation',
				`/api/hsds/service_at_locations/${id}`,
				id
			);
			expectValid('service', body.service, `service_at_locations/${id} service`);
		}
		for (const id of truth.organizations) {
			await get('organization', `/api/hsds/organizations/${id}`, id);
		}
		const pending = (await must(
			service.from('organizations').select('id').eq('status', 'pending').limit(1)
		)) as { id: string }[];
		for (const { id } of pending) {
			expect((await call('organization', `/api/hsds/organizations/${id}`, { id })).status).toBe(
				404
			);
		}
	}, 180_000);

	it('publishes the taxonomy with its crosswalk codes, every page valid', async () => {
		const taxonomies = await walk('taxonomies', '/api/hsds/taxonomies', 2);
		expect(taxonomies).toHaveLength(4);
		for (const t of taxonomies) await get('taxonomy', `/api/hsds/taxonomies/${t.id}`, t.id);
		for (const perPage of [7, 200]) {
			const terms = (await walk('taxonomyTerms', '/api/hsds/taxonomy_terms', perPage)) as {
				id: string;
				code: string;
				metadata?: { field_name: string; replacement_value: string }[];
			}[];
			expect(terms.length).toBe(13 + 39 + 17 + 44);
			const homeVisits = terms.find((t) => t.code === 'home_visits');
			expect(homeVisits?.metadata).toContainEqual(
				expect.objectContaining({ field_name: 'open_eligibility', replacement_value: '1306' })
			);
		}
		const kinds = taxonomies.find((t) => (t as { name?: string }).name === 'Nabij support kinds');
		const groups = await get<Paged>(
			'taxonomyTerms',
			`/api/hsds/taxonomy_terms?taxonomy_id=${kinds!.id}&top_only=true`
		);
		expect(groups.total_items).toBe(9);
	});

	it('filters by taxonomy term (a group includes its kinds), quartier, language and text', async () => {
		const terms = (await get<Paged>('taxonomyTerms', '/api/hsds/taxonomy_terms?per_page=200'))
			.contents as { id: string; code: string; taxonomy: string }[];
		const term = (code: string) => terms.find((t) => t.code === code)!;
		const all = (await walk('services', '/api/hsds/services', 200)).map((s) => s.id);
		const detail = new Map<
			string,
			{ attributes: { taxonomy_term: { code: string; parent_id?: string } }[] }
		>();
		for (const id of all) detail.set(id, await get('service', `/api/hsds/services/${id}`, id));
		const tagged = (code: string) =>
			all.filter((id) =>
				detail
					.get(id)!
					.attributes.some(
						(a) => a.taxonomy_term.code === code || a.taxonomy_term.parent_id === term(code).id
					)
			);
		for (const code of ['social_contact', 'home_visits', 'older_people', 'ar']) {
			const found = await walk(
				'services',
				`/api/hsds/services?taxonomy_term_id=${term(code).id}`,
				50
			);
			expect(
				found.map((s) => s.id),
				code
			).toEqual(tagged(code));
			expect(found.length, code).toBeGreaterThan(0);
		}
		const selfOrganised = (await must(
			service
				.from('services')
				.select('id, organizations!inner(status, category)')
				.eq('organizations.category', 'self_organisation')
				.in('organizations.status', ['active', 'paused', 'dormant'])
				.order('id')
		)) as { id: string }[];
		const category = term('self_organisation').id;
		const byCategory = await walk(
			'services',
			`/api/hsds/services?taxonomy_term_id=${category}`,
			50
		);
		expect(byCategory.map((s) => s.id)).toEqual(selfOrganised.map((s) => s.id));
		expect(byCategory.length).toBeGreaterThan(0);
		const linksByCategory = await walk<{ id: string; service_id: string }>(
			'serviceAtLocations',
			`/api/hsds/service_at_locations?taxonomy_term_id=${category}`,
			50
		);
		expect([...new Set(linksByCategory.map((l) => l.service_id))].sort()).toEqual(
			selfOrganised.map((s) => s.id)
		);
		const arabic = await walk('services', '/api/hsds/services?language=ar', 50);
		expect(arabic.map((s) => s.id)).toEqual(tagged('ar'));

		const links = (await walk('serviceAtLocations', '/api/hsds/service_at_locations', 200)) as {
			id: string;
			service_id: string;
			location: { external_identifier: string };
		}[];
		const mdrc = links[0]!.location.external_identifier;
		const inQuartier = [
			...new Set(
				links.filter((l) => l.location.external_identifier === mdrc).map((l) => l.service_id)
			)
		].sort();
		const byQuartier = await walk('services', `/api/hsds/services?quartier=${mdrc}`, 50);
		expect(byQuartier.map((s) => s.id)).toEqual(inQuartier);
		const linksByQuartier = await walk(
			'serviceAtLocations',
			`/api/hsds/service_at_locations?quartier=${mdrc}`,
			50
		);
		expect(linksByQuartier.map((l) => l.id)).toEqual(
			links.filter((l) => l.location.external_identifier === mdrc).map((l) => l.id)
		);

		const found = await walk('services', '/api/hsds/services?search=groupe%20de%20PAROLE', 50);
		expect(found.map((s) => (s as { name?: string }).name)).toContain('Groupe de parole');
		const none = await get<Paged>('services', '/api/hsds/services?search=%22%2C)(*%25_');
		expect(none.total_items).toBe(0);
		const future = await get<Paged>('services', '/api/hsds/services?modified_after=2999-01-01');
		expect(future.total_items).toBe(0);
		const past = await get<Paged>(
			'services',
			'/api/hsds/services?modified_after=2000-01-01T00:00:00Z'
		);
		expect(past.total_items).toBe(all.length);
	}, 180_000);

	it('maps weekly and monthly schedules and keeps the original text', async () => {
		const found = await get<Paged>('services', '/api/hsds/services?search=Groupe%20de%20parole');
		const id = found.contents.find((s) => (s as { name?: string }).name === 'Groupe de parole')!.id;
		const body = await get<{ schedules: Record<string, unknown>[] }>(
			'service',
			`/api/hsds/services/${id}`,
			id
		);
		expect(body.schedules).toEqual([
			expect.objectContaining({
				freq: 'MONTHLY',
				byday: '1WE,3WE',
				opens_at: '14:00',
				closes_at: '16:00',
				description: 'We[1,3] 14:00-16:00'
			})
		]);
	});

	it('never shows a quartier-only point or address, nor a non-public channel', async () => {
		const quartiers = (await must(
			service.from('quartiers').select('mdrc, point_lon, point_lat')
		)) as {
			mdrc: number;
			point_lon: number;
			point_lat: number;
		}[];
		const point = new Map(quartiers.map((q) => [String(q.mdrc), [q.point_lon, q.point_lat]]));
		const links = await walk<{
			id: string;
			location: {
				latitude: number;
				longitude: number;
				addresses?: unknown[];
				external_identifier: string;
				attributes: { link_type: string; value: string }[];
			};
		}>('serviceAtLocations', '/api/hsds/service_at_locations', 200);
		const quartierOnly = links.filter((l) =>
			l.location.attributes.some(
				(a) => a.link_type === 'location_precision' && a.value === 'quartier'
			)
		);
		expect(quartierOnly.length).toBeGreaterThan(1);
		for (const { location } of quartierOnly) {
			expect(location.addresses).toBeUndefined();
			expect([location.longitude, location.latitude]).toEqual(
				point.get(location.external_identifier)
			);
		}
		const hidden = (await must(
			service.from('contact_channels').select('value').eq('public', false)
		)) as {
			value: string;
		}[];
		expect(hidden.map((c) => c.value)).toContain(HIDDEN_CHANNEL);
		const everything = bodies.join('\n');
		expect(everything.length).toBeGreaterThan(100_000);
		for (const secret of [String(SECRET.lon), String(SECRET.lat), SECRET.address]) {
			expect(everything).not.toContain(secret);
		}
		for (const { value } of hidden) expect(everything).not.toContain(JSON.stringify(value));
	});

	it('refuses bad parameters with a 400 that names them', async () => {
		for (const [query, parameter] of [
			['page=0', 'page'],
			['page=abc', 'page'],
			['per_page=201', 'per_page'],
			['per_page=-1', 'per_page'],
			['per_page=1&per_page=2', 'per_page'],
			['taxonomy_term_id=home_visits', 'taxonomy_term_id'],
			['modified_after=yesterday', 'modified_after'],
			['quartier=x', 'quartier'],
			['language=Arabic', 'language'],
			['locale=de', 'locale'],
			['format=ndjson', 'format']
		] as const) {
			const response = await call('services', `/api/hsds/services?${query}`);
			expect(response.status, query).toBe(400);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			const body = await response.json();
			expect(body, query).toMatchObject({ error: 'invalid_parameter', parameter });
			expect(body.message, query).toMatch(new RegExp(`^${parameter} `));
		}
		const missing = await call('service', '/api/hsds/services/nope', { id: 'nope' });
		expect(missing.status).toBe(404);
	});

	it('answers a page past the end with an empty page, and 304 for an ETag it gave', async () => {
		const past = await get<Paged & { empty: boolean; last_page: boolean }>(
			'services',
			'/api/hsds/services?page=9999&per_page=50'
		);
		expect(past).toMatchObject({ empty: true, size: 0, last_page: true });
		expect(past.total_items).toBeGreaterThan(100);

		const first = await call('services', '/api/hsds/services?per_page=5');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^W\/"/);
		expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
		expect(first.headers.get('access-control-allow-origin')).toBe('*');
		const again = await call('services', '/api/hsds/services?per_page=5', {
			headers: { 'if-none-match': etag! }
		});
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		const other = await call('services', '/api/hsds/services?per_page=6', {
			headers: { 'if-none-match': etag! }
		});
		expect(other.status).toBe(200);
	});
});

describe('the HSDS tabular package', () => {
	it('unzips to CSVs with the datapackage headers, holding the whole published directory', async () => {
		const url = new URL('http://nabij.test/api/hsds/export.zip');
		const response = await exportZip({ supabase: anon, request: new Request(url), url });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const text = Object.fromEntries(
			Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)])
		);
		const descriptor = JSON.parse(text['datapackage.json']!) as {
			profile: string;
			resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
		};
		expect(descriptor.profile).toBe('tabular-data-package');
		const hsdsPackage = JSON.parse(
			readFileSync(resolve(import.meta.dirname, '../../data/hsds/datapackage.json'), 'utf8')
		) as typeof descriptor;
		expect(Object.keys(text).sort()).toEqual(
			['datapackage.json', ...descriptor.resources.map((r) => r.path)].sort()
		);
		const tables = new Map<string, Record<string, string>[]>();
		for (const resource of descriptor.resources) {
			const official = hsdsPackage.resources.find((r) => r.name === resource.name)!;
			const [header, ...rows] = parseCsv(text[resource.path]!);
			expect(header, resource.path).toEqual(official.schema.fields.map((f) => f.name));
			expect(rows.length, resource.path).toBeGreaterThan(0);
			for (const row of rows) expect(row, resource.path).toHaveLength(header!.length);
			tables.set(
				resource.name,
				rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])))
			);
		}
		for (const name of [
			'organization',
			'service',
			'location',
			'service_at_location',
			'address',
			'phone',
			'schedule',
			'language',
			'attribute',
			'taxonomy',
			'taxonomy_term',
			'metadata'
		]) {
			expect(tables.has(name), name).toBe(true);
		}
		const truth = await published();
		expect(tables.get('service')!.map((r) => r.id)).toEqual(truth.services);
		expect(tables.get('organization')!.map((r) => r.id)).toEqual(truth.organizations);
		expect(tables.get('service_at_location')!.map((r) => r.id)).toEqual(truth.links);
		const all = Object.values(text).join('\n');
		for (const secret of [String(SECRET.lon), String(SECRET.lat), SECRET.address, HIDDEN_CHANNEL]) {
			expect(all).not.toContain(secret);
		}
		const again = await exportZip({
			supabase: anon,
			request: new Request(url, { headers: { 'if-none-match': response.headers.get('etag')! } }),
			url
		});
		expect(again.status).toBe(304);
	});
});
