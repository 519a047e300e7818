// The seed's pure parts: loaders of the shared open data and the demo generator. No database.
import { describe, expect, it } from 'vitest';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import {
	DEMO_ORGANIZATION_ID_RANGE,
	generateDemo,
	type DemoInput
} from '../../supabase/seed/demo.ts';
import {
	loadCommunes,
	loadQuartierCollection,
	loadQuartiers,
	loadSectors,
	loadStreets,
	loadTaxonomy
} from '../../supabase/seed/geography.ts';

const quartiers = loadQuartiers();
const communes = loadCommunes();
const taxonomy = loadTaxonomy();
const quartierCollection = loadQuartierCollection();
const input = (count: number, seed?: number): DemoInput => ({
	count,
	today: '2026-11-23',
	quartiers,
	quartierCollection,
	streets: loadStreets(),
	communes,
	taxonomy,
	seed
});

describe('geography loaders', () => {
	it('loads 19 communes, 145 quartiers and 724 sectors', () => {
		expect(communes).toHaveLength(19);
		expect(quartiers).toHaveLength(145);
		expect(loadSectors()).toHaveLength(724);
	});

	it('gives every quartier a representative point inside itself', () => {
		for (const q of quartiers) {
			expect(quartierAt([q.point_lon, q.point_lat], quartierCollection)).toBe(q.mdrc);
		}
	});

	it('carries the indicators of the shared CSV', () => {
		const grandPlace = quartiers.find((q) => q.mdrc === 1);
		expect(grandPlace).toMatchObject({
			name_fr: 'Grand Place',
			type: 'residential',
			nis_main: '21004',
			pop_2019: 3384,
			households: 2512,
			median_income_2019: 19244.98,
			share_65plus_pct: 8.02,
			share_single_person_households_pct: 67.28
		});
		const cemetery = quartiers.find((q) => q.mdrc === 700);
		expect(cemetery?.median_income_2019).toBeNull();
		const total = loadSectors().reduce((sum, s) => sum + s.pop_2019, 0);
		expect(total).toBe(1_205_395);
	});

	it('maps every sector point to a quartier', () => {
		for (const s of loadSectors()) {
			expect(quartierAt([s.point_lon, s.point_lat], quartierCollection)).not.toBeNull();
		}
	});

	it('loads the taxonomy with parents before children', () => {
		expect(taxonomy.categories).toHaveLength(13);
		expect(taxonomy.supportKinds).toHaveLength(39);
		expect(taxonomy.targetGroups).toHaveLength(17);
		expect(taxonomy.languages.map((l) => l.code)).toEqual(
			expect.arrayContaining(['fr', 'nl', 'ar', 'tr', 'ln', 'ber', 'rif'])
		);
		const seen = new Set<string>();
		for (const kind of taxonomy.supportKinds) {
			if (kind.parent_code) expect(seen.has(kind.parent_code)).toBe(true);
			seen.add(kind.code);
		}
	});
});

describe('generateDemo', () => {
	const demo = generateDemo(input(320));
	const published = new Set(
		demo.organizations
			.filter((o) => ['active', 'paused', 'dormant'].includes(o.status))
			.map((o) => o.id)
	);

	it('is deterministic', () => {
		expect(generateDemo(input(320))).toEqual(demo);
		expect(generateDemo(input(320, 7)).organizations[0]).not.toEqual(demo.organizations[0]);
	});

	it('makes exactly `count` published resources, over 100+ quartiers and all categories', () => {
		const rows = demo.serviceAtLocation.filter((r) => published.has(r.organization_id));
		expect(rows).toHaveLength(320);
		expect(demo.published).toBe(320);
		const locationQuartier = new Map(demo.locations.map((l) => [l.id, l.mdrc]));
		expect(
			new Set(rows.map((r) => locationQuartier.get(r.location_id))).size
		).toBeGreaterThanOrEqual(100);
		expect(new Set(demo.organizations.map((o) => o.category)).size).toBe(13);
	});

	it('mixes statuses, trust tiers and precisions', () => {
		const statuses = new Set(demo.organizations.map((o) => o.status));
		for (const status of ['active', 'paused', 'dormant', 'pending', 'rejected']) {
			expect(statuses).toContain(status);
		}
		const vouched = demo.organizations.filter((o) => o.trust_tier === 'vouched');
		expect(vouched.length).toBeGreaterThan(0);
		const index = new Map(demo.organizations.map((o, i) => [o.id, i]));
		for (const o of vouched) {
			// The voucher is published and comes earlier, so batch inserts satisfy the foreign key.
			expect(published.has(o.vouched_by_organization_id ?? '')).toBe(true);
			expect(index.get(o.vouched_by_organization_id ?? '')).toBeLessThan(index.get(o.id) ?? 0);
		}
		const quartierOnly = demo.locations.filter((l) => l.location_precision === 'quartier');
		expect(quartierOnly.length / demo.locations.length).toBeGreaterThan(0.05);
		expect(quartierOnly.length / demo.locations.length).toBeLessThan(0.2);
		for (const l of quartierOnly) expect(l.address).toBeNull();
	});

	it('stores the quartier of every exact and street point as quartierAt computes it', () => {
		for (const l of demo.locations) {
			if (l.location_precision === 'quartier') continue;
			expect(quartierAt([l.lon, l.lat], quartierCollection)).toBe(l.mdrc);
			expect(l.lon).toBeGreaterThan(4.24);
			expect(l.lon).toBeLessThan(4.49);
			expect(l.lat).toBeGreaterThan(50.76);
			expect(l.lat).toBeLessThan(50.92);
		}
	});

	it('uses only taxonomy codes and community language codes', () => {
		const kinds = new Set(taxonomy.supportKinds.map((k) => k.code));
		const groups = new Set(taxonomy.targetGroups.map((g) => g.code));
		const languages = new Set(taxonomy.languages.map((l) => l.code));
		const used = new Set<string>();
		for (const s of demo.services) {
			for (const k of s.support_kinds) expect(kinds.has(k)).toBe(true);
			for (const g of s.target_groups) expect(groups.has(g)).toBe(true);
			for (const l of s.languages) {
				expect(languages.has(l)).toBe(true);
				used.add(l);
			}
			if (s.schedule_kind === 'hours') expect(s.schedules).toMatch(/^(Mo|Tu|We|Th|Fr|Sa|Su)/);
		}
		expect(used.size).toBeGreaterThanOrEqual(12);
	});

	it('is obviously fictional', () => {
		for (const o of demo.organizations) expect(o.name).toMatch(/\(demo \d+\)$/);
		for (const c of demo.contactChannels) {
			if (c.kind === 'phone' || c.kind === 'whatsapp')
				expect(c.value).toMatch(/^\+32 2 000 \d\d \d\d$/);
			if (c.kind === 'email') expect(c.value).toMatch(/@[a-z0-9-]+\.invalid$/);
			if (c.kind === 'website') expect(c.value).toMatch(/^https:\/\/www\.[a-z0-9-]+\.invalid$/);
		}
	});

	it('keeps ids in the demo range', () => {
		const [first, last] = DEMO_ORGANIZATION_ID_RANGE;
		for (const o of demo.organizations) {
			expect(o.id >= first && o.id <= last).toBe(true);
		}
		expect(new Set(demo.services.map((s) => s.id)).size).toBe(demo.services.length);
	});

	it('scales to 50 000 resources', () => {
		const large = generateDemo(input(50_000));
		expect(large.published).toBe(50_000);
		expect(new Set(large.locations.map((l) => l.mdrc)).size).toBeGreaterThanOrEqual(130);
	});
});
