// The taxonomy reference data (categories, support kinds, target groups), read in reference.ts.
export { labelOf, load, type SupportKindTerm, type Taxonomy, type Term } from './reference.ts';
