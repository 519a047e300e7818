// Attacks on what people send and who belongs where, made as a user with the public anon key and
// a real token would make them: straight at the API with supabase-js, against the gateway on
// each executor (PGlite; PostgreSQL too when NABIJ_PG_ADMIN_URL is set). Each attempt is refused
// with a 4xx (or the rule holds), and what the public sees in resource_index does not change.
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@nabij/supabase-local';
import { executorKinds, startTestGateway } from '@nabij/supabase-local/testing';
import { DEMO_ACCOUNTS, seed } from '../../supabase/seed/run.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../supabase/migrations', import.meta.url));

const clientOptions = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};

type Result = { error: { code: string } | null; status: number };

/** The request was refused by the API with a client error. */
function expectRefused(result: Result, status?: number): void {
	expect(result.error).not.toBeNull();
	if (status) expect(result.status).toBe(status);
	expect(result.status).toBeGreaterThanOrEqual(400);
	expect(result.status).toBeLessThan(500);
}

describe.each(executorKinds())('attacks on reports, signals and memberships on %s', (kind) => {
	let gateway: Gateway;
	let anon: SupabaseClient;
	let service: SupabaseClient;
	let publicView = '';
	// Published organizations, and those without any editor (attacked once each, so that
	// quotas do not mix).
	let targets: string[] = [];
	let unstaffed: string[] = [];

	const client = () => createClient(gateway.url, gateway.anonKey, clientOptions);

	async function signedIn(role: string, index = 0): Promise<SupabaseClient> {
		const account = DEMO_ACCOUNTS.filter((a) => a.role === role)[index];
		if (!account) throw new Error(`no demo account for ${role}`);
		const supabase = client();
		const { error } = await supabase.auth.signInWithPassword(account);
		if (error) throw error;
		return supabase;
	}

	async function userId(supabase: SupabaseClient): Promise<string> {
		const { data } = await supabase.auth.getUser();
		if (!data.user) throw new Error('not signed in');
		return data.user.id;
	}

	/** Everything the public reads, as one string to compare. */
	async function snapshot(): Promise<string> {
		const { data, error } = await client().from('resource_index').select('*').order('id');
		if (error) throw new Error(error.message);
		return JSON.stringify(data);
	}

	async function reportCount(organizationId: string, status = 'open'): Promise<number> {
		const { count } = await service
			.from('error_reports')
			.select('id', { count: 'exact', head: true })
			.eq('organization_id', organizationId)
			.eq('status', status);
		return count ?? 0;
	}

	beforeAll(async () => {
		gateway = await startTestGateway(kind, { migrationsDir: MIGRATIONS_DIR });
		// The demo entries are enough to attack; the OpenStreetMap import has its own tests.
		await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey, demo: 30, osm: false });
		anon = client();
		service = createClient(gateway.url, gateway.serviceRoleKey, clientOptions);
		const { data } = await anon.from('resource_index').select('organization_id').order('id');
		targets = [...new Set((data ?? []).map((r: { organization_id: string }) => r.organization_id))];
		const { data: staffed } = await service.from('organization_members').select('organization_id');
		const staffedIds = new Set(
			(staffed ?? []).map((m: { organization_id: string }) => m.organization_id)
		);
		unstaffed = targets.filter((id) => !staffedIds.has(id));
		expect(unstaffed.length).toBeGreaterThan(3);
		publicView = await snapshot();
	});

	afterAll(async () => {
		await gateway?.stop();
	});

	it('anon cannot insert 200 error reports in one request', async () => {
		const rows = Array.from({ length: 200 }, () => ({
			organization_id: unstaffed[0],
			kind: 'other',
			message: 'Flood'
		}));
		expectRefused(await anon.from('error_reports').insert(rows), 401);
		expect(await reportCount(unstaffed[0] as string)).toBe(0);
		expect(await snapshot()).toBe(publicView);
	});

	it('anon files at most five reports per entry and hour in a loop; then 429', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) {
			const { status } = await anon.rpc('report_error', {
				p_organization_id: unstaffed[0],
				p_kind: 'other',
				p_message: `Report ${i}`
			});
			statuses.push(status);
		}
		expect(statuses.filter((s) => s === 200)).toHaveLength(5);
		expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
		expect(await reportCount(unstaffed[0] as string)).toBe(5);
		expectRefused(
			await anon.rpc('report_error', {
				p_organization_id: unstaffed[1],
				p_kind: 'other',
				p_message: 'x'.repeat(1001)
			}),
			400
		);
		expect(await snapshot()).toBe(publicView);
	});

	it('members see and answer reports about their entry but cannot dismiss them', async () => {
		const editor = await signedIn('org_editor');
		const { data: memberships } = await editor
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', await userId(editor));
		const own = (memberships ?? [])
			.map((m: { organization_id: string }) => m.organization_id)
			.find((id) => targets.includes(id));
		expect(own).toBeDefined();
		const organizationId = own as string;
		const filed = await anon.rpc('report_error', {
			p_organization_id: organizationId,
			p_kind: 'wrong_schedule'
		});
		expect(filed.error).toBeNull();
		const reportId = filed.data as string;

		const { data: visible } = await editor.from('error_reports').select('id').eq('id', reportId);
		expect(visible).toEqual([{ id: reportId }]);
		expectRefused(
			await editor
				.from('error_reports')
				.update({ status: 'dismissed', resolved_at: new Date().toISOString() })
				.eq('id', reportId),
			403
		);
		expectRefused(
			await editor.rpc('close_error_report', { p_report_id: reportId, p_status: 'dismissed' }),
			403
		);
		expectRefused(await editor.from('error_reports').delete().eq('id', reportId), 403);
		const answered = await editor.rpc('answer_error_report', {
			p_report_id: reportId,
			p_reply: 'The new hours are on the entry.'
		});
		expect(answered.error).toBeNull();
		expect(await reportCount(organizationId, 'open')).toBe(1);

		const moderator = await signedIn('moderator');
		const closed = await moderator.rpc('close_error_report', {
			p_report_id: reportId,
			p_status: 'resolved'
		});
		expect(closed.error).toBeNull();
		expect(await reportCount(organizationId, 'resolved')).toBe(1);
		expect(await snapshot()).toBe(publicView);
	});

	it('a social worker cannot record hundreds of need signals', async () => {
		const worker = await signedIn('social_worker');
		const signal = { mdrc: 1, support_kind: 'home_visits', outcome: 'not_found' };
		const signalCount = async () =>
			(await service.from('need_signals').select('id', { count: 'exact', head: true })).count ?? 0;
		const before = await signalCount();
		expectRefused(
			await worker.from('need_signals').insert(Array.from({ length: 300 }, () => signal)),
			429
		);
		expect(await signalCount()).toBe(before);
		const statuses: number[] = [];
		for (let i = 0; i < 55; i++) {
			statuses.push((await worker.from('need_signals').insert(signal)).status);
		}
		expect(statuses.filter((s) => s === 201)).toHaveLength(50);
		expect(statuses.slice(50)).toEqual([429, 429, 429, 429, 429]);
		expect(await signalCount()).toBe(before + 50);
		expect(await snapshot()).toBe(publicView);
	});

	it('an analyst cannot lower the minimum count or ask for one day', async () => {
		const analyst = await signedIn('policy_analyst');
		expectRefused(await analyst.rpc('need_signal_counts', { min_count: 1 }), 400);
		expectRefused(await analyst.rpc('need_signal_counts', { min_count: 4 }), 400);
		expectRefused(
			await analyst.rpc('need_signal_counts', { from_date: '2026-11-04', to_date: '2026-11-04' }),
			400
		);
		expectRefused(
			await analyst.rpc('need_signal_counts', { from_date: '2026-11-02', to_date: '2026-11-03' }),
			400
		);
		const week = await analyst.rpc('need_signal_counts', {
			from_date: '2026-11-02',
			to_date: '2026-11-08'
		});
		expect(week.error).toBeNull();
		// Signals of the current week are not counted yet, whatever the range.
		const now = await analyst.rpc('need_signal_counts', {});
		expect(now.error).toBeNull();
		expect((now.data as { mdrc: number }[]).some((row) => row.mdrc === 1)).toBe(false);
	});

	it('a member cannot add an arbitrary user id to their organization', async () => {
		const editor = await signedIn('org_editor');
		const analyst = await signedIn('policy_analyst');
		const editorId = await userId(editor);
		const analystId = await userId(analyst);
		const { data: owned } = await editor
			.from('organization_members')
			.select('organization_id')
			.eq('user_id', editorId)
			.eq('member_role', 'owner')
			.limit(1)
			.single();
		const organizationId = (owned as { organization_id: string }).organization_id;
		expectRefused(
			await editor
				.from('organization_members')
				.insert({ organization_id: organizationId, user_id: analystId, member_role: 'owner' }),
			403
		);
		expectRefused(
			await editor
				.from('organization_members')
				.update({ user_id: analystId })
				.eq('organization_id', organizationId)
				.eq('user_id', editorId),
			403
		);
		expectRefused(
			await analyst
				.from('organization_members')
				.insert({ organization_id: organizationId, user_id: analystId }),
			403
		);
		expectRefused(
			await editor.from('quartier_surveys').insert({
				mdrc: 1,
				organization_id: organizationId,
				checked_on: '2026-11-01'
			}),
			403
		);
		// A moderator records a survey, always in their own name.
		const moderator = await signedIn('moderator');
		const surveyed = await moderator.from('quartier_surveys').insert({
			mdrc: 2,
			organization_id: organizationId,
			checked_on: '2026-11-01',
			created_by: editorId
		});
		expect(surveyed.error).toBeNull();
		const { data: survey } = await service
			.from('quartier_surveys')
			.select('created_by')
			.eq('mdrc', 2)
			.eq('checked_on', '2026-11-01')
			.single();
		expect(survey).toEqual({ created_by: await userId(moderator) });
		const { count } = await service
			.from('organization_members')
			.select('user_id', { count: 'exact', head: true })
			.eq('user_id', analystId);
		expect(count).toBe(0);
		expect(await snapshot()).toBe(publicView);
	});

	it('deleting an account leaves its published entries and their history', async () => {
		const leaver = client();
		const email = `leaving-${kind}@example.test`;
		const password = 'long enough password';
		// A confirmed account (sign-ups need a mailed confirmation, as on the hosted project).
		const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
		if (created.error) throw created.error;
		const { data: signUp, error } = await leaver.auth.signInWithPassword({ email, password });
		if (error || !signUp.user) throw error ?? new Error('no user');
		// The leaver is the only editor of a published entry.
		const organizationId = unstaffed[2] as string;
		const joined = await service.from('organization_members').insert({
			organization_id: organizationId,
			user_id: signUp.user.id,
			member_role: 'owner'
		});
		expect(joined.error).toBeNull();
		const history = async () =>
			(
				await service
					.from('organization_history')
					.select('action')
					.eq('organization_id', organizationId)
					.order('id')
			).data ?? [];
		const before = await history();
		expect(before.length).toBeGreaterThan(0);

		// Row level security leaves a published entry out of the editor's deletable rows.
		const removed = await leaver
			.from('organizations')
			.delete()
			.eq('id', organizationId)
			.select('id');
		expect(removed.data ?? []).toEqual([]);
		const deleted = await leaver.rpc('delete_my_account');
		expect(deleted.error).toBeNull();
		expect(deleted.data).toBe(0);

		const { data: entry } = await anon
			.from('organizations')
			.select('id, status')
			.eq('id', organizationId)
			.single();
		expect(['active', 'paused', 'dormant']).toContain(entry?.status);
		expect(await history()).toEqual([...before, { action: 'note' }]);
		expect(await snapshot()).toBe(publicView);
	});
});
