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
