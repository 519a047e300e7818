import type { CompilerOptions } from '@inlang/paraglide-js';

/**
 * Paraglide's compiler options, shared by the Vite plugin (vite.config.ts) and the standalone
 * compile (scripts/paraglide.ts) that type checks and lint need before any Vite run.
 */
export const paraglideOptions: CompilerOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The locale always stands in the URL (/fr/…, /nl/…, /en/…); a URL without one is
	// redirected (src/hooks.server.ts) to the cookie's locale, else the browser's preference,
	// else French.
	strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
	// The embeddable map lives in other sites' pages: its language comes from its URL alone, and
	// it never writes the locale cookie (the cookie strategy would, on the first getLocale()).
	routeStrategies: [{ match: '/embed', strategy: ['url', 'baseLocale'] }],
	urlPatterns: [
		{
			pattern: '/:path(.*)?',
			localized: [
				['nl', '/nl/:path(.*)?'],
				['en', '/en/:path(.*)?'],
				['fr', '/fr/:path(.*)?']
			]
		}
	]
};
