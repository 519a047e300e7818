// The quartier sheet's address: which quartier, and which second language the reader asked for.
import { z } from 'zod';
import { isLanguageCode, type UiLocale } from '../languages.ts';

/** The route parameter: a Monitoring des Quartiers code. */
export const sheetParamsSchema = z.object({ mdrc: z.coerce.number().int().min(1).max(999) });

/**
 * The second language of a sheet:
 * - `translated`: one of the interface languages, so every label and text we hold is shown twice;
 * - `community`: a community language we cannot translate into; the sheet names it and marks the
 *   entries that speak it, nothing more.
 */
export type SecondLanguage =
	{ kind: 'translated'; locale: UiLocale } | { kind: 'community'; code: string };

const UI_LOCALES = ['fr', 'nl', 'en'] as const;

/**
 * Reads `also` from the sheet's search params. An interface language equal to the page's locale,
 * an empty value or an unknown code gives no second language (the sheet stays monolingual rather
 * than failing: a printed notice board must not depend on a well-formed link).
 *
 * @example parseSecondLanguage(new URLSearchParams('also=nl'), 'fr') // { kind: 'translated', locale: 'nl' }
 * @example parseSecondLanguage(new URLSearchParams('also=ar'), 'fr') // { kind: 'community', code: 'ar' }
 * @example parseSecondLanguage(new URLSearchParams('also=fr'), 'fr') // null
 */
export function parseSecondLanguage(
	params: URLSearchParams,
	locale: UiLocale
): SecondLanguage | null {
	const parsed = z
		.string()
		.trim()
		.toLowerCase()
		.refine(isLanguageCode)
		.safeParse(params.get('also') ?? '');
	if (!parsed.success || parsed.data === locale) return null;
	const ui = z.enum(UI_LOCALES).safeParse(parsed.data);
	return ui.success
		? { kind: 'translated', locale: ui.data }
		: { kind: 'community', code: parsed.data };
}

/** The value of `also` for a second language (what the form sends back). */
export function secondLanguageValue(second: SecondLanguage | null): string {
	if (!second) return '';
	return second.kind === 'translated' ? second.locale : second.code;
}

/**
 * A language's name in itself (autonym), from the platform's CLDR data, or null when the platform
 * has no data for that language: then we say so rather than guess.
 *
 * @example ownLanguageName('ar') // 'العربية'
 * @example ownLanguageName('rif') // null
 */
export function ownLanguageName(code: string): string | null {
	try {
		const names = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
		const resolved = names.resolvedOptions().locale;
		// Without data for `code` the platform answers in its default language: not an autonym.
		// A close match (kmr → ku, prs → fa-AF, tl → fil) is the language's own name all the same.
		const fallback = new Intl.DisplayNames([], { type: 'language' }).resolvedOptions().locale;
		if (resolved === fallback && new Intl.Locale(resolved).language !== code) return null;
		const name = names.of(code);
		return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : null;
	} catch {
		return null;
	}
}
