/**
 * Whether a request's cookies hold a Supabase session (or a sign-in under way): @supabase/ssr
 * names them `sb-<project>-auth-token`, split into `.0`, `.1`… when long, plus the code
 * verifiers of a sign-in by link. Without one, the request's client could only be anonymous.
 *
 * @example hasSessionCookie([{ name: 'sb-127-auth-token', value: '…' }]) // true
 * @example hasSessionCookie([{ name: 'PARAGLIDE_LOCALE', value: 'nl' }]) // false
 */
export function hasSessionCookie(cookies: readonly { name: string }[]): boolean {
	return cookies.some(({ name }) => name.startsWith('sb-'));
}
