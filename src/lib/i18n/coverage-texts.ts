// The words of the coverage figures (src/lib/domain/coverage/measures.ts) from Paraglide, in
// all three languages at once: exports print fr, nl and en side by side in their metadata.
import type { CoverageCatalog, CoverageTexts } from '#lib/domain/coverage/measures.ts';
import { describeCoverage } from '#lib/domain/coverage/measures.ts';
import type { LocalizedText } from '#lib/domain/coverage/types.ts';
import { m } from '#lib/paraglide/messages.js';
import { LOCALES } from './locale-redirect.ts';

type Message = (
	inputs: Record<string, never>,
	options: { locale: (typeof LOCALES)[number] }
) => string;

/** One message in every locale. */
function all(message: Message): LocalizedText {
	const [fr, nl, en] = LOCALES.map((locale) => message({}, { locale }));
	return { fr: fr ?? '', nl: nl ?? '', en: en ?? '' };
}

function texts(): CoverageTexts {
	return {
		sources: {
			statbel_population_2019: {
				name: all(m.coverage_source_statbel_population_2019_name),
				caveat: null
			},
			statbel_sectors_2022: {
				name: all(m.coverage_source_statbel_sectors_2022_name),
				caveat: null
			},
			ulb_compilation_2011_2018: {
				name: all(m.coverage_source_ulb_compilation_2011_2018_name),
				caveat: all(m.coverage_source_ulb_compilation_2011_2018_caveat)
			},
			ibsa_median_income_2019: {
				name: all(m.coverage_source_ibsa_median_income_2019_name),
				caveat: null
			},
			ibsa_households: {
				name: all(m.coverage_source_ibsa_households_name),
				caveat: all(m.coverage_source_ibsa_households_caveat)
			},
			urbis_quartiers: {
				name: all(m.coverage_source_urbis_quartiers_name),
				caveat: null
			},
			nabij_entries: {
				name: all(m.coverage_source_nabij_entries_name),
				caveat: all(m.coverage_source_nabij_entries_caveat)
			}
		},
		measures: {
			population: {
				label: all(m.coverage_measure_population_label),
				description: all(m.coverage_measure_population_description)
			},
			share_65plus_pct: {
				label: all(m.coverage_measure_share_65plus_pct_label),
				description: all(m.coverage_measure_share_65plus_pct_description)
			},
			population_65plus: {
				label: all(m.coverage_measure_population_65plus_label),
				description: all(m.coverage_measure_population_65plus_description)
			},
			single_households_pct: {
				label: all(m.coverage_measure_single_households_pct_label),
				description: all(m.coverage_measure_single_households_pct_description)
			},
			median_income_eur: {
				label: all(m.coverage_measure_median_income_eur_label),
				description: all(m.coverage_measure_median_income_eur_description)
			},
			households: {
				label: all(m.coverage_measure_households_label),
				description: all(m.coverage_measure_households_description)
			},
			supply_count: {
				label: all(m.coverage_measure_supply_count_label),
				description: all(m.coverage_measure_supply_count_description)
			},
			supply_per_1000: {
				label: all(m.coverage_measure_supply_per_1000_label),
				description: all(m.coverage_measure_supply_per_1000_description)
			},
			supply_per_1000_65plus: {
				label: all(m.coverage_measure_supply_per_1000_65plus_label),
				description: all(m.coverage_measure_supply_per_1000_65plus_description)
			},
			paused_not_counted: {
				label: all(m.coverage_measure_paused_not_counted_label),
				description: all(m.coverage_measure_paused_not_counted_description)
			},
			dormant_count: {
				label: all(m.coverage_measure_dormant_count_label),
				description: all(m.coverage_measure_dormant_count_description)
			},
			serving_count: {
				label: all(m.coverage_measure_serving_count_label),
				description: all(m.coverage_measure_serving_count_description)
			},
			walking_coverage_pct: {
				label: all(m.coverage_measure_walking_coverage_pct_label),
				description: all(m.coverage_measure_walking_coverage_pct_description)
			},
			need_score: {
				label: all(m.coverage_measure_need_score_label),
				description: all(m.coverage_measure_need_score_description)
			},
			need_z: {
				label: all(m.coverage_measure_need_z_label),
				description: all(m.coverage_measure_need_z_description)
			},
			supply_value: {
				label: all(m.coverage_measure_supply_value_label),
				description: all(m.coverage_measure_supply_value_description)
			},
			supply_z: {
				label: all(m.coverage_measure_supply_z_label),
				description: all(m.coverage_measure_supply_z_description)
			},
			gap_index: {
				label: all(m.coverage_measure_gap_index_label),
				description: all(m.coverage_measure_gap_index_description)
			},
			gap_rank: {
				label: all(m.coverage_measure_gap_rank_label),
				description: all(m.coverage_measure_gap_rank_description)
			},
			survey_status: {
				label: all(m.coverage_measure_survey_status_label),
				description: all(m.coverage_measure_survey_status_description)
			},
			last_survey_date: {
				label: all(m.coverage_measure_last_survey_date_label),
				description: all(m.coverage_measure_last_survey_date_description)
			},
			last_survey_by: {
				label: all(m.coverage_measure_last_survey_by_label),
				description: all(m.coverage_measure_last_survey_by_description)
			},
			confirmed_share_pct: {
				label: all(m.coverage_measure_confirmed_share_pct_label),
				description: all(m.coverage_measure_confirmed_share_pct_description)
			},
			finding: {
				label: all(m.coverage_measure_finding_label),
				description: all(m.coverage_measure_finding_description)
			},
			need_signals_found: {
				label: all(m.coverage_measure_need_signals_found_label),
				description: all(m.coverage_measure_need_signals_found_description)
			},
			need_signals_not_found: {
				label: all(m.coverage_measure_need_signals_not_found_label),
				description: all(m.coverage_measure_need_signals_not_found_description)
			},
			need_signals_detail: {
				label: all(m.coverage_measure_need_signals_detail_label),
				description: all(m.coverage_measure_need_signals_detail_description)
			}
		},
		gapIndex: {
			population: all(m.coverage_gap_formula_population),
			steps: [
				all(m.coverage_gap_formula_step_1),
				all(m.coverage_gap_formula_step_2),
				all(m.coverage_gap_formula_step_3),
				all(m.coverage_gap_formula_step_4),
				all(m.coverage_gap_formula_step_5)
			],
			caveats: all(m.coverage_gap_formula_caveats)
		},
		walkingCoverageMethod: all(m.coverage_walking_method),
		exportTitle: all(m.coverage_export_title),
		exportNotes: all(m.coverage_export_notes)
	};
}

let catalog: CoverageCatalog | undefined;

/** Every coverage measure and source with its words in fr, nl and en, built once. */
export function coverageCatalog(): CoverageCatalog {
	catalog ??= describeCoverage(texts());
	return catalog;
}
