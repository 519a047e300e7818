import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale-redirect.ts';

// The message files are the only source of interface text: every string must exist in fr, nl
// and en with the same placeholders, or a reader would see a key or a broken sentence.
const files = Object.fromEntries(
	LOCALES.map((locale) => {
		const text = readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8');
		const { $schema: _schema, ...messages } = JSON.parse(text) as Record<string, string>;
		return [locale, messages];
	})
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
	it('have identical keys in fr, nl and en', () => {
		const [first, ...others] = LOCALES.map((locale) => Object.keys(files[locale]).sort());
		for (const keys of others) expect(keys).toEqual(first);
	});

	it('use flat snake_case keys, sorted', () => {
		for (const locale of LOCALES) {
			const keys = Object.keys(files[locale]);
			for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
			expect(keys).toEqual([...keys].sort());
		}
	});

	it('have a non-empty text with the same placeholders in every language', () => {
		for (const key of Object.keys(files.en)) {
			const expected = placeholders(files.en[key] ?? '');
			for (const locale of LOCALES) {
				const text = files[locale][key] ?? '';
				expect(text.trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(text), `${locale}.${key}`).toEqual(expected);
			}
		}
	});
});
