// Place search: the geocoder interface, the default street index and its CSV reader.

export * from './types.ts';
export {
	createStreetIndex,
	DEFAULT_SUGGESTION_LIMIT,
	type StreetIndex,
	type StreetIndexInput
} from './street-index.ts';
export { parseCsv, parseCsvRecords, parseStreetCsv } from './csv.ts';
export { foldText, textTokens, compactText, boundedEditDistance } from './normalize.ts';
