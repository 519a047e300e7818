// Where to go after signing in: only a path on this site, never another origin.

/**
 * `raw` when it is a local path (`/fr/moderate?x=1`), else `fallback`. Refuses `//host`,
 * backslashes and anything with a scheme, so a link cannot send people to another site.
 *
 * @example safeNext('/fr/manage', '/fr/account') // '/fr/manage'
 * @example safeNext('//evil.test', '/fr/account') // '/fr/account'
 */
export function safeNext(raw: string | null | undefined, fallback: string): string {
	if (!raw || raw.length > 500) return fallback;
	if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
	// eslint-disable-next-line no-control-regex -- a line break in a redirect is refused
	if (/[\u0000-\u001f]/.test(raw)) return fallback;
	return raw;
}
