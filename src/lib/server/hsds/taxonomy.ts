// Our taxonomy for the HSDS API: the three taxonomy tables (through the caller's client), the
// community languages, and the crosswalk from data/taxonomy (bundled into the server build).
import crosswalkCsv from '../../../../data/taxonomy/crosswalk.csv?raw';
import { z } from 'zod';
import type { CrosswalkRow, HsdsLocale, OurTaxonomy } from '#lib/domain/hsds/index.ts';
import { TermIndex } from '#lib/domain/hsds/index.ts';
import { COMMUNITY_LANGUAGES } from '#lib/domain/languages.ts';
import { parseCsvRecords } from '#lib/domain/places/csv.ts';
import type { Db } from '../db/client.ts';
import * as hsds from '../db/hsds.ts';

// A column missing from the bundled file fails loudly here instead of mapping nothing.
const crosswalkSchema = z.array(
	z.object({
		our_type: z.string(),
		our_code: z.string(),
		sk_rubric_code: z.string(),
		sk_rubric_nl: z.string(),
		sk_match: z.string(),
		bs_category_id: z.string(),
		bs_label_fr: z.string(),
		bs_match: z.string(),
		oe_id: z.string(),
		oe_term: z.string(),
		oe_match: z.string()
	}) satisfies z.ZodType<CrosswalkRow>
);

let crosswalk: CrosswalkRow[] | undefined;

function crosswalkRows(): CrosswalkRow[] {
	crosswalk ??= crosswalkSchema.parse(parseCsvRecords(crosswalkCsv));
	return crosswalk;
}

/** The whole taxonomy (a few hundred rows at most, whatever the size of the directory). */
export async function loadOurTaxonomy(supabase: Db): Promise<OurTaxonomy> {
	return {
		...(await hsds.loadTaxonomy(supabase)),
		languages: COMMUNITY_LANGUAGES,
		crosswalk: crosswalkRows()
	};
}

/** The taxonomy's terms indexed for one locale. */
export async function loadTerms(supabase: Db, locale: HsdsLocale): Promise<TermIndex> {
	return new TermIndex(await loadOurTaxonomy(supabase), locale);
}
