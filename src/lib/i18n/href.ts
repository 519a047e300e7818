// Links to our own pages in the reader's language. Paraglide's localizeHref parses the link and
// matches it against URL patterns on every call, about 0.1 ms each: a finder page with 50 result
// cards spent a fifth of its server time there. Our URLs put the locale first (/fr/…, see
// paraglide.config.ts), so a same-origin path is localized by replacing or adding that segment;
// anything else (other origins, relative or unusual paths) still goes through Paraglide, and
// href.spec.ts checks that both give the same answer. The same holds for taking the locale out.
/* eslint-disable no-restricted-imports -- the one place that wraps Paraglide's versions */
import {
	deLocalizeHref as paraglideDeLocalizeHref,
	deLocalizeUrl,
	getLocale,
	localizeHref as paraglideLocalizeHref
} from '#lib/paraglide/runtime.js';
/* eslint-enable no-restricted-imports */
import { LOCALES, type Locale } from './locales.ts';

/** Characters the URL parser leaves as they are in a path, a query and a fragment. */
const PLAIN = /^[\w\-.~%/!$&()*+,;=:@?#]*$/;

/**
 * Whether a link is a path on our own origin that the URL parser would not rewrite: one leading
 * slash, plain characters only, no empty, repeated or out-of-order `?` and `#` (it rewrites
 * those) and no dot segment (`.`, `..`, or their `%2e` spellings) that it would resolve away.
 */
function isPlainPath(href: string): boolean {
	if (!href.startsWith('/') || href.startsWith('//') || !PLAIN.test(href)) return false;
	if (/[?#](?=$|[?#])|\?.*\?|#.*[?#]/.test(href)) return false;
	const path = href.split(/[?#]/, 1)[0] ?? '';
	return path
		.split('/')
		.every((segment) => segment !== '.' && segment !== '..' && !/%2e/i.test(segment));
}

const LOCALE_PREFIX = new RegExp(`^/(?:${LOCALES.join('|')})(?=/|$|[?#])`);

/**
 * The link to one of our pages in a locale (the current one by default), as Paraglide's
 * `localizeHref` gives it.
 *
 * @example localizeHref('/find?q=aide', { locale: 'nl' }) // '/nl/find?q=aide'
 * @example localizeHref('/en/resources/1', { locale: 'fr' }) // '/fr/resources/1'
 */
export function localizeHref(href: string, options?: { locale?: Locale }): string {
	if (!isPlainPath(href)) return paraglideLocalizeHref(href, options);
	const locale = options?.locale ?? getLocale();
	const prefixed = LOCALE_PREFIX.exec(href);
	const rest = prefixed ? href.slice(prefixed[0].length) : href;
	return `/${locale}${rest}`;
}

/**
 * The link without its locale, as Paraglide's `deLocalizeHref` gives it: what the language
 * switcher and the header's current page compare.
 *
 * @example deLocalizeHref('/nl/find?q=hulp') // '/find?q=hulp'
 * @example deLocalizeHref('/fr') // '/'
 */
export function deLocalizeHref(href: string): string {
	if (!isPlainPath(href)) return paraglideDeLocalizeHref(href);
	const prefixed = LOCALE_PREFIX.exec(href);
	if (!prefixed) return href;
	const rest = href.slice(prefixed[0].length);
	// `/fr//x` would become a link to another host; Paraglide refuses it.
	if (rest.startsWith('//')) return paraglideDeLocalizeHref(href);
	return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The route path of a request's URL: its path without the locale (what `reroute` answers).
 *
 * @example deLocalizePathname(new URL('http://127.0.0.1/nl/find?q=hulp')) // '/find'
 */
export function deLocalizePathname(url: URL): string {
	const path = url.pathname;
	if (!isPlainPath(path) || /^\/[a-z]{2}\/\//.test(path)) return deLocalizeUrl(url).pathname;
	return deLocalizeHref(path);
}
