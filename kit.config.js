import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import adapterNode from '@sveltejs/adapter-node';
import { build } from 'vite';
import { fetchStyleOrigins, originOf } from './src/lib/map/csp.ts';

// SvelteKit 3 takes its configuration through the sveltekit() Vite plugin; it is kept in this
// file so that tools (ESLint's Svelte parser) can read the same object.
//
// The browser talks to our own server only, except for the Supabase API when a page uses the
// browser client; its origin is allowed explicitly. A hosted base map (PUBLIC_MAP_STYLE_URL) is
// read once at build time, and the hosts of its style, tiles, glyphs and sprites are allowed the
// same way (src/lib/map/csp.ts).
const supabaseOrigin = originOf(process.env.PUBLIC_SUPABASE_URL) ?? 'http://127.0.0.1:54321';
const mapOrigins = process.env.PUBLIC_MAP_STYLE_URL
	? await fetchStyleOrigins(process.env.PUBLIC_MAP_STYLE_URL)
	: [];

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

const node = adapterNode();

/**
 * adapter-node, whose entry becomes build/serve.js; build/index.js is then our own entry
 * (src/lib/server/workers/entry.ts), which runs that server in one process per core.
 * @type {import('@sveltejs/kit').Adapter}
 */
const adapter = {
	...node,
	name: 'nabij-node',
	async adapt(builder) {
		await node.adapt(builder);
		const out = resolve(import.meta.dirname, 'build');
		renameSync(resolve(out, 'index.js'), resolve(out, 'serve.js'));
		await build({
			configFile: false,
			logLevel: 'warn',
			build: {
				ssr: resolve(import.meta.dirname, 'src/lib/server/workers/entry.ts'),
				outDir: out,
				emptyOutDir: false,
				copyPublicDir: false,
				target: 'node22',
				rollupOptions: { output: { entryFileNames: 'index.js' } }
			}
		});
	}
};

/** @type {import('@sveltejs/kit/vite').Config} */
const config = {
	adapter,
	version: { name: buildVersion() },
	csp: {
		mode: 'auto',
		directives: {
			'default-src': ['self'],
			'script-src': ['self'],
			// MapLibre and Svelte transitions set inline styles.
			'style-src': ['self', 'unsafe-inline'],
			'img-src': ['self', 'data:', 'blob:', ...mapOrigins],
			'font-src': ['self'],
			// MapLibre runs its worker from our own file; blob: for hosted styles' helpers.
			'worker-src': ['self', 'blob:'],
			'connect-src': ['self', supabaseOrigin, ...mapOrigins],
			'object-src': ['none'],
			'base-uri': ['self'],
			'form-action': ['self'],
			'frame-ancestors': ['none']
		}
	}
};

export default config;
