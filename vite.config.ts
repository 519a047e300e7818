import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import kitConfig from './kit.config.js';
import { paraglideOptions } from './paraglide.config.ts';
import { buildBasemap } from './scripts/build-basemap.ts';
import { chromiumArgs, chromiumPath } from './tests/chromium.ts';

/** Builds the offline basemap into static/ before a build or dev server starts (cached). */
const basemap: Plugin = {
	name: 'nabij-basemap',
	apply: () => !process.env.VITEST,
	buildStart() {
		this.info(buildBasemap());
	}
};

export default defineConfig({
	plugins: [basemap, paraglideVitePlugin(paraglideOptions), sveltekit(kitConfig)],
	test: {
		reporters: process.env.VITEST_JSON
			? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
			: ['default'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'supabase-local/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts', '**/*.int.spec.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.spec.ts', '**/*.int.spec.ts'],
					exclude: ['node_modules/**'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'component',
					include: ['src/**/*.svelte.spec.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: { executablePath: chromiumPath(), args: chromiumArgs }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
