// Makes sure a Chromium exists for the browser tests. Playwright's own browser download is not
// reachable on every machine, so Debian's package is preferred where we may install it (root on
// Debian/Ubuntu); elsewhere Playwright's download is tried. Says what it does either way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromiumPath } from '../tests/chromium.ts';

function run(cmd: string, args: string[]): boolean {
	const result = spawnSync(cmd, args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	return result.status === 0;
}

function isDebianLike(): boolean {
	if (!existsSync('/etc/os-release')) return false;
	return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
}

/** Returns the Chromium executable, installing one first when none is found. */
export function ensureChromium(): string {
	const found = chromiumPath();
	if (found) return found;
	if (process.getuid?.() === 0 && isDebianLike()) {
		console.log('[chromium] not found: installing Debian package "chromium" (apt-get) …');
		if (!run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
			run('apt-get', ['update', '-qq']);
			run('apt-get', ['install', '-y', '-qq', 'chromium']);
		}
	} else {
		console.log(
			"[chromium] not found: trying Playwright's own download (npx playwright install chromium) …"
		);
		run('npx', ['playwright', 'install', 'chromium']);
	}
	const installed = chromiumPath();
	if (!installed) {
		throw new Error(
			'No Chromium found or installed. Install Chromium and set CHROMIUM_PATH to its executable.'
		);
	}
	console.log(`[chromium] using ${installed}`);
	return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
