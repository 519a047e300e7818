// Languages a service can be offered in (what organizations say they speak and what social
// workers filter on): the community languages of the taxonomy in data/, with
// names from Intl where the platform knows them and our own where it does not.

import type { Locale } from '#lib/i18n/locales.ts';
import { memo } from './memo.ts';

/** Interface locales of Nabij. */
export type UiLocale = Locale;

/** Language codes (ISO 639-1, else 639-3 or 639-5) in the taxonomy's order. */
export const COMMUNITY_LANGUAGES = [
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

// Names the taxonomy gives itself because CLDR has none or an unhelpful one.
const OWN_NAMES: Record<string, Record<UiLocale, string>> = {
	ary: {
		fr: 'arabe marocain (darija)',
		nl: 'Marokkaans-Arabisch (Darija)',
		en: 'Moroccan Arabic (Darija)'
	},
	rif: { fr: 'rifain (tarifit)', nl: 'Riffijns (Tarifit)', en: 'Tarifit (Riffian)' },
	shi: { fr: 'chleuh (tachelhit)', nl: 'Tashelhit (Shilha)', en: 'Tachelhit (Shilha)' },
	tzm: {
		fr: 'tamazight du Maroc central',
		nl: 'Centraal-Atlas-Tamazight',
		en: 'Central Atlas Tamazight'
	},
	ber: { fr: 'amazigh (berbère)', nl: 'Amazigh (Berbers)', en: 'Amazigh (Berber)' },
	kmr: {
		fr: 'kurde kurmandji',
		nl: 'Kurmanci (Noord-Koerdisch)',
		en: 'Kurmanji (Northern Kurdish)'
	},
	ff: { fr: 'peul', nl: 'Peul (Fulfulde)', en: 'Fula (Fulfulde)' },
	rn: { fr: 'kirundi', nl: 'Kirundi', en: 'Kirundi' },
	rom: { fr: 'romani', nl: 'Romani', en: 'Romani' },
	vgt: {
		fr: 'langue des signes flamande (VGT)',
		nl: 'Vlaamse Gebarentaal (VGT)',
		en: 'Flemish Sign Language (VGT)'
	},
	sfb: {
		fr: 'langue des signes de Belgique francophone (LSFB)',
		nl: 'Frans-Belgische Gebarentaal (LSFB)',
		en: 'French Belgian Sign Language (LSFB)'
	}
};

const displayNames = new Map<UiLocale, Intl.DisplayNames>();

/**
 * The name of a language in an interface locale, starting with a capital letter; the code itself
 * when neither the taxonomy nor the platform knows it.
 *
 * @example languageName('ar', 'fr') // 'Arabe'
 * @example languageName('ary', 'en') // 'Moroccan Arabic (Darija)'
 */
export function languageName(code: string, locale: UiLocale): string {
	return knownName(code, locale);
}

// Looking a name up in Intl.DisplayNames costs microseconds; a results page asks for hundreds.
// Imported entries may carry any code; the memo's limit keeps it small all the same.
const knownName = memo((code: string, locale: UiLocale) => `${locale}:${code}`, nameOf);

function nameOf(code: string, locale: UiLocale): string {
	let name = OWN_NAMES[code]?.[locale];
	if (!name) {
		let names = displayNames.get(locale);
		if (!names) {
			names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
			displayNames.set(locale, names);
		}
		try {
			name = names.of(code) ?? code;
		} catch {
			name = code;
		}
	}
	return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Language names for a list of codes, joined the way the locale lists things. */
export function languageList(codes: readonly string[], locale: UiLocale): string {
	return listOf(codes, locale);
}

// Intl objects cost far more to build than to use, and every card of a results page lists its
// languages, mostly the same few combinations.
const listFormat = memo(
	(locale: UiLocale) => locale,
	(locale: UiLocale) => new Intl.ListFormat(locale, { type: 'conjunction' })
);
const listOf = memo(
	(codes: readonly string[], locale: UiLocale) => `${locale}:${codes.join(' ')}`,
	(codes: readonly string[], locale: UiLocale) =>
		listFormat(locale).format(codes.map((code) => languageName(code, locale)))
);

const KNOWN = new Set<string>(COMMUNITY_LANGUAGES);

/** True for a code of the community-language list (what registration accepts). */
export function isLanguageCode(code: string): boolean {
	return KNOWN.has(code);
}

/** The community languages with their names in `locale`, sorted by name in that locale. */
export function languageOptions(locale: UiLocale): { code: string; name: string }[] {
	let options = sortedOptions.get(locale);
	if (!options) {
		const collator = new Intl.Collator(locale);
		options = COMMUNITY_LANGUAGES.map((code) => ({ code, name: languageName(code, locale) })).sort(
			(a, b) => collator.compare(a.name, b.name)
		);
		sortedOptions.set(locale, options);
	}
	// A copy: callers may reorder or extend what they get.
	return options.map((option) => ({ ...option }));
}

// The same 44 names in the same order for every request in a locale: sorted once.
const sortedOptions = new Map<UiLocale, { code: string; name: string }[]>();
