import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';

// SvelteKit 3 takes its configuration through the sveltekit() Vite plugin; it is kept in this
// file so that tools (ESLint's Svelte parser) can read the same object.
//
// The browser talks to our own server only, except for the Supabase API when a page uses the
// browser client; its origin is allowed explicitly. Map tiles from an optional remote basemap
// (PUBLIC_MAP_STYLE_URL) are allowed the same way.
const supabaseOrigin = originOf(process.env.PUBLIC_SUPABASE_URL) ?? 'http://127.0.0.1:54321';
const mapOrigin = originOf(process.env.PUBLIC_MAP_STYLE_URL);

/**
 * @param {string | undefined} url
 * @returns {`${string}://${string}.${string}` | undefined}
 */
function originOf(url) {
	if (!url) return undefined;
	try {
		const origin = new URL(url).origin;
		return origin.startsWith('http://') || origin.startsWith('https://')
			? /** @type {`${string}://${string}.${string}`} */ (origin)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The build's version, reported by /healthz: package version plus the commit it was built from
 * (`0.1.0+d9bea89`), or the package version alone outside a git checkout.
 * @returns {string}
 */
function buildVersion() {
	const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: import.meta.dirname,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		return commit ? `${version}+${commit}` : version;
	} catch {
		return version;
	}
}

/** @type {import('@sveltejs/kit/vite').Config} */
const config = {
	adapter: adapter(),
	version: { name: buildVersion() },
	csp: {
		mode: 'auto',
		directives: {
			'default-src': ['self'],
			'script-src': ['self'],
			// MapLibre and Svelte transitions set inline styles.
			'style-src': ['self', 'unsafe-inline'],
			'img-src': ['self', 'data:', 'blob:', ...(mapOrigin ? [mapOrigin] : [])],
			'font-src': ['self'],
			// MapLibre runs its tile workers from blob: URLs.
			'worker-src': ['self', 'blob:'],
			'connect-src': ['self', supabaseOrigin, ...(mapOrigin ? [mapOrigin] : [])],
			'object-src': ['none'],
			'base-uri': ['self'],
			'form-action': ['self'],
			'frame-ancestors': ['none']
		}
	}
};

export default config;
