/**
 * Headers added to every response. The Content-Security-Policy (with frame-ancestors) comes from
 * `kit.csp` in svelte.config.js, because SvelteKit has to add nonces/hashes for its own scripts.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Content-Type-Options': 'nosniff',
	// For browsers that ignore CSP frame-ancestors.
	'X-Frame-Options': 'DENY',
	// Only the finder asks for the device's location, and only on our own origin.
	'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/**
 * Routes (SvelteKit route ids) other sites may put in a frame: the embeddable map only. Every
 * other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 */
export const FRAMEABLE_ROUTES: ReadonlySet<string> = new Set(['/embed']);

/**
 * The same Content-Security-Policy with `frame-ancestors *`: any site may frame the page, the
 * page itself still loads only what the policy allows.
 *
 * @example allowAnyFrameAncestor("default-src 'self'; frame-ancestors 'none'") // "default-src 'self'; frame-ancestors *"
 */
export function allowAnyFrameAncestor(csp: string): string {
	const kept = csp
		.split(';')
		.map((directive) => directive.trim())
		.filter((directive) => directive !== '' && !/^frame-ancestors(\s|$)/i.test(directive));
	return [...kept, 'frame-ancestors *'].join('; ');
}
