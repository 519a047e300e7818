// What every reported figure is, apart from its words: ids, units, sources, years, licences.
// The words (names, labels, descriptions, the gap index explained) are interface text in
// messages/coverage, translated by the UI layer, which passes them in as CoverageTexts;
// describeCoverage() joins both into the catalog that exports and the methodology page print.
import type { LocalizedText } from './types.ts';

/** Where a figure comes from, with its licence and the attribution to print beside it. */
export interface DataSource {
	id: string;
	name: LocalizedText;
	producer: string;
	year: string;
	licence: string;
	attribution: string;
	/** Known weaknesses, or null. */
	caveat: LocalizedText | null;
}

/** A source without its translated name and caveat. */
export type DataSourceFacts = Omit<DataSource, 'name' | 'caveat'>;

/** Sources of every figure the coverage engine reports. */
export const SOURCES = {
	statbel_population_2019: {
		id: 'statbel_population_2019',
		producer: 'Statbel (DG Statistique – Statistics Belgium)',
		year: '2019',
		licence: 'Statbel Open Data licence (compatible with CC BY 4.0)',
		attribution: 'Statbel (DG Statistique – Statistics Belgium)'
	},
	statbel_sectors_2022: {
		id: 'statbel_sectors_2022',
		producer: 'Statbel (DG Statistique – Statistics Belgium)',
		year: '2022',
		licence: 'Statbel Open Data licence (compatible with CC BY 4.0)',
		attribution: 'Secteurs statistiques 2022 – Statbel (DG Statistique – Statistics Belgium)'
	},
	ulb_compilation_2011_2018: {
		id: 'ulb_compilation_2011_2018',
		producer: 'ULB – IGEAT (teaching dataset), from Statbel data',
		year: '2018 (age), 2011 (households)',
		licence: 'CC0 1.0 (compilation); underlying data Statbel',
		attribution: 'ULB-IGEAT, d’après Statbel'
	},
	ibsa_median_income_2019: {
		id: 'ibsa_median_income_2019',
		producer:
			'IBSA/perspective.brussels – Monitoring des Quartiers, from Statbel fiscal statistics',
		year: '2019',
		licence: 'IBSA terms: free reuse with the source cited',
		attribution: 'IBSA/perspective.brussels – Monitoring des Quartiers; Statbel'
	},
	ibsa_households: {
		id: 'ibsa_households',
		producer: 'IBSA/perspective.brussels – Monitoring des Quartiers',
		year: 'latest available on 2024-02-26 (not stated)',
		licence: 'IBSA terms: free reuse with the source cited',
		attribution: 'IBSA/perspective.brussels – Monitoring des Quartiers'
	},
	urbis_quartiers: {
		id: 'urbis_quartiers',
		producer: 'IBSA/perspective.brussels; geometry UrbIS © Paradigm',
		year: '2022',
		licence: 'UrbIS open licence / CC BY 4.0',
		attribution:
			'Quartiers du Monitoring – IBSA/perspective.brussels; géométrie UrbIS © Paradigm (Région de Bruxelles-Capitale)'
	},
	nabij_entries: {
		id: 'nabij_entries',
		producer: 'Nabij contributors',
		year: 'date of export',
		licence: 'Nabij platform terms',
		attribution: 'Nabij'
	}
} as const satisfies Record<string, DataSourceFacts>;

export type SourceId = keyof typeof SOURCES;

/** Definition of one reported figure, for legends, exports and the methodology page. */
export interface MeasureDefinition {
	id: string;
	label: LocalizedText;
	/** `persons`, `%`, `EUR`, `count`, `per 1,000`, `z`, `rank`, `date`, `code`, `text`. */
	unit: string;
	description: LocalizedText;
	/** Ids in {@link SOURCES}. */
	source: SourceId[];
	year: string;
}

/** A measure without its translated label and description. */
export type MeasureFacts = Omit<MeasureDefinition, 'label' | 'description'>;

function measure(id: string, unit: string, source: SourceId[], year: string): MeasureFacts {
	return { id, unit, source, year };
}

/** Every measure the coverage engine reports, by id (also the CSV column ids). */
export const MEASURES = {
	population: measure('population', 'persons', ['statbel_population_2019'], '2019'),
	share_65plus_pct: measure('share_65plus_pct', '%', ['ulb_compilation_2011_2018'], '≈2018'),
	population_65plus: measure(
		'population_65plus',
		'persons',
		['statbel_population_2019', 'ulb_compilation_2011_2018'],
		'2019 × ≈2018'
	),
	single_households_pct: measure(
		'single_households_pct',
		'%',
		['ulb_compilation_2011_2018'],
		'2011'
	),
	median_income_eur: measure('median_income_eur', 'EUR', ['ibsa_median_income_2019'], '2019'),
	households: measure('households', 'count', ['ibsa_households'], 'not stated'),
	supply_count: measure('supply_count', 'count', ['nabij_entries'], 'export date'),
	supply_per_1000: measure(
		'supply_per_1000',
		'per 1,000',
		['nabij_entries', 'statbel_population_2019'],
		'2019'
	),
	supply_per_1000_65plus: measure(
		'supply_per_1000_65plus',
		'per 1,000',
		['nabij_entries', 'statbel_population_2019', 'ulb_compilation_2011_2018'],
		'≈2018'
	),
	paused_not_counted: measure('paused_not_counted', 'count', ['nabij_entries'], 'export date'),
	dormant_count: measure('dormant_count', 'count', ['nabij_entries'], 'export date'),
	serving_count: measure('serving_count', 'count', ['nabij_entries'], 'export date'),
	walking_coverage_pct: measure(
		'walking_coverage_pct',
		'%',
		['nabij_entries', 'statbel_population_2019', 'statbel_sectors_2022'],
		'2019'
	),
	need_score: measure(
		'need_score',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019'],
		'2011–2019'
	),
	need_z: measure(
		'need_z',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019'],
		'2011–2019'
	),
	supply_value: measure(
		'supply_value',
		'% or per 1,000',
		['nabij_entries', 'statbel_population_2019'],
		'2019'
	),
	supply_z: measure('supply_z', 'z', ['nabij_entries', 'statbel_population_2019'], '2019'),
	gap_index: measure(
		'gap_index',
		'z',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019', 'nabij_entries'],
		'2011–2019'
	),
	gap_rank: measure(
		'gap_rank',
		'rank',
		['ulb_compilation_2011_2018', 'ibsa_median_income_2019', 'nabij_entries'],
		'2011–2019'
	),
	survey_status: measure('survey_status', 'code', ['nabij_entries'], 'export date'),
	last_survey_date: measure('last_survey_date', 'date', ['nabij_entries'], 'export date'),
	last_survey_by: measure('last_survey_by', 'text', ['nabij_entries'], 'export date'),
	confirmed_share_pct: measure('confirmed_share_pct', '%', ['nabij_entries'], 'export date'),
	finding: measure('finding', 'code', ['nabij_entries'], 'export date'),
	need_signals_found: measure('need_signals_found', 'count', ['nabij_entries'], 'export date'),
	need_signals_not_found: measure(
		'need_signals_not_found',
		'count',
		['nabij_entries'],
		'export date'
	),
	need_signals_detail: measure('need_signals_detail', 'text', ['nabij_entries'], 'export date')
} as const satisfies Record<string, MeasureFacts>;

export type MeasureId = keyof typeof MEASURES;

/** The gap index formula; its explanation, step by step, is in {@link CoverageTexts}. */
export const GAP_INDEX_FORMULA = {
	id: 'gap_index',
	version: 1,
	expression:
		'gap = z(need) − z(supply); need = mean(z(share_65plus), z(single_households), −z(median_income))',
	sources: [
		'ulb_compilation_2011_2018',
		'ibsa_median_income_2019',
		'statbel_population_2019',
		'nabij_entries'
	] satisfies SourceId[]
} as const;

/** The words of the coverage figures in fr, nl and en, given by the UI layer (Paraglide). */
export interface CoverageTexts {
	sources: Record<SourceId, { name: LocalizedText; caveat: LocalizedText | null }>;
	measures: Record<MeasureId, { label: LocalizedText; description: LocalizedText }>;
	gapIndex: { population: LocalizedText; steps: LocalizedText[]; caveats: LocalizedText };
	/** How walking coverage is computed and what it cannot see. */
	walkingCoverageMethod: LocalizedText;
	/** The title and the reading notes of an export. */
	exportTitle: LocalizedText;
	exportNotes: LocalizedText;
}

/** The gap index formula with its explanation, as exports and the methodology page print it. */
export interface GapIndexFormula {
	id: typeof GAP_INDEX_FORMULA.id;
	version: typeof GAP_INDEX_FORMULA.version;
	expression: string;
	population: LocalizedText;
	steps: LocalizedText[];
	caveats: LocalizedText;
	sources: SourceId[];
}

/** Every measure and source with its words: what exports and the methodology page print. */
export interface CoverageCatalog {
	measures: Record<MeasureId, MeasureDefinition>;
	sources: Record<SourceId, DataSource>;
	gapIndexFormula: GapIndexFormula;
	walkingCoverageMethod: LocalizedText;
	title: LocalizedText;
	notes: LocalizedText;
}

function mapValues<K extends string, A, B>(
	record: Record<K, A>,
	f: (value: A, key: K) => B
): Record<K, B> {
	const out = {} as Record<K, B>;
	for (const key of Object.keys(record) as K[]) out[key] = f(record[key], key);
	return out;
}

/**
 * Joins the facts of every measure and source with their words, in the order exports print
 * them (`{ id, label, unit, description, source, year }` for a measure).
 *
 * @example describeCoverage(texts).measures.gap_index.label.nl // 'Kloofindex'
 */
export function describeCoverage(texts: CoverageTexts): CoverageCatalog {
	return {
		measures: mapValues(MEASURES, (m: MeasureFacts, id) => ({
			id: m.id,
			label: texts.measures[id].label,
			unit: m.unit,
			description: texts.measures[id].description,
			source: m.source,
			year: m.year
		})),
		sources: mapValues(SOURCES, (s: DataSourceFacts, id) => ({
			id: s.id,
			name: texts.sources[id].name,
			producer: s.producer,
			year: s.year,
			licence: s.licence,
			attribution: s.attribution,
			caveat: texts.sources[id].caveat
		})),
		gapIndexFormula: {
			id: GAP_INDEX_FORMULA.id,
			version: GAP_INDEX_FORMULA.version,
			expression: GAP_INDEX_FORMULA.expression,
			population: texts.gapIndex.population,
			steps: texts.gapIndex.steps,
			caveats: texts.gapIndex.caveats,
			sources: GAP_INDEX_FORMULA.sources
		},
		walkingCoverageMethod: texts.walkingCoverageMethod,
		title: texts.exportTitle,
		notes: texts.exportNotes
	};
}
