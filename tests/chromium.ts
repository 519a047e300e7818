import { existsSync } from 'node:fs';

/**
 * Debian's Chromium first: Playwright's own browser download is not reachable on every machine.
 * Undefined lets Playwright use its own download where one was installed.
 */
export function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Flags that keep headless Chromium quiet on a closed network and give MapLibre WebGL. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--enable-unsafe-swiftshader',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
