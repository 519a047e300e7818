import { describe, expect, it } from 'vitest';
import { computeGapIndex, meanAndSd, zScore, type GapInputs } from './gap.ts';

function row(
	mdrc: number,
	share65plusPct: number,
	singleHouseholdsPct: number,
	medianIncomeEur: number,
	supplyValue: number | null
): GapInputs {
	return { mdrc, share65plusPct, singleHouseholdsPct, medianIncomeEur, supplyValue };
}

describe('meanAndSd and zScore', () => {
	it('uses the population standard deviation', () => {
		expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
		expect(zScore(9, { mean: 5, sd: 2 })).toBe(2);
	});

	it('gives 0 when the values do not vary', () => {
		expect(zScore(3, meanAndSd([3, 3, 3]))).toBe(0);
	});
});

describe('computeGapIndex', () => {
	it('ranks high need with low supply first, and shows every component', () => {
		// Three quartiers: 2 has the most need (old, alone, poor) and the least supply.
		const result = computeGapIndex([
			row(1, 10, 40, 24000, 0.9),
			row(2, 20, 60, 16000, 0.3),
			row(3, 15, 50, 20000, 0.6)
		]);
		expect(result.entries.map((e) => [e.mdrc, e.rank])).toEqual([
			[2, 1],
			[3, 2],
			[1, 3]
		]);
		// Each input is symmetric around quartier 3: z = ±√(3/2) for 1 and 2, 0 for 3.
		const z = Math.sqrt(3 / 2);
		const top = result.entries[0]!;
		expect(top.inputs).toEqual(row(2, 20, 60, 16000, 0.3));
		expect(top.components.z65plus).toBeCloseTo(z, 12);
		expect(top.components.zSingleHouseholds).toBeCloseTo(z, 12);
		expect(top.components.zInverseIncome).toBeCloseTo(z, 12);
		expect(top.components.needScore).toBeCloseTo(z, 12);
		expect(top.components.needZ).toBeCloseTo(z, 12);
		expect(top.components.supplyZ).toBeCloseTo(-z, 12);
		expect(top.gap).toBeCloseTo(2 * z, 12);
		expect(result.entries[1]!.gap).toBeCloseTo(0, 12);
		expect(result.statistics?.medianIncomeEur.mean).toBe(20000);
		expect(result.statistics?.count).toBe(3);
	});

	it('ranks by need alone when supply is equal everywhere', () => {
		const result = computeGapIndex([
			row(1, 10, 40, 24000, 1),
			row(2, 12, 40, 24000, 1),
			row(3, 11, 40, 24000, 1)
		]);
		expect(result.entries.map((e) => e.mdrc)).toEqual([2, 3, 1]);
		expect(result.entries.every((e) => e.components.supplyZ === 0)).toBe(true);
	});

	it('breaks exact ties by the smaller mdrc', () => {
		const result = computeGapIndex([row(7, 10, 40, 20000, 0.5), row(3, 10, 40, 20000, 0.5)]);
		expect(result.entries.map((e) => [e.mdrc, e.rank, e.gap])).toEqual([
			[3, 1, 0],
			[7, 2, 0]
		]);
	});

	it('leaves out quartiers with a missing input and says which', () => {
		const result = computeGapIndex([
			row(1, 10, 40, 24000, 0.9),
			row(2, 20, 60, 16000, null),
			{
				mdrc: 3,
				share65plusPct: null,
				singleHouseholdsPct: 50,
				medianIncomeEur: null,
				supplyValue: 1
			}
		]);
		expect(result.entries.map((e) => e.mdrc)).toEqual([1]);
		expect(result.skipped).toEqual([
			{ mdrc: 2, missing: ['supplyValue'] },
			{ mdrc: 3, missing: ['share65plusPct', 'medianIncomeEur'] }
		]);
	});

	it('returns no entries and no statistics for no input', () => {
		expect(computeGapIndex([])).toEqual({ entries: [], skipped: [], statistics: null });
	});
});
