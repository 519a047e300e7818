import type { Locale } from '#lib/i18n/locales.ts';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

/** A taxonomy term with its labels in the three interface languages. */
export type Term = {
	code: string;
	label_fr: string;
	label_nl: string;
	label_en: string;
};

/** A support kind; groups have no parent. */
export type SupportKindTerm = Term & { parent_code: string | null };

/** The whole taxonomy the finder filters on, each list in its display order. */
export type Taxonomy = {
	categories: Term[];
	supportKinds: SupportKindTerm[];
	targetGroups: Term[];
};

const LABELS = 'code, label_fr, label_nl, label_en';

/** Categories, support kinds and target groups, in sort order. */
export async function load(supabase: Db): Promise<Taxonomy> {
	const [categories, supportKinds, targetGroups] = await Promise.all([
		supabase.from('categories').select(LABELS).order('sort_order'),
		supabase.from('support_kinds').select(`${LABELS}, parent_code`).order('sort_order'),
		supabase.from('target_groups').select(LABELS).order('sort_order')
	]);
	return {
		categories: orThrow(categories) as Term[],
		supportKinds: orThrow(supportKinds) as SupportKindTerm[],
		targetGroups: orThrow(targetGroups) as Term[]
	};
}

/** A term's label in a locale, or its code when the term is unknown. */
export function labelOf(terms: Term[], code: string, locale: Locale): string {
	const term = terms.find((t) => t.code === code);
	return term ? term[`label_${locale}`] : code;
}
