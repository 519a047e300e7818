// Browser tests: make sure Chromium exists, build the app, then run Playwright (which starts the
// gateway and the built app through scripts/e2e-server.ts). Extra arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.ts';

ensureChromium();
const build = spawnSync('vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const tests = spawnSync('playwright', ['test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(tests.status ?? 1);
