// The layers of the app, kept by ESLint's own `no-restricted-imports` (no plugin needed):
//
// - pure domain code (src/lib/domain) imports neither the server side, routes, Svelte, SvelteKit,
//   Supabase, MapLibre nor Paraglide: it returns data and message keys, the UI layer translates;
// - a route folder (src/routes/<name>/**) imports its own files and `$lib`/`#lib`, never the
//   files of a sibling route: what two routes share moves to src/lib;
// - app code links to its pages with #lib/i18n/href.ts, not Paraglide's slower (de)localizeHref;
// - app code (src/**) never imports the local gateway, which is a development tool; tests,
//   scripts and benchmarks use it through its package exports, not its src/ or test/ files.
//
// The rule matches import strings, not resolved paths, so "leaves its route folder" is spelled
// per depth: a file N folders below src/routes/<name>/ leaves it with N + 1 `../`.
// `no-restricted-imports` settings do not merge across config objects, so each object below
// carries the app-wide patterns too. scripts/boundaries.spec.ts proves every rule fires.

const SOURCES = '{ts,js,svelte}';

/** Patterns that hold for every file under src/. */
const app = [
	{
		regex: '(^|/)supabase-local(/|$)|^@nabij/supabase-local',
		message: 'App code never imports the local gateway (supabase-local/).'
	},
	{
		regex: '^[$#]lib/(.*/)?\\.\\.(/|$)',
		message: 'Import through $lib/#lib without leaving src/lib.'
	},
	{
		regex: '(^|/)paraglide/runtime(\\.js)?$',
		importNames: ['localizeHref', 'deLocalizeHref'],
		message:
			"Use (de)localizeHref from #lib/i18n/href.ts: Paraglide's parse URL patterns on every call."
	}
];

/** Patterns for everything under src/lib: library code does not depend on pages. */
const lib = [
	{
		regex: '(^|/)routes(/|$)',
		message: 'src/lib does not import routes; move what is shared into src/lib.'
	}
];

const domain = [
	{
		regex: '^(\\$app|\\$env|\\$service-worker)(/|$)|^@sveltejs/',
		message: 'Domain code is pure: no SvelteKit.'
	},
	{
		regex: '^svelte(/|$)|\\.svelte(\\.ts)?$',
		message: 'Domain code is pure: no Svelte.'
	},
	{ regex: '^@supabase/', message: 'Domain code is pure: no Supabase.' },
	{ regex: '^maplibre-gl(/|$)', message: 'Domain code is pure: no MapLibre.' },
	{
		regex: '(^|/)paraglide(/|$)',
		message: 'Domain code returns message keys; the UI layer translates them with Paraglide.'
	},
	{
		regex: '^([$#]lib/|(\\.\\./)+)server(/|$)',
		message: 'Domain code does not import src/lib/server.'
	},
	{
		regex: '^[$#]lib/(map|components|places)(/|$)',
		message: 'Domain code does not import UI modules of src/lib.'
	}
];

/**
 * @param {{ regex: string, message: string }[]} patterns
 * @returns {import('eslint').Linter.RulesRecord}
 */
function restrict(patterns) {
	return { 'no-restricted-imports': ['error', { patterns }] };
}

/** How deep below src/routes/<name>/ a route file may sit; deeper files would go unchecked. */
const MAX_ROUTE_DEPTH = 6;

const routeDepths = Array.from({ length: MAX_ROUTE_DEPTH + 1 }, (_, depth) => ({
	files: [`src/routes/*/${'*/'.repeat(depth)}*.${SOURCES}`],
	rules: restrict([
		...app,
		{
			regex: `^(\\.\\./){${depth + 1},}`,
			message:
				'A route imports its own files and $lib/#lib, never a sibling route; move shared code to src/lib.'
		}
	])
}));

/** Outside the gateway, it is used by its package exports only (see supabase-local/package.json). */
const gatewayByExports = {
	files: [`{tests,scripts,bench}/**/*.${SOURCES}`],
	rules: restrict([
		{
			regex: '(^|/)supabase-local/(src|test)(/|$)',
			message:
				'Use the gateway through @nabij/supabase-local (., ./keys, ./mailbox, ./testing), not its src/ or test/ files.'
		}
	])
};

export default [
	gatewayByExports,
	{ files: [`src/**/*.${SOURCES}`], rules: restrict(app) },
	{
		files: [`src/*.${SOURCES}`],
		rules: restrict([
			...app,
			{ regex: '^\\./routes/', message: 'Hooks import $lib/#lib, not the files of a route.' }
		])
	},
	{ files: [`src/lib/**/*.${SOURCES}`], rules: restrict([...app, ...lib]) },
	{ files: [`src/lib/domain/**/*.${SOURCES}`], rules: restrict([...app, ...lib, ...domain]) },
	{
		files: [`src/routes/*.${SOURCES}`],
		rules: restrict([
			...app,
			{
				regex: '^\\./[^/]+/',
				message: 'The root layout and page import $lib/#lib, not the files of a route.'
			}
		])
	},
	...routeDepths
];
