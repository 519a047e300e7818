// The content and trust rules hold against callers who skip the app: supabase-js with the public
// anon key and the real tokens of the demo accounts, against the local gateway (PGlite, and
// PostgreSQL when NABIJ_PG_ADMIN_URL is set). Every attempt is refused with a 4xx and the public
// view (resource_index read as anon) is unchanged afterwards.
import { fileURLToPath } from 'node:url';
import { createClient, type PostgrestError, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@nabij/supabase-local';
import { executorKinds, startTestGateway } from '@nabij/supabase-local/testing';
import { seed, type SeedResult } from '../../supabase/seed/run.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../supabase/migrations', import.meta.url));

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};

type Response = { error: PostgrestError | null; status: number };

/** Asserts the API refused the request with a client error (4xx), not a server error. */
function refused(response: Response, what: string): void {
	expect(response.error, what).not.toBeNull();
	expect(response.status, `${what}: ${response.error?.message}`).toBeGreaterThanOrEqual(400);
	expect(response.status, `${what}: ${response.error?.message}`).toBeLessThan(500);
}

describe.each(executorKinds())('attacks on content and trust on %s', (kind) => {
	let gateway: Gateway;
	let seeded: SeedResult;
	let anon: SupabaseClient;
	const as: Record<'editor' | 'editor2' | 'moderator', SupabaseClient> = {} as never;
	let editorOrg: string;
	let editorService: string;
	let otherOrg: string;
	let otherService: string;
	let moderatorOrg: string;

	/** What the public sees of some organizations, in a stable order. */
	async function publicView(ids: string[]): Promise<unknown[]> {
		const { data, error } = await anon
			.from('resource_index')
			.select('*')
			.in('organization_id', ids)
			.order('id');
		expect(error).toBeNull();
		return data ?? [];
	}

	async function signedIn(email: string): Promise<SupabaseClient> {
		const account = seeded.accounts.find((a) => a.email === email);
		if (!account) throw new Error(`no demo account ${email}`);
		const client = createClient(gateway.url, gateway.anonKey, options);
		const { error } = await client.auth.signInWithPassword(account);
		if (error) throw error;
		return client;
	}

	/**
	 * The first published organization a client is a member of, and its first service; not a
	 * verified one unless `anyTier` (verified entries are edited directly, by design).
	 */
	async function ownPublished(client: SupabaseClient, anyTier = false): Promise<[string, string]> {
		const { data: user } = await client.auth.getUser();
		const { data: rows } = await client
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', user.user?.id ?? '');
		const { data: org } = await client
			.from('organizations')
			.select('id, services(id)')
			.in(
				'id',
				(rows ?? []).map((r: { organization_id: string }) => r.organization_id)
			)
			.eq('status', 'active')
			.in(
				'trust_tier',
				anyTier ? ['self_declared', 'vouched', 'verified'] : ['self_declared', 'vouched']
			)
			.order('name')
			.limit(1)
			.single<{ id: string; services: { id: string }[] }>();
		if (!org?.services[0]) throw new Error('no published organization with a service');
		return [org.id, org.services[0].id];
	}

	beforeAll(async () => {
		gateway = await startTestGateway(kind, { migrationsDir: MIGRATIONS_DIR });
		// The demo entries are enough to attack; the OpenStreetMap import has its own tests.
		seeded = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			demo: 80,
			osm: false
		});
		anon = createClient(gateway.url, gateway.anonKey, options);
		const [editor, editor2] = seeded.accounts.filter((a) => a.role === 'org_editor');
		const moderator = seeded.accounts.find((a) => a.role === 'moderator');
		as.editor = await signedIn(editor?.email ?? '');
		as.editor2 = await signedIn(editor2?.email ?? '');
		as.moderator = await signedIn(moderator?.email ?? '');
		[editorOrg, editorService] = await ownPublished(as.editor);
		[otherOrg, otherService] = await ownPublished(as.editor2);
		[moderatorOrg] = await ownPublished(as.moderator, true);
	}, 240_000);

	afterAll(async () => {
		await gateway?.stop();
	});

	it('refuses every direct change and leaves the public view as it was', async () => {
		const watched = [editorOrg, otherOrg, moderatorOrg];
		const before = await publicView(watched);
		expect(before.length).toBeGreaterThan(0);

		// An editor changes their published entry without moderation.
		refused(
			await as.editor.from('organizations').update({ name: 'Renamed at will' }).eq('id', editorOrg),
			'editor renames a published entry'
		);
		refused(
			await as.editor.from('contact_channels').insert({
				organization_id: editorOrg,
				kind: 'website',
				value: 'https://attacker.invalid',
				public: true
			}),
			'editor adds a public website'
		);
		refused(
			await as.editor
				.from('organizations')
				.update({ assured_date: '2099-01-01' })
				.eq('id', editorOrg),
			'editor sets assured_date'
		);
		refused(
			await as.editor.from('services').update({ accepting_new: 'full' }).eq('id', editorService),
			'editor changes a published service'
		);

		// A moderator reaches beyond moderation.
		refused(
			await as.moderator
				.from('organizations')
				.update({ trust_tier: 'verified' })
				.eq('id', otherOrg),
			'moderator sets verified'
		);
		refused(
			await as.moderator
				.from('organizations')
				.update({ trust_tier: 'vouched', vouched_by_organization_id: editorOrg })
				.eq('id', otherOrg),
			'moderator vouches in the name of another organization'
		);
		refused(
			await as.moderator
				.from('organizations')
				.update({ trust_tier: 'vouched', vouched_by_organization_id: otherOrg })
				.eq('id', moderatorOrg),
			'moderator has their own organization vouched for'
		);
		const own = await as.moderator.rpc('register_organization', {
			p_organization: {
				name: 'Moderator side project',
				category: 'self_organisation',
				description_fr: 'Un projet.'
			},
			p_service: {
				support_kinds: ['social_contact'],
				languages: ['fr'],
				schedule_kind: 'irregular'
			},
			p_location: { location_precision: 'quartier', lon: 4.35, lat: 50.85, mdrc: 1 },
			p_channels: [{ kind: 'phone', value: '+32 2 000 00 07', public: true }]
		});
		expect(own.error).toBeNull();
		refused(
			await as.moderator
				.from('organizations')
				.update({ status: 'active' })
				.eq('id', own.data as string),
			'moderator publishes their own organization'
		);
		refused(
			await as.moderator.from('organizations').insert({
				name: 'Published at once',
				category: 'self_organisation',
				description_fr: 'x',
				status: 'active'
			}),
			'moderator inserts an organization as published'
		);

		// Change requests aimed at another organization, or changed under review.
		refused(
			await as.editor.from('change_requests').insert({
				organization_id: editorOrg,
				changes: { service: { id: otherService, accepting_new: 'full' } }
			}),
			"change request carrying another organization's service id"
		);
		refused(
			await as.editor.from('change_requests').insert({
				organization_id: editorOrg,
				service_id: otherService,
				changes: { service: { accepting_new: 'full' } }
			}),
			"change request pointing at another organization's service"
		);
		const request = await as.editor
			.from('change_requests')
			.insert({
				organization_id: editorOrg,
				service_id: editorService,
				changes: { organization: { description_fr: 'Une description revue.' } }
			})
			.select('id')
			.single<{ id: string }>();
		expect(request.error).toBeNull();
		refused(
			await as.editor
				.from('change_requests')
				.update({ changes: { organization: { name: 'Swapped under review' } } })
				.eq('id', request.data?.id ?? ''),
			'editor edits a request under review'
		);
		refused(
			await as.editor.rpc('decide_change_request', {
				p_change_request_id: request.data?.id,
				p_apply: true
			}),
			'editor applies their own request'
		);
		refused(
			await as.editor2.rpc('withdraw_change_request', {
				p_change_request_id: request.data?.id
			}),
			'another editor withdraws the request'
		);

		expect(await publicView(watched)).toEqual(before);
		const { data: sideProject } = await anon
			.from('resource_index')
			.select('id')
			.eq('organization_id', own.data as string);
		expect(sideProject).toEqual([]);
	});

	it('lets the sanctioned paths through: a moderator applies the request exactly as submitted', async () => {
		const submitted = await as.editor
			.from('change_requests')
			.insert({
				organization_id: editorOrg,
				service_id: editorService,
				changes: { service: { accepting_new: 'waitlist' } }
			})
			.select('id')
			.single<{ id: string }>();
		expect(submitted.error).toBeNull();
		const otherBefore = await publicView([otherOrg]);
		const applied = await as.moderator.rpc('decide_change_request', {
			p_change_request_id: submitted.data?.id,
			p_apply: true
		});
		expect(applied.error).toBeNull();
		const { data } = await anon
			.from('resource_index')
			.select('accepting_new')
			.eq('service_id', editorService);
		expect((data ?? []).map((r: { accepting_new: string }) => r.accepting_new)).toContain(
			'waitlist'
		);
		expect(await publicView([otherOrg])).toEqual(otherBefore);
		refused(
			await as.moderator.rpc('decide_change_request', {
				p_change_request_id: submitted.data?.id,
				p_apply: true
			}),
			'a request is applied once'
		);
	});
});
