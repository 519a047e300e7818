import { computeGapIndex, type GapEntry, type GapInputs, type GapStatistics } from './gap.ts';
import {
	needIndicators,
	regionalNeedIndicators,
	type NeedIndicators,
	type RegionalNeedIndicators
} from './need.ts';
import { countsAsSupply, matchesFilters, quartierPoints, resourcePoint } from './resources.ts';
import { aggregateNeedSignals, type SignalAggregate } from './signals.ts';
import { computeSupply, supplyFigures, type QuartierSupply, type SupplyFigures } from './supply.ts';
import { computeSurveyStatus, type SurveyStatus, type SurveyStatusCode } from './survey.ts';
import type {
	CoverageFilters,
	NeedSignalCountInput,
	QuartierInput,
	ResourceInput,
	SectorInput,
	SurveyInput
} from './types.ts';
import { computeWalkingCoverage, normalizeThresholds, type ThresholdCoverage } from './walking.ts';

/**
 * - `has_resources`: at least one counted resource located in the quartier.
 * - `gap`: none, and the quartier is `surveyed`: someone looked recently and found nothing.
 * - `blind_spot`: none known, but the quartier is `stale` or `not_surveyed`: nobody has looked
 *   enough to say.
 */
export type CoverageFinding = 'has_resources' | 'gap' | 'blind_spot';

/** Which supply value enters the gap index. */
export type GapSupplyMeasure =
	{ kind: 'walking_coverage'; thresholdMeters: number } | { kind: 'per_1000_residents' };

/** Everything the dashboard shows for one quartier. */
export interface QuartierCoverage {
	mdrc: number;
	nameFr: string;
	nameNl: string;
	type: string;
	nisMain: string;
	/** True for cemeteries, industrial areas and parks: shown, but left out of rankings. */
	excluded: boolean;
	need: NeedIndicators;
	supply: QuartierSupply;
	walking: { population: number; sectorCount: number; byThreshold: ThresholdCoverage[] };
	/** Null when excluded or when an input is missing (see `gapMissing`). */
	gap: GapEntry | null;
	/** Inputs that kept a residential quartier out of the ranking. */
	gapMissing: string[];
	survey: SurveyStatus;
	finding: CoverageFinding;
	/** Need signals by support kind, small counts withheld. */
	signals: SignalAggregate[];
}

/** Region-wide figures and the parameters used. */
export interface RegionCoverage {
	/** Sum of all sector populations. */
	population: number;
	quartierCount: number;
	rankedCount: number;
	excludedCount: number;
	need: RegionalNeedIndicators;
	supply: SupplyFigures & { dormant: number; pausedNotCounted: number };
	walking: ThresholdCoverage[];
	/** Counted resources that could not be placed (quartier-only, with an unknown quartier). */
	unplacedResources: number;
	gapSupplyMeasure: GapSupplyMeasure;
	gapStatistics: GapStatistics | null;
	surveyStatusCounts: Record<SurveyStatusCode, number>;
	findingCounts: Record<CoverageFinding, number>;
}

/** Options of {@link computeCoverage}. */
export interface CoverageInput {
	quartiers: readonly QuartierInput[];
	sectors: readonly SectorInput[];
	resources: readonly ResourceInput[];
	surveys: readonly SurveyInput[];
	signals: readonly NeedSignalCountInput[];
	filters?: CoverageFilters;
	/** Walking thresholds in metres; default `[500, 1000]`. */
	thresholdsMeters?: readonly number[];
	now: Date;
	/** Recency window for surveys and confirmations, in days; default 180. */
	recentDays?: number;
	/** Need-signal counts below this are withheld; default 5. */
	minSignalCount?: number;
	/** Count paused resources as supply; default false. */
	includePaused?: boolean;
	/** Share of a quartier's entries that must be recently confirmed to call it surveyed; default 0.5. */
	minConfirmedShare?: number;
	/** Default: walking coverage at 1,000 m (or the largest threshold when 1,000 is not one). */
	gapSupply?: GapSupplyMeasure;
}

/** Result of {@link computeCoverage}. */
export interface CoverageResult {
	quartiers: QuartierCoverage[];
	region: RegionCoverage;
	parameters: {
		filters: CoverageFilters;
		thresholdsMeters: number[];
		recentDays: number;
		minSignalCount: number;
		includePaused: boolean;
		minConfirmedShare: number;
	};
	/** `now` as an ISO 8601 timestamp. */
	generatedAt: string;
}

function resolveGapSupply(
	requested: GapSupplyMeasure | undefined,
	thresholds: number[]
): GapSupplyMeasure {
	if (requested?.kind === 'per_1000_residents') return requested;
	if (requested?.kind === 'walking_coverage') {
		if (!thresholds.includes(requested.thresholdMeters)) {
			throw new RangeError(
				`gap threshold ${requested.thresholdMeters} m is not in thresholdsMeters`
			);
		}
		return requested;
	}
	const thresholdMeters = thresholds.includes(1000) ? 1000 : (thresholds.at(-1) as number);
	return { kind: 'walking_coverage', thresholdMeters };
}

/**
 * Supply, walking coverage, need, gap index, survey status and need signals for every quartier,
 * plus regional references. Non-residential quartiers are included with `excluded: true` and
 * never ranked. Pure: the same input gives the same output.
 *
 * @example
 * const result = computeCoverage({ quartiers, sectors, resources, surveys, signals,
 *   filters: { supportKind: 'home_visits' }, now: new Date() });
 * result.quartiers.find((q) => q.mdrc === 1)?.walking.byThreshold[1].share // share within 1 km
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
	const {
		quartiers,
		sectors,
		resources,
		surveys,
		signals,
		filters = {},
		now,
		recentDays = 180,
		minSignalCount = 5,
		includePaused = false,
		minConfirmedShare = 0.5
	} = input;
	const thresholds = normalizeThresholds(input.thresholdsMeters ?? [500, 1000]);
	const gapSupply = resolveGapSupply(input.gapSupply, thresholds);

	const points = quartierPoints({ quartiers, sectors });
	const resourcePoints: [number, number][] = [];
	let unplacedResources = 0;
	for (const r of resources) {
		if (!countsAsSupply(r, includePaused) || !matchesFilters(r, filters)) continue;
		const point = resourcePoint(r, points);
		if (point) resourcePoints.push(point);
		else unplacedResources += 1;
	}

	const walking = computeWalkingCoverage({ sectors, resourcePoints, thresholdsMeters: thresholds });
	const supply = computeSupply({ quartiers, resources, filters, includePaused });
	const survey = computeSurveyStatus({
		quartiers,
		resources,
		surveys,
		now,
		recentDays,
		minConfirmedShare
	});
	const signalsByQuartier = aggregateNeedSignals({
		signals,
		minCount: minSignalCount,
		supportKind: filters.supportKind
	});

	const gapThresholdIndex =
		gapSupply.kind === 'walking_coverage' ? thresholds.indexOf(gapSupply.thresholdMeters) : -1;
	const gapRows: GapInputs[] = [];
	for (const q of quartiers) {
		if (q.type !== 'residential') continue;
		const supplyValue =
			gapSupply.kind === 'walking_coverage'
				? (walking.byQuartier.get(q.mdrc)?.byThreshold[gapThresholdIndex]?.share ?? null)
				: (supply.get(q.mdrc)?.selected.per1000Residents ?? null);
		gapRows.push({
			mdrc: q.mdrc,
			share65plusPct: q.share_65plus_pct,
			singleHouseholdsPct: q.share_single_households_pct,
			medianIncomeEur: q.median_income_2019,
			supplyValue
		});
	}
	const gap = computeGapIndex(gapRows);
	const gapByQuartier = new Map(gap.entries.map((e) => [e.mdrc, e]));
	const missingByQuartier = new Map(gap.skipped.map((s) => [s.mdrc, s.missing as string[]]));

	const surveyStatusCounts: Record<SurveyStatusCode, number> = {
		surveyed: 0,
		stale: 0,
		not_surveyed: 0
	};
	const findingCounts: Record<CoverageFinding, number> = {
		has_resources: 0,
		gap: 0,
		blind_spot: 0
	};
	let selectedTotal = 0;
	let dormantTotal = 0;
	let pausedTotal = 0;

	const rows: QuartierCoverage[] = [...quartiers]
		.sort((a, b) => a.mdrc - b.mdrc)
		.map((q) => {
			const qSupply = supply.get(q.mdrc) as QuartierSupply;
			const qSurvey = survey.get(q.mdrc) as SurveyStatus;
			const qWalking = walking.byQuartier.get(q.mdrc);
			const finding: CoverageFinding =
				qSupply.selected.count > 0
					? 'has_resources'
					: qSurvey.status === 'surveyed'
						? 'gap'
						: 'blind_spot';
			surveyStatusCounts[qSurvey.status] += 1;
			findingCounts[finding] += 1;
			selectedTotal += qSupply.selected.count;
			dormantTotal += qSupply.dormant;
			pausedTotal += qSupply.pausedNotCounted;
			return {
				mdrc: q.mdrc,
				nameFr: q.name_fr,
				nameNl: q.name_nl,
				type: q.type,
				nisMain: String(q.nis_main),
				excluded: q.type !== 'residential',
				need: needIndicators(q),
				supply: qSupply,
				walking: qWalking
					? {
							population: qWalking.population,
							sectorCount: qWalking.sectorCount,
							byThreshold: qWalking.byThreshold
						}
					: {
							population: 0,
							sectorCount: 0,
							byThreshold: thresholds.map((thresholdMeters) => ({
								thresholdMeters,
								coveredPopulation: 0,
								population: 0,
								share: null
							}))
						},
				gap: gapByQuartier.get(q.mdrc) ?? null,
				gapMissing: missingByQuartier.get(q.mdrc) ?? [],
				survey: qSurvey,
				finding,
				signals: signalsByQuartier.get(q.mdrc) ?? []
			};
		});

	const need = regionalNeedIndicators(quartiers);
	const regionPseudoQuartier: QuartierInput = {
		mdrc: 0,
		name_fr: '',
		name_nl: '',
		type: 'region',
		nis_main: '04000',
		pop_2019: walking.region.population,
		households: null,
		median_income_2019: null,
		share_65plus_pct: need.share_65plus_pct.value,
		share_single_households_pct: null
	};

	return {
		quartiers: rows,
		region: {
			population: walking.region.population,
			quartierCount: rows.length,
			rankedCount: gap.entries.length,
			excludedCount: rows.filter((r) => r.excluded).length,
			need,
			supply: {
				...supplyFigures(selectedTotal, regionPseudoQuartier),
				dormant: dormantTotal,
				pausedNotCounted: pausedTotal
			},
			walking: walking.region.byThreshold,
			unplacedResources,
			gapSupplyMeasure: gapSupply,
			gapStatistics: gap.statistics,
			surveyStatusCounts,
			findingCounts
		},
		parameters: {
			filters: { ...filters },
			thresholdsMeters: thresholds,
			recentDays,
			minSignalCount,
			includePaused,
			minConfirmedShare
		},
		generatedAt: now.toISOString()
	};
}
