import { describe, expect, it } from 'vitest';
import {
	COMMUNITY_LANGUAGES,
	isLanguageCode,
	languageList,
	languageName,
	languageOptions
} from './languages.ts';

describe('languageName', () => {
	it('names languages in the interface locale, capitalised', () => {
		expect(languageName('ar', 'fr')).toBe('Arabe');
		expect(languageName('ar', 'nl')).toBe('Arabisch');
		expect(languageName('pt', 'en')).toBe('Portuguese');
	});

	it('uses the taxonomy names where the platform has none', () => {
		expect(languageName('ary', 'en')).toBe('Moroccan Arabic (Darija)');
		expect(languageName('sfb', 'nl')).toBe('Frans-Belgische Gebarentaal (LSFB)');
	});

	it('gives the code back for an unknown or malformed code', () => {
		expect(languageName('zzz', 'en')).toBe('Zzz');
		expect(languageName('not a code', 'fr')).toBe('Not a code');
	});

	it('has a readable name for every community language in every locale', () => {
		for (const code of COMMUNITY_LANGUAGES) {
			for (const locale of ['fr', 'nl', 'en'] as const) {
				expect(languageName(code, locale).toLowerCase()).not.toBe(code);
			}
		}
	});
});

describe('languageList', () => {
	it('joins names with the locale conjunction', () => {
		expect(languageList(['ar', 'nl'], 'en')).toBe('Arabic and Dutch');
		expect(languageList(['ar', 'nl'], 'fr')).toBe('Arabe et Néerlandais');
	});
});

describe('registration helpers', () => {
	it('accepts only codes of the community-language list', () => {
		expect(isLanguageCode('ar')).toBe(true);
		expect(isLanguageCode('ary')).toBe(true);
		expect(isLanguageCode('xx')).toBe(false);
		expect(isLanguageCode('<script>')).toBe(false);
	});

	it('offers every community language once, sorted by its name in the interface language', () => {
		const options = languageOptions('nl');
		expect(options.map((o) => o.code).sort()).toEqual([...COMMUNITY_LANGUAGES].sort());
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort(new Intl.Collator('nl').compare));
		expect(options.find((o) => o.code === 'ar')?.name).toBe('Arabisch');
	});
});
