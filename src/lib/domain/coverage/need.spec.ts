import { describe, expect, it } from 'vitest';
import { makeQuartier } from './fixtures.ts';
import { needIndicators, regionalNeedIndicators } from './need.ts';

describe('needIndicators', () => {
	it('gives each indicator with its source and year', () => {
		const need = needIndicators(
			makeQuartier({
				mdrc: 1,
				pop_2019: 3384,
				share_65plus_pct: 8.02,
				share_single_households_pct: 67.28,
				median_income_2019: 19244.98
			})
		);
		expect(need.population).toEqual({
			value: 3384,
			source: ['statbel_population_2019'],
			year: '2019'
		});
		expect(need.share_65plus_pct).toEqual({
			value: 8.02,
			source: ['ulb_compilation_2011_2018'],
			year: '≈2018'
		});
		expect(need.single_households_pct.year).toBe('2011');
		expect(need.median_income_eur).toEqual({
			value: 19244.98,
			source: ['ibsa_median_income_2019'],
			year: '2019'
		});
		expect(need.population_65plus.value).toBeCloseTo(271.3968, 6);
	});

	it('keeps missing indicators as null', () => {
		const need = needIndicators(
			makeQuartier({
				mdrc: 905,
				type: 'park_forest',
				median_income_2019: null,
				share_65plus_pct: null
			})
		);
		expect(need.median_income_eur.value).toBeNull();
		expect(need.share_65plus_pct.value).toBeNull();
		expect(need.population_65plus.value).toBeNull();
	});
});

describe('regionalNeedIndicators', () => {
	const quartiers = [
		makeQuartier({
			mdrc: 1,
			pop_2019: 1000,
			households: 600,
			share_65plus_pct: 10,
			share_single_households_pct: 50,
			median_income_2019: 18000
		}),
		makeQuartier({
			mdrc: 2,
			pop_2019: 3000,
			households: 1400,
			share_65plus_pct: 20,
			share_single_households_pct: 30,
			median_income_2019: 22000
		}),
		makeQuartier({
			mdrc: 900,
			type: 'park_forest',
			pop_2019: 50,
			households: null,
			share_65plus_pct: null,
			share_single_households_pct: null,
			median_income_2019: null
		})
	];

	it('sums population and weights shares by population or households', () => {
		const region = regionalNeedIndicators(quartiers);
		expect(region.population.value).toBe(4050);
		expect(region.population.aggregation).toBe('sum');
		// (1000 × 10 + 3000 × 20) / 4000
		expect(region.share_65plus_pct.value).toBe(17.5);
		expect(region.share_65plus_pct.quartierCount).toBe(2);
		expect(region.population_65plus.value).toBe(700);
		// A share of households: (600 × 50 + 1400 × 30) / 2000
		expect(region.single_households_pct.value).toBe(36);
		expect(region.single_households_pct.aggregation).toBe('household_weighted_mean');
		// (1000 × 18000 + 3000 × 22000) / 4000
		expect(region.median_income_eur.value).toBe(21000);
		expect(region.median_income_eur.aggregation).toBe('population_weighted_mean');
	});

	it('falls back to population weights when no household count is known', () => {
		const region = regionalNeedIndicators(quartiers.map((q) => ({ ...q, households: null })));
		// (1000 × 50 + 3000 × 30) / 4000
		expect(region.single_households_pct.value).toBe(35);
		expect(region.single_households_pct.aggregation).toBe('population_weighted_mean');
	});
});
