// Links to our own pages in the reader's language. Paraglide's localizeHref parses the link and
// matches it against URL patterns on every call, about 0.1 ms each: a finder page with 50 result
// cards spent a fifth of its server time there. Our URLs put the locale first (/fr/…, see
// paraglide.config.ts), so a same-origin path is localized by replacing or adding that segment;
// anything else (other origins, relative or unusual paths) still goes through Paraglide, and
// href.spec.ts checks that both give the same answer.
// eslint-disable-next-line no-restricted-imports -- the one place that wraps Paraglide's version
import { getLocale, localizeHref as paraglideLocalizeHref } from '#lib/paraglide/runtime.js';
import { LOCALES, type Locale } from './locales.ts';

/** Characters the URL parser leaves as they are in a path, a query and a fragment. */
const PLAIN = /^[\w\-.~%/!$&()*+,;=:@?#]*$/;

/**
 * Whether a link is a path on our own origin that the URL parser would not rewrite: one leading
 * slash, plain characters only, no empty, repeated or out-of-order `?` and `#` (it rewrites those) and no dot segment
 * (`.`, `..`, or their `%2e` spellings) that it would resolve away.
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
