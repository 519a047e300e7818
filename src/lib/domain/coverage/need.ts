import { SOURCES, type SourceId } from './measures.ts';
import { population65plus } from './supply.ts';
import type { QuartierInput } from './types.ts';

/** The need indicators reported for each quartier and the region. */
export type NeedIndicatorId =
	| 'population'
	| 'population_65plus'
	| 'share_65plus_pct'
	| 'single_households_pct'
	| 'median_income_eur';

/** One indicator value with where it comes from. */
export interface IndicatorValue {
	/** Null when the source has no value (e.g. income of a park). */
	value: number | null;
	source: SourceId[];
	year: string;
}

/** A regional reference value and how it was aggregated. */
export interface RegionalIndicatorValue extends IndicatorValue {
	/** `sum`, or the weight of the weighted mean. */
	aggregation: 'sum' | 'population_weighted_mean' | 'household_weighted_mean';
	/** Quartiers that had a value and a positive weight. */
	quartierCount: number;
}

export type NeedIndicators = Record<NeedIndicatorId, IndicatorValue>;
export type RegionalNeedIndicators = Record<NeedIndicatorId, RegionalIndicatorValue>;

const YEARS: Record<NeedIndicatorId, string> = {
	population: SOURCES.statbel_population_2019.year,
	population_65plus: '2019 × ≈2018',
	share_65plus_pct: '≈2018',
	single_households_pct: '2011',
	median_income_eur: SOURCES.ibsa_median_income_2019.year
};
const INDICATOR_SOURCES: Record<NeedIndicatorId, SourceId[]> = {
	population: ['statbel_population_2019'],
	population_65plus: ['statbel_population_2019', 'ulb_compilation_2011_2018'],
	share_65plus_pct: ['ulb_compilation_2011_2018'],
	single_households_pct: ['ulb_compilation_2011_2018'],
	median_income_eur: ['ibsa_median_income_2019']
};

function finiteOrNull(value: number | null | undefined): number | null {
	return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

function indicator(id: NeedIndicatorId, value: number | null): IndicatorValue {
	return { value, source: INDICATOR_SOURCES[id], year: YEARS[id] };
}

/**
 * Need indicators of one quartier, each with its source and year.
 *
 * @example needIndicators(grandPlace).share_65plus_pct // { value: 8.02, source: ['ulb_…'], year: '≈2018' }
 */
export function needIndicators(quartier: QuartierInput): NeedIndicators {
	return {
		population: indicator('population', quartier.pop_2019),
		population_65plus: indicator('population_65plus', population65plus(quartier)),
		share_65plus_pct: indicator('share_65plus_pct', finiteOrNull(quartier.share_65plus_pct)),
		single_households_pct: indicator(
			'single_households_pct',
			finiteOrNull(quartier.share_single_households_pct)
		),
		median_income_eur: indicator('median_income_eur', finiteOrNull(quartier.median_income_2019))
	};
}

function weightedMean(
	quartiers: readonly QuartierInput[],
	value: (q: QuartierInput) => number | null,
	weight: (q: QuartierInput) => number | null
) {
	let sum = 0;
	let weights = 0;
	let count = 0;
	for (const q of quartiers) {
		const v = finiteOrNull(value(q));
		const w = finiteOrNull(weight(q));
		if (v === null || w === null || w <= 0) continue;
		sum += v * w;
		weights += w;
		count += 1;
	}
	return { value: weights > 0 ? sum / weights : null, count };
}

/**
 * Regional reference values: population and 65+ residents are sums; the 65+ share and median
 * income are population-weighted means over quartiers with a value; the single-household share is
 * weighted by households (it is a share of households), falling back to population when no
 * quartier has a household count. The income reference is a weighted mean of medians, not the
 * regional median.
 *
 * @example regionalNeedIndicators(quartiers).population.value // 1205395
 */
export function regionalNeedIndicators(
	quartiers: readonly QuartierInput[]
): RegionalNeedIndicators {
	let population = 0;
	let pop65 = 0;
	let pop65Count = 0;
	for (const q of quartiers) {
		population += q.pop_2019;
		const p = population65plus(q);
		if (p !== null) {
			pop65 += p;
			pop65Count += 1;
		}
	}
	const byPopulation = (q: QuartierInput) => q.pop_2019;
	const share65 = weightedMean(quartiers, (q) => q.share_65plus_pct, byPopulation);
	const byHouseholds = weightedMean(
		quartiers,
		(q) => q.share_single_households_pct,
		(q) => q.households
	);
	const single =
		byHouseholds.count > 0
			? { ...byHouseholds, aggregation: 'household_weighted_mean' as const }
			: {
					...weightedMean(quartiers, (q) => q.share_single_households_pct, byPopulation),
					aggregation: 'population_weighted_mean' as const
				};
	const income = weightedMean(quartiers, (q) => q.median_income_2019, byPopulation);
	const regional = (
		id: NeedIndicatorId,
		value: number | null,
		aggregation: RegionalIndicatorValue['aggregation'],
		quartierCount: number
	): RegionalIndicatorValue => ({ ...indicator(id, value), aggregation, quartierCount });

	return {
		population: regional('population', population, 'sum', quartiers.length),
		population_65plus: regional(
			'population_65plus',
			pop65Count > 0 ? pop65 : null,
			'sum',
			pop65Count
		),
		share_65plus_pct: regional(
			'share_65plus_pct',
			share65.value,
			'population_weighted_mean',
			share65.count
		),
		single_households_pct: regional(
			'single_households_pct',
			single.value,
			single.aggregation,
			single.count
		),
		median_income_eur: regional(
			'median_income_eur',
			income.value,
			'population_weighted_mean',
			income.count
		)
	};
}
