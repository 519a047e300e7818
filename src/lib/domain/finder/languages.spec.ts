import { describe, expect, it } from 'vitest';
import { COMMUNITY_LANGUAGES, languageList, languageName } from './languages.ts';

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
