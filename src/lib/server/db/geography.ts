// The geography reference data (quartiers, communes), read and kept in reference.ts.
export {
	listCommunes,
	listQuartiers,
	quartierCollection,
	type CommuneSummary,
	type QuartierSummary
} from './reference.ts';
