import type {
	FeatureCollection,
	GeoJsonProperties,
	Geometry,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { CoverageResult, QuartierCoverage } from './compute.ts';
import type { CoverageCatalog, MeasureDefinition } from './measures.ts';
import type { SignalCell } from './signals.ts';
import type { Locale } from './types.ts';

import { toCsv as writeCsv } from '../export/csv.ts';

type CsvValue = string | number | boolean | null;

function round(value: number | null | undefined, digits: number): number | null {
	if (value === null || value === undefined || !Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

function percent(share: number | null | undefined): number | null {
	return share === null || share === undefined ? null : round(share * 100, 2);
}

/** One flat record per quartier, keyed by column id, shared by the CSV and GeoJSON exporters. */
function flatten(q: QuartierCoverage, result: CoverageResult): Record<string, CsvValue> {
	const min = result.parameters.minSignalCount;
	const signalValue = (pick: (s: QuartierCoverage['signals'][number]) => SignalCell) => {
		// A single support kind is selected: one number per quartier is meaningful.
		if (result.parameters.filters.supportKind === undefined) return null;
		const s = q.signals[0];
		if (!s) return 0;
		const c = pick(s);
		return c.suppressed ? `<${min}` : c.count;
	};
	const record: Record<string, CsvValue> = {
		mdrc: q.mdrc,
		name_fr: q.nameFr,
		name_nl: q.nameNl,
		type: q.type,
		excluded: q.excluded,
		population: q.need.population.value,
		population_65plus: round(q.need.population_65plus.value, 0),
		share_65plus_pct: q.need.share_65plus_pct.value,
		single_households_pct: q.need.single_households_pct.value,
		median_income_eur: q.need.median_income_eur.value,
		supply_count: q.supply.selected.count,
		supply_per_1000: round(q.supply.selected.per1000Residents, 3),
		supply_per_1000_65plus: round(q.supply.selected.per1000Residents65plus, 3),
		paused_not_counted: q.supply.pausedNotCounted,
		dormant_count: q.supply.dormant,
		serving_count: q.supply.serving
	};
	for (const t of q.walking.byThreshold) {
		record[`walking_coverage_pct_${t.thresholdMeters}m`] = percent(t.share);
	}
	Object.assign(record, {
		need_score: round(q.gap?.components.needScore, 4),
		need_z: round(q.gap?.components.needZ, 4),
		supply_value: round(q.gap?.inputs.supplyValue, 4),
		supply_z: round(q.gap?.components.supplyZ, 4),
		gap_index: round(q.gap?.gap, 4),
		gap_rank: q.gap?.rank ?? null,
		survey_status: q.survey.status,
		last_survey_date: q.survey.lastSurvey?.checkedOn ?? null,
		last_survey_by: q.survey.lastSurvey?.organizationName ?? null,
		confirmed_share_pct: percent(q.survey.confirmedShare),
		finding: q.finding,
		need_signals_found: signalValue((s) => s.found),
		need_signals_not_found: signalValue((s) => s.notFound),
		need_signals_detail: q.signals
			.map((s) => {
				const show = (c: SignalCell) => (c.suppressed ? `<${min}` : String(c.count));
				return `${s.supportKind} found ${show(s.found)} not_found ${show(s.notFound)}`;
			})
			.join('; ')
	});
	return record;
}

// One line of the companion text: its own line breaks folded, so each entry stays one line.
function line(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function measureFor(catalog: CoverageCatalog, column: string): MeasureDefinition | undefined {
	const id = column.startsWith('walking_coverage_pct_') ? 'walking_coverage_pct' : column;
	return Object.hasOwn(catalog.measures, id)
		? catalog.measures[id as keyof CoverageCatalog['measures']]
		: undefined;
}

// Regional reference values as one comment line, so the table itself holds quartiers only.
function regionSummary(result: CoverageResult) {
	const r = result.region;
	const parts: [string, CsvValue][] = [
		['population', r.population],
		['population_65plus', round(r.need.population_65plus.value, 0)],
		['share_65plus_pct', round(r.need.share_65plus_pct.value, 2)],
		['single_households_pct', round(r.need.single_households_pct.value, 2)],
		['median_income_eur', round(r.need.median_income_eur.value, 0)],
		['supply_count', r.supply.count],
		['supply_per_1000', round(r.supply.per1000Residents, 3)],
		['supply_per_1000_65plus', round(r.supply.per1000Residents65plus, 3)],
		['dormant_count', r.supply.dormant],
		...r.walking.map((t): [string, CsvValue] => [
			`walking_coverage_pct_${t.thresholdMeters}m`,
			percent(t.share)
		]),
		['quartiers_not_surveyed', r.surveyStatusCounts.not_surveyed],
		['quartiers_blind_spot', r.findingCounts.blind_spot]
	];
	return parts.map(([k, v]) => `${k}=${v ?? ''}`).join('; ');
}

function describeFilters(result: CoverageResult) {
	const { category, supportKind } = result.parameters.filters;
	return `category=${category ?? '*'}; support_kind=${supportKind ?? '*'}`;
}

function columnsOf(result: CoverageResult): string[] {
	const [first] = result.quartiers;
	return Object.keys(flatten(first ?? emptyQuartier(result), result));
}

/**
 * CSV of every quartier for a spreadsheet set to fr-BE or nl-BE (byte order mark, `;`, decimal
 * comma, CRLF): a header row of column ids, then one row per quartier. What the columns mean,
 * the sources and the date are in {@link toAboutText}, not in the file.
 *
 * @example toCsv(computeCoverage({ … })).split('\r\n')[0] // '\uFEFFmdrc;name_fr;name_nl;…'
 */
export function toCsv(result: CoverageResult): string {
	const columns = columnsOf(result);
	const rows = result.quartiers.map((q) => {
		const record = flatten(q, result);
		return columns.map((c) => record[c] ?? null);
	});
	return writeCsv(columns, rows);
}

/**
 * The CSV's companion text in `locale`, from `catalog` (the UI layer's translations): title,
 * date, filters and parameters, the regional reference values, the file's format, the gap
 * formula, each column's definition and every source with its licence and attribution; one
 * `key: text` entry per line.
 *
 * @example toAboutText(result, 'nl', catalog).split('\n')[0] // 'Nabij – dekking van de Brusselse wijken'
 */
export function toAboutText(
	result: CoverageResult,
	locale: Locale,
	catalog: CoverageCatalog
): string {
	const { gapIndexFormula, walkingCoverageMethod } = catalog;
	const p = result.parameters;
	const lines: string[] = [
		catalog.title[locale],
		'',
		`generated_at: ${result.generatedAt}`,
		`filters: ${describeFilters(result)}`,
		`thresholds_m: ${p.thresholdsMeters.join(' ')}; recent_days: ${p.recentDays}; min_signal_count: ${p.minSignalCount}; include_paused: ${p.includePaused}`,
		`region: ${regionSummary(result)}`,
		`format: ${catalog.notes[locale]}`,
		`gap_index: ${gapIndexFormula.expression}`,
		...gapIndexFormula.steps.map((s) => `gap_index: ${s[locale]}`),
		`gap_index: ${gapIndexFormula.caveats[locale]}`,
		`walking_coverage: ${walkingCoverageMethod[locale]}`,
		''
	];
	for (const column of columnsOf(result)) {
		const m = measureFor(catalog, column);
		if (!m) continue;
		const sources = m.source.map((id) => catalog.sources[id].producer).join(' + ');
		lines.push(
			`${column}: ${m.label[locale]} [${m.unit}] — ${m.description[locale]} (${sources}; ${m.year})`
		);
	}
	lines.push('');
	for (const s of Object.values(catalog.sources)) {
		const caveat = s.caveat ? ` ${s.caveat[locale]}` : '';
		lines.push(
			`source ${s.id}: ${s.name[locale]} — ${s.producer}, ${s.year}. Licence: ${s.licence}. Attribution: ${s.attribution}.${caveat}`
		);
	}
	return `${lines.map(line).join('\r\n')}\r\n`;
}

function emptyQuartier(result: CoverageResult): QuartierCoverage {
	const nullValue = { value: null, source: [], year: '' };
	return {
		mdrc: 0,
		nameFr: '',
		nameNl: '',
		type: '',
		nisMain: '',
		excluded: true,
		need: {
			population: nullValue,
			population_65plus: nullValue,
			share_65plus_pct: nullValue,
			single_households_pct: nullValue,
			median_income_eur: nullValue
		},
		supply: {
			mdrc: 0,
			selected: { count: 0, per1000Residents: null, per1000Residents65plus: null },
			byCategory: {},
			bySupportKind: {},
			pausedNotCounted: 0,
			dormant: 0,
			serving: 0
		},
		walking: {
			population: 0,
			sectorCount: 0,
			byThreshold: result.parameters.thresholdsMeters.map((thresholdMeters) => ({
				thresholdMeters,
				coveredPopulation: 0,
				population: 0,
				share: null
			}))
		},
		gap: null,
		gapMissing: [],
		survey: {
			mdrc: 0,
			status: 'not_surveyed',
			lastSurvey: null,
			recentSurvey: false,
			entryCount: 0,
			recentlyConfirmedCount: 0,
			confirmedShare: null
		},
		finding: 'blind_spot',
		signals: []
	};
}

/**
 * Quartier polygons keyed by `properties.mdrc`, e.g. `quartiers_monitoring.geojson`. Features
 * that are not (Multi)Polygons or lack an `mdrc` are ignored.
 */
export type QuartierGeometries = FeatureCollection<Geometry | null, GeoJsonProperties>;

/** GeoJSON export: a FeatureCollection with a top-level `metadata` member. */
export interface CoverageGeoJson extends FeatureCollection<
	Polygon | MultiPolygon | null,
	Record<string, unknown>
> {
	metadata: {
		title: CoverageCatalog['title'];
		generatedAt: string;
		parameters: CoverageResult['parameters'];
		region: CoverageResult['region'];
		measures: CoverageCatalog['measures'];
		sources: CoverageCatalog['sources'];
		gapIndexFormula: CoverageCatalog['gapIndexFormula'];
		walkingCoverageMethod: CoverageCatalog['walkingCoverageMethod'];
		licences: string[];
	};
}

/**
 * GeoJSON of every quartier: its polygon (null geometry when none is given) with the flat
 * figures as properties, the signal cells as an array (withheld cells stay `{ suppressed: true }`),
 * and a top-level `metadata` member with measure definitions, sources, licences and the date.
 *
 * @example toGeoJson(result, quartiersGeojson, catalog).features[0].properties.walking_coverage_pct_500m
 */
export function toGeoJson(
	result: CoverageResult,
	quartierGeometries: QuartierGeometries,
	catalog: CoverageCatalog
): CoverageGeoJson {
	const geometries = new Map<number, Polygon | MultiPolygon>();
	for (const f of quartierGeometries.features) {
		const mdrc = Number(f.properties?.mdrc);
		const g = f.geometry;
		if (Number.isFinite(mdrc) && g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
			geometries.set(mdrc, g);
		}
	}
	return {
		type: 'FeatureCollection',
		metadata: {
			title: catalog.title,
			generatedAt: result.generatedAt,
			parameters: result.parameters,
			region: result.region,
			measures: catalog.measures,
			sources: catalog.sources,
			gapIndexFormula: catalog.gapIndexFormula,
			walkingCoverageMethod: catalog.walkingCoverageMethod,
			licences: Object.values(catalog.sources).map(
				(s) => `${s.id}: ${s.licence} — ${s.attribution}`
			)
		},
		features: result.quartiers.map((q) => {
			const { need_signals_detail: _detail, ...properties } = flatten(q, result);
			return {
				type: 'Feature',
				id: q.mdrc,
				geometry: geometries.get(q.mdrc) ?? null,
				properties: { ...properties, need_signals: q.signals, gap_missing: q.gapMissing }
			};
		})
	};
}
