import { describe, expect, it } from 'vitest';
import {
	ownLanguageName,
	parseSecondLanguage,
	secondLanguageValue,
	sheetParamsSchema
} from './schema.ts';

const parse = (search: string, locale: 'fr' | 'nl' | 'en' = 'fr') =>
	parseSecondLanguage(new URLSearchParams(search), locale);

describe('sheetParamsSchema', () => {
	it('accepts a quartier code and refuses anything else', () => {
		expect(sheetParamsSchema.parse({ mdrc: '42' })).toEqual({ mdrc: 42 });
		for (const mdrc of ['0', '-3', '1.5', 'abc', '', '1000'])
			expect(sheetParamsSchema.safeParse({ mdrc }).success).toBe(false);
	});
});

describe('parseSecondLanguage', () => {
	it('reads another interface language as a translated second language', () => {
		expect(parse('also=nl')).toEqual({ kind: 'translated', locale: 'nl' });
		expect(parse('also=EN', 'nl')).toEqual({ kind: 'translated', locale: 'en' });
		expect(parse('also=fr', 'en')).toEqual({ kind: 'translated', locale: 'fr' });
	});

	it('reads a community language as one we only name', () => {
		expect(parse('also=ar')).toEqual({ kind: 'community', code: 'ar' });
		expect(parse('also=%20rif%20')).toEqual({ kind: 'community', code: 'rif' });
	});

	it("gives no second language for the page's own, an empty or an unknown one", () => {
		expect(parse('also=fr')).toBeNull();
		expect(parse('also=nl', 'nl')).toBeNull();
		expect(parse('')).toBeNull();
		expect(parse('also=')).toBeNull();
		expect(parse('also=klingon')).toBeNull();
		expect(parse('also=<script>')).toBeNull();
	});

	it('round-trips through the value the form sends', () => {
		for (const search of ['also=nl', 'also=ar', 'also=ber', ''])
			expect(parse(`also=${secondLanguageValue(parse(search))}`)).toEqual(parse(search));
	});
});

describe('ownLanguageName', () => {
	it('names a language in itself where the platform knows it', () => {
		expect(ownLanguageName('ar')).toBe('العربية');
		expect(ownLanguageName('tr')).toBe('Türkçe');
		expect(ownLanguageName('nl')).toBe('Nederlands');
	});

	it('gives null rather than a name in another language when it does not', () => {
		expect(ownLanguageName('rif')).toBeNull();
		expect(ownLanguageName('vgt')).toBeNull();
		expect(ownLanguageName('ber')).toBeNull();
	});
});
