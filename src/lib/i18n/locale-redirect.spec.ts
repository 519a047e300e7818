import { describe, expect, it } from 'vitest';
import { localeOfPath, localeRedirectTarget, negotiateLocale } from './locale-redirect.ts';

describe('localeRedirectTarget', () => {
	it('keeps the path and query under the chosen locale', () => {
		expect(localeRedirectTarget(new URL('http://127.0.0.1/find?q=a&language=ar'), 'nl')).toBe(
			'/nl/find?q=a&language=ar'
		);
		expect(localeRedirectTarget(new URL('http://127.0.0.1/'), 'en')).toBe('/en');
		expect(localeRedirectTarget(new URL('http://127.0.0.1/?x=1'), 'en')).toBe('/en?x=1');
	});

	it('leaves localized pages and machine endpoints alone', () => {
		expect(localeRedirectTarget(new URL('http://127.0.0.1/fr/find'), 'nl')).toBeNull();
		expect(localeRedirectTarget(new URL('http://127.0.0.1/nl'), 'fr')).toBeNull();
		expect(localeRedirectTarget(new URL('http://127.0.0.1/api/jobs/liveness'), 'fr')).toBeNull();
		expect(localeRedirectTarget(new URL('http://127.0.0.1/healthz'), 'nl')).toBeNull();
	});

	it('does not mistake a path that merely begins with a locale code', () => {
		expect(localeRedirectTarget(new URL('http://127.0.0.1/english'), 'fr')).toBe('/fr/english');
	});
});

describe('negotiateLocale', () => {
	it('picks the most preferred language we offer', () => {
		expect(negotiateLocale('nl-BE,nl;q=0.9,fr;q=0.8')).toBe('nl');
		expect(negotiateLocale('ar-MA,ar;q=0.9,fr;q=0.7,en;q=0.8')).toBe('en');
		expect(negotiateLocale('de, fr;q=0.5')).toBe('fr');
	});

	it('returns null when nothing we offer is acceptable', () => {
		expect(negotiateLocale('de-DE,tr;q=0.8')).toBeNull();
		expect(negotiateLocale('')).toBeNull();
		expect(negotiateLocale(null)).toBeNull();
		expect(negotiateLocale('fr;q=0')).toBeNull();
	});
});

describe('localeOfPath', () => {
	it('reads the locale an address starts with', () => {
		expect(localeOfPath('/nl/find')).toBe('nl');
		expect(localeOfPath('/en')).toBe('en');
		expect(localeOfPath('/fr/')).toBe('fr');
	});

	it('finds none in other first segments', () => {
		expect(localeOfPath('/')).toBeNull();
		expect(localeOfPath('/find')).toBeNull();
		expect(localeOfPath('/api/hsds/services')).toBeNull();
		expect(localeOfPath('/frx/find')).toBeNull();
		expect(localeOfPath('/de/find')).toBeNull();
	});
});
