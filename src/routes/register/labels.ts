// Taxonomy labels in the reader's language.
import { getLocale } from '#lib/paraglide/runtime.js';

export type Labelled = { code: string; label_fr: string; label_nl: string; label_en: string };

/** The label of a taxonomy term in the current locale. */
export function label(term: Labelled): string {
	const locale = getLocale();
	return locale === 'nl' ? term.label_nl : locale === 'en' ? term.label_en : term.label_fr;
}
