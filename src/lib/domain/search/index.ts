// The finder's search: types, the search itself, walking time and the URL schema.

export * from './types.ts';
export { searchResources, FEW_RESULTS, RADIUS_STEPS_METERS, type SearchInput } from './search.ts';
export { walkingMinutes, DETOUR_FACTOR, WALKING_SPEED_KMH } from './walking.ts';
export {
	finderQuerySchema,
	toSearchParams,
	BRUSSELS_BBOX,
	RADIUS_LIMITS_METERS
} from './schema.ts';
export { reasonsFromCounts, type SearchCounts } from './explain.ts';
export {
	describeResults,
	openScheduleTexts,
	type DescribedResult,
	type RankedRow
} from './results.ts';
