import { describe, expect, it } from 'vitest';
import { computeCoverage } from '#lib/domain/coverage/index.ts';
import { loadBrusselsFixtures, makeResource } from '#lib/domain/coverage/fixtures.ts';
import { buildTable, sortRows } from './table.ts';

const { quartiers, sectors } = loadBrusselsFixtures();
// One resource in each of three residential quartiers, all surveyed recently.
const resources = [1, 2, 3].map((mdrc) => {
	const q = quartiers.find((row) => row.mdrc === mdrc);
	return makeResource({ id: `r${mdrc}`, mdrc, lon: q?.lon ?? 4.35, lat: q?.lat ?? 50.85 });
});
const result = computeCoverage({
	quartiers,
	sectors,
	resources,
	surveys: [{ mdrc: 4, checked_on: '2026-11-01', organization_name: 'Antenne' }],
	signals: [],
	now: new Date('2026-11-23T12:00:00Z')
});

describe('buildTable', () => {
	const table = buildTable({ quartiers: result.quartiers, sort: 'rank', locale: 'fr' });

	it('ranks the 118 residential quartiers and lists the 27 others apart, by mdrc', () => {
		expect(table.ranked).toHaveLength(118);
		expect(table.other).toHaveLength(27);
		expect(table.other.every((r) => r.type !== 'residential')).toBe(true);
		expect(table.other.map((r) => r.mdrc)).toEqual(
			[...table.other.map((r) => r.mdrc)].sort((a, b) => a - b)
		);
	});

	it('sorts by rank with unranked quartiers last', () => {
		const ranks = table.ranked.map((r) => r.rank).filter((r) => r !== null);
		expect(ranks).toEqual([...ranks].sort((a, b) => (a as number) - (b as number)));
		expect(ranks[0]).toBe(1);
		const firstNull = table.ranked.findIndex((r) => r.rank === null);
		if (firstNull >= 0)
			expect(table.ranked.slice(firstNull).every((r) => r.rank === null)).toBe(true);
	});

	it('shows every gap index input', () => {
		const top = table.ranked[0];
		expect(top?.share65plus).not.toBeNull();
		expect(top?.singleHouseholds).not.toBeNull();
		expect(top?.medianIncome).not.toBeNull();
		expect(top?.walking1000).not.toBeNull();
		expect(top?.needZ).not.toBeNull();
		expect(top?.supplyZ).not.toBeNull();
		expect(top?.gap).toBeCloseTo((top?.needZ as number) - (top?.supplyZ as number), 10);
	});

	it('filters by commune', () => {
		const ixelles = buildTable({
			quartiers: result.quartiers,
			sort: 'rank',
			commune: '21009',
			locale: 'fr'
		});
		expect(ixelles.ranked.length).toBeGreaterThan(0);
		expect(ixelles.ranked.every((r) => r.nis === '21009')).toBe(true);
	});

	it('tells a gap (surveyed, nothing found) from a blind spot', () => {
		const row = (mdrc: number) => table.ranked.find((r) => r.mdrc === mdrc);
		expect(row(1)?.finding).toBe('has_resources');
		expect(row(4)?.finding).toBe('gap');
		expect(row(5)?.finding).toBe('blind_spot');
	});
});

describe('sortRows', () => {
	const { ranked } = buildTable({ quartiers: result.quartiers, sort: 'rank', locale: 'fr' });

	it('sorts descending with a leading minus', () => {
		const rows = sortRows(ranked, '-population', 'fr');
		for (let i = 1; i < rows.length; i++) {
			expect(rows[i]?.population as number).toBeLessThanOrEqual(rows[i - 1]?.population as number);
		}
	});

	it('sorts names with the reader’s collation', () => {
		const names = sortRows(ranked, 'name', 'fr').map((r) => r.name);
		expect(names).toEqual(
			[...names].sort(new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare)
		);
	});

	it('puts not-surveyed quartiers first when sorting by survey', () => {
		expect(sortRows(ranked, 'survey', 'fr')[0]?.survey).toBe('not_surveyed');
		expect(sortRows(ranked, '-survey', 'fr')[0]?.survey).not.toBe('not_surveyed');
	});
});
