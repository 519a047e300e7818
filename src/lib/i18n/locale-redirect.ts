import { LOCALES, type Locale } from './locales.ts';

export { LOCALES, type Locale };

// Paths that are not pages: machine endpoints keep one address whatever the reader's language.
const UNLOCALIZED_PREFIXES = ['/api/', '/_app/', '/healthz'];

/**
 * The locale an address starts with, or null.
 *
 * @example localeOfPath('/nl/find') // 'nl'
 * @example localeOfPath('/api/hsds/services') // null
 */
export function localeOfPath(pathname: string): Locale | null {
	const first = pathname.split('/', 2)[1] ?? '';
	return (LOCALES as readonly string[]).includes(first) ? (first as Locale) : null;
}

/**
 * Where a page address without a locale should go: the same path and query under
 * `/{locale}/`, as a relative URL (so the redirect never changes the scheme or host).
 * Returns null when the address already starts with a locale or is not a page.
 *
 * @example localeRedirectTarget(new URL('http://x/find?q=a'), 'nl') // '/nl/find?q=a'
 */
export function localeRedirectTarget(url: URL, locale: Locale): string | null {
	if (localeOfPath(url.pathname)) return null;
	if (UNLOCALIZED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return null;
	// The locale root has no trailing slash, as SvelteKit would otherwise redirect once more.
	const rest = url.pathname === '/' ? '' : url.pathname;
	return `/${locale}${rest}${url.search}`;
}

/**
 * The best interface language for an Accept-Language header, or null when none of ours is
 * acceptable. Regional variants count for their language (`nl-BE` → `nl`).
 */
export function negotiateLocale(acceptLanguage: string | null): Locale | null {
	if (!acceptLanguage) return null;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { language: tag.toLowerCase().split('-')[0] ?? '', quality, index };
		})
		.filter((entry) => Number.isFinite(entry.quality) && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const { language } of ranked) {
		if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
	}
	return null;
}
