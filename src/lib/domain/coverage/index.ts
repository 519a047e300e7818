// Public entry of the coverage engine. `fixtures.ts` is node-only and deliberately not exported.
export {
	computeCoverage,
	type CoverageFinding,
	type CoverageInput,
	type CoverageResult,
	type GapSupplyMeasure,
	type QuartierCoverage,
	type RegionCoverage
} from './compute.ts';
export {
	toAboutText,
	toCsv,
	toGeoJson,
	type CoverageGeoJson,
	type QuartierGeometries
} from './export.ts';
export {
	computeGapIndex,
	meanAndSd,
	zScore,
	type GapComponents,
	type GapEntry,
	type GapIndexResult,
	type GapInputs,
	type GapStatistics
} from './gap.ts';
export {
	EARTH_RADIUS_METERS,
	createGridIndex,
	hasPointWithin,
	haversineMeters,
	type GridIndex
} from './grid-index.ts';
export {
	describeCoverage,
	GAP_INDEX_FORMULA,
	MEASURES,
	SOURCES,
	type CoverageCatalog,
	type CoverageTexts,
	type DataSource,
	type MeasureDefinition,
	type MeasureId,
	type SourceId
} from './measures.ts';
export {
	needIndicators,
	regionalNeedIndicators,
	type IndicatorValue,
	type NeedIndicatorId,
	type NeedIndicators,
	type RegionalIndicatorValue,
	type RegionalNeedIndicators
} from './need.ts';
export {
	countsAsSupply,
	isQuartierPrecision,
	matchesFilters,
	quartierPoints,
	resourcePoint
} from './resources.ts';
export { aggregateNeedSignals, type SignalAggregate, type SignalCell } from './signals.ts';
export {
	computeSupply,
	population65plus,
	supplyFigures,
	type QuartierSupply,
	type SupplyFigures
} from './supply.ts';
export {
	ageInDays,
	computeSurveyStatus,
	type SurveyStatus,
	type SurveyStatusCode
} from './survey.ts';
export type * from './types.ts';
export {
	computeWalkingCoverage,
	normalizeThresholds,
	type QuartierWalkingCoverage,
	type ThresholdCoverage,
	type WalkingCoverageResult
} from './walking.ts';
