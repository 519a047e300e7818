import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- the oracle the fast paths must agree with */
import {
	deLocalizeHref as paraglideDeLocalizeHref,
	deLocalizeUrl,
	localizeHref as paraglideLocalizeHref
} from '#lib/paraglide/runtime.js';
/* eslint-enable no-restricted-imports */
import { deLocalizeHref, deLocalizePathname, localizeHref } from './href.ts';
import { LOCALES, type Locale } from './locales.ts';

/** What a localizer answers for a link, or that it throws (Paraglide does on `//`). */
function answer(localize: typeof localizeHref, href: string, locale: Locale): string {
	try {
		return localize(href, { locale });
	} catch (error) {
		return `throws ${(error as Error).name}`;
	}
}

describe('localizeHref', () => {
	it('puts the locale first, replacing one that is there', () => {
		expect(localizeHref('/find?q=aide', { locale: 'nl' })).toBe('/nl/find?q=aide');
		expect(localizeHref('/en/resources/1#map', { locale: 'fr' })).toBe('/fr/resources/1#map');
		expect(localizeHref('/', { locale: 'en' })).toBe('/en/');
		expect(localizeHref('/nl', { locale: 'fr' })).toBe('/fr');
		expect(localizeHref('/english', { locale: 'fr' })).toBe('/fr/english');
	});

	it('agrees with Paraglide on typical and unusual links', () => {
		const hrefs = [
			'/',
			'/find',
			'/find/',
			'/fr/find',
			'/nl/',
			'/en',
			'/en?x=1',
			'/fr#top',
			'/?a=1',
			'/resources/0b9f?back=near%3D4.34%252C50.84%26radius%3D1000',
			'/find?q=caf%C3%A9&category=social_contact&category=meals',
			'/find?q=café',
			'/find?q=a b',
			"/find?q=l'aide",
			'/a/./b',
			'/a/../b',
			'/a/%2e%2E/b',
			'/a/.hidden/b',
			'/a..b/c.',
			'//elsewhere.example/x',
			'find',
			'?page=2',
			'#results',
			'https://elsewhere.example/about',
			'/a\\b'
		];
		for (const href of hrefs) {
			for (const locale of LOCALES) {
				expect(answer(localizeHref, href, locale), `${href} in ${locale}`).toBe(
					answer(paraglideLocalizeHref, href, locale)
				);
			}
		}
	});

	it('agrees with Paraglide on random paths', () => {
		const piece = fc.constantFrom(
			...['/', '/fr', '/nl', '/en', 'fr', 'find', '.', '..', '%2e', '%', '%20', '?', '#', '&'],
			...['=', 'é', ' ', "'", '"', '<', '\\', '+', ':', '@', '~', '-', '_', '(', ')', 'a', 'Z', '9']
		);
		const href = fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join('')}`);
		fc.assert(
			fc.property(href, fc.constantFrom(...LOCALES), (link, locale) => {
				expect(answer(localizeHref, link, locale)).toBe(
					answer(paraglideLocalizeHref, link, locale)
				);
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('deLocalizeHref', () => {
	it('takes the locale out, as Paraglide does', () => {
		expect(deLocalizeHref('/nl/find?q=hulp')).toBe('/find?q=hulp');
		expect(deLocalizeHref('/fr')).toBe('/');
		expect(deLocalizeHref('/en?x=1')).toBe('/?x=1');
		expect(deLocalizeHref('/english')).toBe('/english');
	});

	it('agrees with Paraglide on random paths', () => {
		const piece = fc.constantFrom(
			...['/', '/fr', '/nl', '/en', 'en', 'find', '.', '..', '%2e', '%', '?', '#', '=', 'é', ' ']
		);
		const href = fc.array(piece, { maxLength: 10 }).map((pieces) => `/${pieces.join('')}`);
		const answerOf = (deLocalize: (href: string) => string, link: string) => {
			try {
				return deLocalize(link);
			} catch (error) {
				return `throws ${(error as Error).name}`;
			}
		};
		fc.assert(
			fc.property(href, (link) => {
				expect(answerOf(deLocalizeHref, link)).toBe(answerOf(paraglideDeLocalizeHref, link));
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('deLocalizePathname', () => {
	it('gives the route path of request URLs, as Paraglide does', () => {
		const paths = ['/', '/fr', '/nl/', '/en/find', '/fr/resources/1', '/find', '/fr//x', '//x/y'];
		const queries = ['', '?q=%C3%A9&page=2', '#x'];
		for (const path of [...paths, '/fr/caf%C3%A9', '/nl/a b', '/en/./find', '/fr/x/../find']) {
			for (const query of queries) {
				const url = new URL(`http://127.0.0.1${path}${query}`);
				expect(deLocalizePathname(url), url.href).toBe(deLocalizeUrl(url).pathname);
			}
		}
		expect(deLocalizePathname(new URL('http://127.0.0.1/nl/find?q=hulp'))).toBe('/find');
	});
});
