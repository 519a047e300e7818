// Languages an organization can say it speaks: the community languages of the shared taxonomy,
// as ISO 639 codes (639-1 where one exists). Names come from Intl.DisplayNames in the reader's
// language, so no list of names is maintained here.

export const LANGUAGE_CODES = [
	'fr',
	'nl',
	'en',
	'de',
	'ar',
	'ary',
	'rif',
	'shi',
	'tzm',
	'ber',
	'tr',
	'es',
	'pt',
	'it',
	'el',
	'ro',
	'pl',
	'bg',
	'ru',
	'uk',
	'sq',
	'ku',
	'kmr',
	'ckb',
	'fa',
	'prs',
	'ps',
	'ur',
	'bn',
	'zh',
	'ln',
	'sw',
	'so',
	'ti',
	'am',
	'wo',
	'ff',
	'rn',
	'rw',
	'vi',
	'tl',
	'rom',
	'vgt',
	'sfb'
] as const;

const KNOWN = new Set<string>(LANGUAGE_CODES);

/** True for a language code of the list. */
export function isLanguageCode(code: string): boolean {
	return KNOWN.has(code);
}

/**
 * The name of a language in `locale`, from Intl.DisplayNames, or the code when the runtime has
 * no name for it.
 *
 * @example languageName('ar', 'nl') // 'Arabisch'
 */
export function languageName(code: string, locale: string): string {
	try {
		const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
		return name ?? code;
	} catch {
		return code;
	}
}

/** The languages with their names in `locale`, sorted by name in that locale. */
export function languageOptions(locale: string): { code: string; name: string }[] {
	const collator = new Intl.Collator(locale);
	return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) =>
		collator.compare(a.name, b.name)
	);
}
