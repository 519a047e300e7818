// The finder page's taxonomy and quartier names in the page's language only. A page sends its
// data to the browser to hydrate; the other two languages' labels would be a tenth of the finder
// page's data for nothing, since changing the language loads the page again.

import type { Locale } from '#lib/i18n/locales.ts';
import { placeName } from '../places/place-name.ts';

type Labels = { code: string; label_fr: string; label_nl: string; label_en: string };

/** A taxonomy term with its label in one language. */
export type LabelledTerm = { code: string; label: string };

/** A support kind with its label; groups have no parent. */
export type LabelledSupportKind = LabelledTerm & { parent_code: string | null };

/** What the finder filters on, each list in its display order, labelled in one language. */
export type FinderTerms = {
	categories: LabelledTerm[];
	supportKinds: LabelledSupportKind[];
	targetGroups: LabelledTerm[];
};

/** A quartier as the finder's quartier list shows it. */
export type NamedQuartier = { mdrc: number; name: string };

const labelled = (term: Labels, locale: Locale): LabelledTerm => ({
	code: term.code,
	label: term[`label_${locale}`]
});

/**
 * The taxonomy with each term's label in `locale`, order kept.
 *
 * @example termsIn({ categories: [{ code: 'other', label_fr: 'Autre', label_nl: 'Andere', label_en: 'Other' }], supportKinds: [], targetGroups: [] }, 'nl').categories // [{ code: 'other', label: 'Andere' }]
 */
export function termsIn(
	taxonomy: {
		categories: Labels[];
		supportKinds: (Labels & { parent_code: string | null })[];
		targetGroups: Labels[];
	},
	locale: Locale
): FinderTerms {
	return {
		categories: taxonomy.categories.map((t) => labelled(t, locale)),
		supportKinds: taxonomy.supportKinds.map((t) => ({
			...labelled(t, locale),
			parent_code: t.parent_code
		})),
		targetGroups: taxonomy.targetGroups.map((t) => labelled(t, locale))
	};
}

/**
 * The quartiers with their names as `placeName` writes them in `locale`, in the alphabetical
 * order of those names: a list of 145 to choose from is read by name, not by code.
 */
export function quartiersIn(
	quartiers: { mdrc: number; name_fr: string; name_nl: string }[],
	locale: string
): NamedQuartier[] {
	return quartiers
		.map((q) => ({ mdrc: q.mdrc, name: placeName(q, locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}
