import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale-redirect.ts';

// The message files are the only source of interface text: every string must exist in fr, nl
// and en with the same placeholders, or a reader would see a key or a broken sentence. Messages
// are split by area (messages/{locale}.json and messages/<area>/{locale}.json).
const root = new URL('../../../messages/', import.meta.url);
const settings = JSON.parse(
	readFileSync(new URL('../../../project.inlang/settings.json', import.meta.url), 'utf8')
) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const areas = [
	'',
	...readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => `${entry.name}/`)
];

function load(area: string, locale: string): Record<string, string> {
	const text = readFileSync(new URL(`${area}${locale}.json`, root), 'utf8');
	const { $schema: _schema, ...messages } = JSON.parse(text) as Record<string, string>;
	return messages;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(areas)('messages/%s', (area) => {
	const files = Object.fromEntries(LOCALES.map((locale) => [locale, load(area, locale)]));
	const en = files.en ?? {};

	it('is compiled (listed in project.inlang/settings.json)', () => {
		expect(settings['plugin.inlang.messageFormat'].pathPattern).toContain(
			`./messages/${area}{locale}.json`
		);
	});

	it('has identical keys in fr, nl and en', () => {
		for (const locale of LOCALES) {
			expect(Object.keys(files[locale] ?? {}).sort(), locale).toEqual(Object.keys(en).sort());
		}
	});

	it('uses flat snake_case keys, sorted, prefixed by the area', () => {
		for (const locale of LOCALES) {
			const keys = Object.keys(files[locale] ?? {});
			for (const key of keys) {
				expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
				if (area) expect(key.startsWith(area.replace('/', '_'))).toBe(true);
			}
			expect(keys).toEqual([...keys].sort());
		}
	});

	it('has a non-empty text with the same placeholders in every language', () => {
		for (const key of Object.keys(en)) {
			for (const locale of LOCALES) {
				const text = files[locale]?.[key] ?? '';
				expect(text.trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key] ?? ''));
			}
		}
	});
});

describe('message keys', () => {
	it('are unique across areas', () => {
		const seen = new Map<string, string>();
		for (const area of areas) {
			for (const key of Object.keys(load(area, 'en'))) {
				expect(
					seen.get(key),
					`${key} in ${area || 'messages/'} and ${seen.get(key)}`
				).toBeUndefined();
				seen.set(key, area || 'messages/');
			}
		}
	});
});
