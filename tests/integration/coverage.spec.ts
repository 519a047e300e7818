// The coverage data module against the local gateway with the seed: what each role may read,
// and coverage computed from what was read.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage } from '#lib/domain/coverage/index.ts';
import { brusselsToday } from '#lib/domain/schedule/brussels-time.ts';
import { DataError } from '#lib/server/db/errors.ts';
import * as coverage from '#lib/server/db/coverage.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { DEMO_ACCOUNTS, seed } from '../../supabase/seed/run.ts';

let gateway: Gateway;
let anon: SupabaseClient;

const service = () =>
	createClient(gateway.url, gateway.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
const client = () =>
	createClient(gateway.url, gateway.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});

async function signedIn(role: string): Promise<SupabaseClient> {
	const account = DEMO_ACCOUNTS.find((a) => a.role === role);
	if (!account) throw new Error(`no demo account for ${role}`);
	const supabase = client();
	const { error } = await supabase.auth.signInWithPassword(account);
	if (error) throw error;
	return supabase;
}

beforeAll(async () => {
	gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	// More than one page of 1,000 rows, so paging is exercised.
	// Coverage figures below are counted over the demo entries alone.
	await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey, demo: 1100, osm: false });
	anon = client();
	coverage.clearReferenceCache();
});

afterAll(async () => {
	coverage.clearReferenceCache();
	await gateway?.stop();
});

describe('reference data', () => {
	it('loads 145 quartiers with outlines and indicators, 724 sectors and 19 communes', async () => {
		const g = await coverage.geography(anon);
		expect(g.quartiers).toHaveLength(145);
		expect(g.sectors).toHaveLength(724);
		expect(g.communes).toHaveLength(19);
		const grandPlace = g.quartiers.find((q) => q.mdrc === 1);
		expect(grandPlace?.geometry.type).toMatch(/Polygon$/);
		expect(grandPlace?.name_fr).toBe('Grand Place');
		expect(typeof grandPlace?.share_65plus_pct).toBe('number');
		expect(typeof grandPlace?.median_income_2019).toBe('number');
		expect(g.sectors.reduce((sum, s) => sum + s.pop_2019, 0)).toBe(1_205_395);
	});

	it('keeps geography and taxonomy in memory after the first read', async () => {
		expect(await coverage.geography(anon)).toBe(await coverage.geography(client()));
		expect(await coverage.taxonomy(anon)).toBe(await coverage.taxonomy(client()));
	});

	it('lists categories and second-level support kinds with labels', async () => {
		const t = await coverage.taxonomy(anon);
		expect(t.categories.map((c) => c.code)).toContain('local_service_centre');
		expect(t.supportKinds.length).toBeGreaterThan(5);
		expect(t.supportKinds.every((k) => k.label_fr && k.label_nl && k.label_en)).toBe(true);
	});
});

describe('resources', () => {
	it('reads every published resource, past the 1,000-row page', async () => {
		const rows = await coverage.resources(anon);
		expect(rows.length).toBeGreaterThan(1000);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		for (const r of rows) {
			expect(['active', 'paused', 'dormant']).toContain(r.status);
			expect(Number.isInteger(r.mdrc)).toBe(true);
			expect(Array.isArray(r.support_kinds)).toBe(true);
		}
	});
});

describe('need signals', () => {
	it('are refused to anonymous visitors and to social workers', async () => {
		await expect(coverage.needSignals(anon)).rejects.toBeInstanceOf(DataError);
		await expect(coverage.needSignals(await signedIn('social_worker'))).rejects.toMatchObject({
			kind: 'forbidden'
		});
	});

	it('reach policy analysts as counts, small cells left out', async () => {
		const worker = await signedIn('social_worker');
		const kind = (await coverage.taxonomy(anon)).supportKinds[0]?.code as string;
		const rows = [
			...Array.from({ length: 6 }, () => ({ mdrc: 7, support_kind: kind, outcome: 'not_found' })),
			...Array.from({ length: 2 }, () => ({ mdrc: 7, support_kind: kind, outcome: 'found' }))
		];
		const { error } = await worker.from('need_signals').insert(rows);
		expect(error).toBeNull();
		// Counts cover whole past weeks only: date the signals two weeks back, as if recorded then.
		const twoWeeksAgo = brusselsToday(new Date(Date.now() - 14 * 86_400_000));
		const moved = await service()
			.from('need_signals')
			.update({ created_on: twoWeeksAgo })
			.eq('mdrc', 7);
		expect(moved.error).toBeNull();

		const counts = await coverage.needSignals(await signedIn('policy_analyst'));
		expect(counts).toContainEqual({ mdrc: 7, support_kind: kind, outcome: 'not_found', count: 6 });
		expect(counts.some((c) => c.mdrc === 7 && c.outcome === 'found')).toBe(false);
	});
});

describe('coverage from the loaded data', () => {
	it('gives every residential quartier a value', async () => {
		const g = await coverage.geography(anon);
		const analyst = await signedIn('policy_analyst');
		const [resources, surveys, signals] = await Promise.all([
			coverage.resources(analyst),
			coverage.surveys(analyst),
			coverage.needSignals(analyst)
		]);
		const result = computeCoverage({
			quartiers: g.quartiers,
			sectors: g.sectors,
			resources,
			surveys,
			signals,
			now: new Date()
		});
		const residential = result.quartiers.filter((q) => !q.excluded);
		expect(residential).toHaveLength(118);
		for (const q of residential) {
			expect(q.walking.byThreshold.map((t) => t.share)).not.toContain(null);
			expect(q.supply.selected.per1000Residents).not.toBeNull();
		}
		expect(result.region.rankedCount).toBeGreaterThan(100);
		expect(result.quartiers.find((q) => q.mdrc === 7)?.signals).toHaveLength(1);
	});

	it('turns a quartier without matching resources into a gap once someone checks it', async () => {
		const g = await coverage.geography(anon);
		const resources = await coverage.resources(anon);
		// The rarest category leaves many quartiers without a matching resource.
		const counts = new Map<string, number>();
		for (const r of resources) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
		const rarest = [...counts].sort((a, b) => a[1] - b[1])[0]?.[0] as string;
		const compute = (surveys: coverage.Survey[]) =>
			computeCoverage({
				quartiers: g.quartiers,
				sectors: g.sectors,
				resources,
				surveys,
				signals: [],
				filters: { category: rarest },
				now: new Date()
			});
		const before = compute(await coverage.surveys(anon));
		const candidate = before.quartiers.find(
			(q) =>
				!q.excluded &&
				q.supply.selected.count === 0 &&
				q.survey.lastSurvey === null &&
				(q.survey.confirmedShare === null || q.survey.confirmedShare >= 0.5)
		);
		expect(candidate).toBeDefined();
		const mdrc = candidate?.mdrc as number;
		expect(candidate?.finding).not.toBe('gap');

		const moderator = await signedIn('moderator');
		const { data: user } = await moderator.auth.getUser();
		const { error } = await moderator.from('quartier_surveys').insert({
			mdrc,
			organization_id: await organizationOf(resources[0]?.id),
			checked_on: brusselsToday(),
			created_by: user.user?.id
		});
		expect(error).toBeNull();

		const surveys = await coverage.surveys(anon);
		const survey = surveys.find((s) => s.mdrc === mdrc);
		expect(survey?.organization_name.length).toBeGreaterThan(1);
		const after = compute(surveys).quartiers.find((q) => q.mdrc === mdrc);
		expect(after?.survey.status).toBe('surveyed');
		expect(after?.finding).toBe('gap');
	});
});

async function organizationOf(resourceId: string | undefined): Promise<string> {
	const { data, error } = await anon
		.from('resource_index')
		.select('organization_id')
		.eq('id', resourceId ?? '')
		.single();
	if (error) throw error;
	return data.organization_id as string;
}
