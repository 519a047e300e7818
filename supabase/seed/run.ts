// The seed: loads the real Brussels geography, indicators, taxonomy and attributions, creates
// one demo account per role and N fictional resources. This is the only module allowed to use
// the service-role key; everything goes through supabase-js, so it works against the local
// gateway and a real Supabase project alike.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { generateDemo, DEMO_ORGANIZATION_ID_RANGE, type DemoData } from './demo.ts';
import { importOsm } from './osm.ts';
import {
	DATA_ATTRIBUTIONS,
	INDICATOR_SOURCES,
	loadCommunes,
	loadQuartierCollection,
	loadQuartiers,
	loadSectors,
	loadStreets,
	loadTaxonomy,
	dataDir
} from './geography.ts';

export type SeedOptions = {
	url: string;
	serviceRoleKey: string;
	/** Fictional resources to load (published service-at-location rows); 0 removes them. Default 320. */
	demo?: number;
	log?: (line: string) => void;
	/** Data folder; default the repository's data/. */
	dataDir?: string;
	/** Reference day for demo dates, `YYYY-MM-DD`; default today (UTC). */
	today?: string;
	/** Import the OpenStreetMap care points of data/brussels/ (real places). Default true. */
	osm?: boolean;
};

export type SeedAccount = { role: string; email: string; password: string };
export type SeedResult = {
	accounts: SeedAccount[];
	/** Published fictional demo resources. */
	resources: number;
	/** OpenStreetMap entries imported (or updated); 0 without the OSM option. */
	osm: number;
};

/** Rows per request: large enough to be quick, small enough for request body limits. */
const BATCH = 1000;

/** The demo accounts, one per role (two org editors, to show what one cannot do to the other). */
export const DEMO_ACCOUNTS: (SeedAccount & { displayName: string })[] = [
	{
		role: 'social_worker',
		email: 'social.worker@demo.nabij.invalid',
		password: 'demo-social-worker',
		displayName: 'Sam (social worker, demo)'
	},
	{
		role: 'org_editor',
		email: 'org.editor@demo.nabij.invalid',
		password: 'demo-org-editor',
		displayName: 'Eli (org editor, demo)'
	},
	{
		role: 'org_editor',
		email: 'org.editor.2@demo.nabij.invalid',
		password: 'demo-org-editor-2',
		displayName: 'Noor (org editor, demo)'
	},
	{
		role: 'moderator',
		email: 'moderator@demo.nabij.invalid',
		password: 'demo-moderator',
		displayName: 'Mo (moderator, demo)'
	},
	{
		role: 'policy_analyst',
		email: 'policy.analyst@demo.nabij.invalid',
		password: 'demo-policy-analyst',
		displayName: 'Pat (policy analyst, demo)'
	},
	{
		role: 'admin',
		email: 'admin@demo.nabij.invalid',
		password: 'demo-admin',
		displayName: 'Ada (admin, demo)'
	}
];

function fail(what: string, error: { message: string; code?: string } | null): void {
	if (error)
		throw new Error(`seed: ${what}: ${error.message}${error.code ? ` (${error.code})` : ''}`);
}

/**
 * fetch that retries a request once when the connection failed before any response, e.g. a
 * kept-alive socket the server closed while the seed was busy computing. Ids are deterministic,
 * so a retried insert can never duplicate rows: at worst it fails on the primary key.
 */
const retryingFetch: typeof fetch = async (input, init) => {
	try {
		return await fetch(input, init);
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		return fetch(input, init);
	}
};

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<void>): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

async function upsert(
	supabase: SupabaseClient,
	table: string,
	rows: object[],
	onConflict: string
): Promise<void> {
	await inBatches(rows, async (batch) => {
		const { error } = await supabase.from(table).upsert(batch, { onConflict });
		fail(`upsert ${table}`, error);
	});
}

async function insert(supabase: SupabaseClient, table: string, rows: object[]): Promise<void> {
	await inBatches(rows, async (batch) => {
		const { error } = await supabase.from(table).insert(batch);
		fail(`insert ${table}`, error);
	});
}

async function findUserId(supabase: SupabaseClient, email: string): Promise<string | null> {
	for (let page = 1; ; page++) {
		const { data, error } = await supabase.auth.admin.listUsers({ page, perPage: 1000 });
		fail('list users', error);
		const found = data.users.find((u) => u.email === email);
		if (found) return found.id;
		if (data.users.length < 1000) return null;
	}
}

async function ensureAccount(
	supabase: SupabaseClient,
	account: (typeof DEMO_ACCOUNTS)[number]
): Promise<string> {
	const attributes = {
		email: account.email,
		password: account.password,
		email_confirm: true,
		user_metadata: { display_name: account.displayName, email_language: 'fr' }
	};
	const created = await supabase.auth.admin.createUser(attributes);
	let id = created.data.user?.id ?? null;
	if (!id) {
		// Already there from an earlier seed: reset the password so the printed one works.
		id = await findUserId(supabase, account.email);
		if (!id) fail(`create user ${account.email}`, created.error);
		const updated = await supabase.auth.admin.updateUserById(id!, attributes);
		fail(`update user ${account.email}`, updated.error);
	}
	const { error } = await supabase
		.from('profiles')
		.update({ roles: [account.role], display_name: account.displayName })
		.eq('id', id!);
	fail(`set roles of ${account.email}`, error);
	return id!;
}

async function loadReferenceData(
	supabase: SupabaseClient,
	dir: string,
	log: (line: string) => void
) {
	await upsert(supabase, 'data_attributions', DATA_ATTRIBUTIONS, 'dataset');
	await upsert(supabase, 'indicator_sources', INDICATOR_SOURCES, 'indicator');
	const communes = loadCommunes(dir);
	await upsert(supabase, 'communes', communes, 'nis');
	const quartiers = loadQuartiers(dir);
	// Geometry makes quartier rows large; smaller batches stay well under request limits.
	for (let i = 0; i < quartiers.length; i += 50) {
		await upsert(supabase, 'quartiers', quartiers.slice(i, i + 50), 'mdrc');
	}
	const sectors = loadSectors(dir);
	await upsert(supabase, 'sectors', sectors, 'cd_sector');
	const taxonomy = loadTaxonomy(dir);
	await upsert(supabase, 'categories', taxonomy.categories, 'code');
	await upsert(supabase, 'support_kinds', taxonomy.supportKinds, 'code');
	await upsert(supabase, 'target_groups', taxonomy.targetGroups, 'code');
	log(
		`geography: ${communes.length} communes, ${quartiers.length} quartiers, ${sectors.length} sectors; ` +
			`taxonomy: ${taxonomy.categories.length} categories, ${taxonomy.supportKinds.length} support kinds, ${taxonomy.targetGroups.length} target groups`
	);
	return { communes, quartiers, taxonomy };
}

async function replaceDemoData(
	supabase: SupabaseClient,
	demo: DemoData,
	editors: string[],
	moderators: string[]
) {
	const [first, last] = DEMO_ORGANIZATION_ID_RANGE;
	// Deleting the organizations cascades to their services, locations, links, channels,
	// members and history, so a re-seed with another size leaves nothing behind.
	const { error } = await supabase.from('organizations').delete().gte('id', first).lte('id', last);
	fail('delete previous demo organizations', error);
	await insert(supabase, 'organizations', demo.organizations);
	await insert(supabase, 'services', demo.services);
	await insert(supabase, 'locations', demo.locations);
	await insert(supabase, 'service_at_location', demo.serviceAtLocation);
	await insert(supabase, 'contact_channels', demo.contactChannels);
	// Each demo editor owns a few published organizations and one pending registration.
	const members = editors.flatMap((userId, e) => {
		const published = demo.organizations
			.filter((o) => o.status === 'active')
			.slice(e * 3, e * 3 + 3);
		const pending = demo.organizations.filter((o) => o.status === 'pending').slice(e, e + 1);
		return [...published, ...pending].map((o) => ({
			organization_id: o.id,
			user_id: userId,
			member_role: 'owner'
		}));
	});
	// Moderators vouch on behalf of their own organization: the demo moderator works at a
	// published local service centre.
	const centre = demo.organizations.find(
		(o) => o.status === 'active' && o.category === 'local_service_centre'
	);
	const staff = centre
		? moderators.map((userId) => ({
				organization_id: centre.id,
				user_id: userId,
				member_role: 'editor'
			}))
		: [];
	await insert(supabase, 'organization_members', [...members, ...staff]);
}

/**
 * Loads geography, taxonomy, attributions, demo accounts, `demo` fictional resources and (unless
 * `osm` is false) the OpenStreetMap care points into the database behind `url`, using the
 * service-role key. Safe to run again: reference data is upserted, the previous demo entries are
 * replaced and OpenStreetMap entries are updated by their external id.
 *
 * @example
 * const { accounts, resources } = await seed({ url, serviceRoleKey, demo: 320, log: console.log });
 */
export async function seed(opts: SeedOptions): Promise<SeedResult> {
	const log = opts.log ?? (() => {});
	const dir = opts.dataDir ?? dataDir();
	const count = opts.demo ?? 320;
	const supabase = createClient(opts.url, opts.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: retryingFetch }
	});

	const { communes, quartiers, taxonomy } = await loadReferenceData(supabase, dir, log);
	// Generated before the accounts are created, so the long synchronous step does not sit
	// between requests on a kept-alive connection.
	const demo = generateDemo({
		count,
		today: opts.today ?? new Date().toISOString().slice(0, 10),
		quartiers,
		quartierCollection: loadQuartierCollection(dir),
		streets: loadStreets(dir),
		communes,
		taxonomy
	});

	const ids: string[] = [];
	for (const account of DEMO_ACCOUNTS) ids.push(await ensureAccount(supabase, account));
	for (const a of DEMO_ACCOUNTS) log(`account ${a.role}: ${a.email} / ${a.password}`);
	const editors = ids.filter((_, i) => DEMO_ACCOUNTS[i]?.role === 'org_editor');

	const moderators = ids.filter((_, i) => DEMO_ACCOUNTS[i]?.role === 'moderator');
	await replaceDemoData(supabase, demo, count > 0 ? editors : [], count > 0 ? moderators : []);
	const { error } = await supabase
		.from('app_settings')
		.upsert(
			{ key: 'demo_data', value: count > 0, updated_at: new Date().toISOString() },
			{ onConflict: 'key' }
		);
	fail('set demo_data flag', error);
	log(
		`demo: ${demo.published} published resources, ${demo.organizations.length} organizations, ` +
			`${new Set(demo.locations.map((l) => l.mdrc)).size} quartiers`
	);
	let osm = 0;
	if (opts.osm ?? true) {
		const started = performance.now();
		const result = await importOsm({
			supabase,
			dir,
			taxonomy,
			quartiers: loadQuartierCollection(dir)
		});
		osm = result.imported;
		log(
			`OpenStreetMap: ${result.imported} care points imported (© OpenStreetMap contributors, ODbL), ` +
				`${result.duplicates} probable duplicates and ${result.invalid} invalid rows left out, ${result.failed} failed ` +
				`(${((performance.now() - started) / 1000).toFixed(1)} s)`
		);
	}
	return {
		accounts: DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password })),
		resources: demo.published,
		osm
	};
}
