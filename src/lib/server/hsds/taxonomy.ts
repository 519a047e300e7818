// Our taxonomy for the HSDS API: the three taxonomy tables (through the caller's client), the
// community languages, and the crosswalk from data/taxonomy (bundled into the server build).
import crosswalkCsv from '../../../../data/taxonomy/crosswalk.csv?raw';
import type { CrosswalkRow, HsdsLocale, OurTaxonomy } from '#lib/domain/hsds/index.ts';
import { TermIndex } from '#lib/domain/hsds/index.ts';
import { COMMUNITY_LANGUAGES } from '#lib/domain/languages.ts';
import { parseCsvRecords } from '#lib/domain/places/csv.ts';
import type { Db } from '../db/client.ts';
import * as hsds from '../db/hsds.ts';

let crosswalk: CrosswalkRow[] | undefined;

function crosswalkRows(): CrosswalkRow[] {
	crosswalk ??= parseCsvRecords(crosswalkCsv).map((r) => ({
		our_type: r.our_type ?? '',
		our_code: r.our_code ?? '',
		sk_rubric_code: r.sk_rubric_code ?? '',
		sk_rubric_nl: r.sk_rubric_nl ?? '',
		sk_match: r.sk_match ?? '',
		bs_category_id: r.bs_category_id ?? '',
		bs_label_fr: r.bs_label_fr ?? '',
		bs_match: r.bs_match ?? '',
		oe_id: r.oe_id ?? '',
		oe_term: r.oe_term ?? '',
		oe_match: r.oe_match ?? ''
	}));
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
