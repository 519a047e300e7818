import type { QuartierCoverage, RegionCoverage } from '#lib/domain/coverage/index.ts';
import type { Locale } from '#lib/domain/coverage/types.ts';
import { formatNumber } from '../measures.ts';
import { m } from '#lib/paraglide/messages.js';

/** One indicator of a quartier beside the regional value. */
export interface ProfileIndicator {
	label: string;
	value: string;
	region: string;
}

/** Need and supply indicators of a quartier with the regional reference, formatted. */
export function profileIndicators(
	q: QuartierCoverage,
	region: RegionCoverage,
	locale: Locale
): ProfileIndicator[] {
	const n = (v: number | null, digits = 0) => formatNumber(v, locale, digits);
	const pct = (v: number | null) => (v === null ? '–' : `${n(v, 1)} %`);
	return [
		{
			label: m.coverage_col_population(),
			value: n(q.need.population.value),
			region: n(region.need.population.value)
		},
		{
			label: m.coverage_col_share_65plus(),
			value: pct(q.need.share_65plus_pct.value),
			region: pct(region.need.share_65plus_pct.value)
		},
		{
			label: m.coverage_col_single_households(),
			value: pct(q.need.single_households_pct.value),
			region: pct(region.need.single_households_pct.value)
		},
		{
			label: m.coverage_col_median_income(),
			value: n(q.need.median_income_eur.value),
			region: n(region.need.median_income_eur.value)
		},
		{
			label: m.coverage_profile_per_1000(),
			value: n(q.supply.selected.per1000Residents, 2),
			region: n(region.supply.per1000Residents, 2)
		},
		{
			label: m.coverage_profile_per_1000_65plus(),
			value: n(q.supply.selected.per1000Residents65plus, 2),
			region: n(region.supply.per1000Residents65plus, 2)
		}
	];
}
