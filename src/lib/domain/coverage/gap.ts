// The gap index: see GAP_INDEX_FORMULA in measures.ts and its words in messages/coverage.

/** The inputs of one quartier to the gap index. */
export interface GapInputs {
	mdrc: number;
	share65plusPct: number | null;
	singleHouseholdsPct: number | null;
	medianIncomeEur: number | null;
	/** Walking coverage share (0–1) or resources per 1,000 residents, as chosen by the caller. */
	supplyValue: number | null;
}

/** The intermediate values, so every step of the index can be shown. */
export interface GapComponents {
	z65plus: number;
	zSingleHouseholds: number;
	/** `−z(median income)`: lower income, higher need. */
	zInverseIncome: number;
	/** Mean of the three z-scores above. */
	needScore: number;
	/** z-score of `needScore`. */
	needZ: number;
	/** z-score of `supplyValue`. */
	supplyZ: number;
}

/** One ranked quartier. */
export interface GapEntry {
	mdrc: number;
	inputs: GapInputs;
	components: GapComponents;
	/** `needZ − supplyZ`; positive means more need than supply, relative to other quartiers. */
	gap: number;
	/** 1 = largest gap. Ties are broken by the smaller mdrc. */
	rank: number;
}

/** Mean and population standard deviation of each standardised input. */
export interface GapStatistics {
	count: number;
	share65plusPct: { mean: number; sd: number };
	singleHouseholdsPct: { mean: number; sd: number };
	medianIncomeEur: { mean: number; sd: number };
	needScore: { mean: number; sd: number };
	supplyValue: { mean: number; sd: number };
}

/** Result of {@link computeGapIndex}. */
export interface GapIndexResult {
	/** Ranked, rank 1 first. */
	entries: GapEntry[];
	/** Quartiers left out of the ranking because an input is missing. */
	skipped: { mdrc: number; missing: (keyof Omit<GapInputs, 'mdrc'>)[] }[];
	statistics: GapStatistics | null;
}

/** Arithmetic mean and population standard deviation (divides by n). */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
	if (values.length === 0) return { mean: Number.NaN, sd: Number.NaN };
	const mean = values.reduce((s, v) => s + v, 0) / values.length;
	const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
	return { mean, sd: Math.sqrt(variance) };
}

/** `(x − mean) / sd`, or 0 when the values do not vary (sd 0 or only rounding noise). */
export function zScore(value: number, stats: { mean: number; sd: number }): number {
	return stats.sd > 1e-12 * Math.max(1, Math.abs(stats.mean)) ? (value - stats.mean) / stats.sd : 0;
}

const INPUT_KEYS = [
	'share65plusPct',
	'singleHouseholdsPct',
	'medianIncomeEur',
	'supplyValue'
] as const;

/**
 * Ranks quartiers by need relative to supply:
 * `needScore = mean(z(share65plus), z(singleHouseholds), −z(medianIncome))`,
 * `gap = z(needScore) − z(supplyValue)`, z-scores over the quartiers passed in that have every
 * input. Pass residential quartiers only.
 *
 * @example computeGapIndex([{ mdrc: 1, share65plusPct: 20, … }, …]).entries[0] // the largest gap
 */
export function computeGapIndex(rows: readonly GapInputs[]): GapIndexResult {
	const complete: (GapInputs & Record<(typeof INPUT_KEYS)[number], number>)[] = [];
	const skipped: GapIndexResult['skipped'] = [];
	for (const row of rows) {
		const missing = INPUT_KEYS.filter((k) => row[k] === null || !Number.isFinite(row[k]));
		if (missing.length > 0) skipped.push({ mdrc: row.mdrc, missing });
		else complete.push(row as GapInputs & Record<(typeof INPUT_KEYS)[number], number>);
	}
	if (complete.length === 0) return { entries: [], skipped, statistics: null };

	const s65 = meanAndSd(complete.map((r) => r.share65plusPct));
	const sSingle = meanAndSd(complete.map((r) => r.singleHouseholdsPct));
	const sIncome = meanAndSd(complete.map((r) => r.medianIncomeEur));
	const sSupply = meanAndSd(complete.map((r) => r.supplyValue));
	const partial = complete.map((r) => {
		const z65plus = zScore(r.share65plusPct, s65);
		const zSingleHouseholds = zScore(r.singleHouseholdsPct, sSingle);
		const zInverseIncome = -zScore(r.medianIncomeEur, sIncome);
		return {
			row: r,
			z65plus,
			zSingleHouseholds,
			zInverseIncome,
			needScore: (z65plus + zSingleHouseholds + zInverseIncome) / 3
		};
	});
	const sNeed = meanAndSd(partial.map((p) => p.needScore));
	const entries: GapEntry[] = partial.map((p) => {
		const needZ = zScore(p.needScore, sNeed);
		const supplyZ = zScore(p.row.supplyValue, sSupply);
		const { mdrc, share65plusPct, singleHouseholdsPct, medianIncomeEur, supplyValue } = p.row;
		return {
			mdrc,
			inputs: { mdrc, share65plusPct, singleHouseholdsPct, medianIncomeEur, supplyValue },
			components: {
				z65plus: p.z65plus,
				zSingleHouseholds: p.zSingleHouseholds,
				zInverseIncome: p.zInverseIncome,
				needScore: p.needScore,
				needZ,
				supplyZ
			},
			gap: needZ - supplyZ,
			rank: 0
		};
	});
	entries.sort((a, b) => b.gap - a.gap || a.mdrc - b.mdrc);
	entries.forEach((e, i) => (e.rank = i + 1));
	return {
		entries,
		skipped,
		statistics: {
			count: complete.length,
			share65plusPct: s65,
			singleHouseholdsPct: sSingle,
			medianIncomeEur: sIncome,
			needScore: sNeed,
			supplyValue: sSupply
		}
	};
}
