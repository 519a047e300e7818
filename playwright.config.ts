import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fixed gateway port, so the tests can read the local mailbox and call the API directly.
const gatewayPort = Number(process.env.E2E_GATEWAY_PORT ?? 54329);
process.env.E2E_GATEWAY_URL ??= `http://127.0.0.1:${gatewayPort}`;
process.env.NABIJ_MAILBOX_URL ??= `${process.env.E2E_GATEWAY_URL}/mailbox.json`;

export default defineConfig({
	testDir: 'tests/e2e',
	// Two cores: one worker keeps the app server, the database and the browser from starving.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	reporter: [
		['list'],
		['json', { outputFile: process.env.PLAYWRIGHT_JSON ?? 'test-results/e2e.json' }]
	],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		locale: 'fr-BE',
		timezoneId: 'Europe/Brussels'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: chromiumPath(), args: chromiumArgs }
			}
		}
	],
	webServer: {
		// Builds nothing: scripts/e2e.ts builds first. Starts the local gateway on a fresh
		// in-memory database with the seed, then the built app against it; both stop with the
		// tests.
		command: `node scripts/e2e-server.ts --port ${port} --gateway-port ${gatewayPort}`,
		url: `http://127.0.0.1:${port}/fr`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
