// Drives the real supabase-js client over HTTP against the gateway on each executor, checks
// every scenario, and requires all executors to produce the same checked-in snapshot (JSON
// text; the .snap name keeps formatters from rewrapping it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/server.ts';
import { executorKinds, startTestGateway } from './harness.ts';
import { makeClients, scenarios, type Clients, type Snap } from './scenarios.ts';

describe.each(executorKinds())('gateway scenarios on %s', (kind) => {
	let gateway: Gateway;
	let clients: Clients;
	const results: Record<string, Snap> = {};

	beforeAll(async () => {
		gateway = await startTestGateway(kind);
		clients = makeClients(gateway);
	});
	afterAll(async () => {
		await gateway?.stop();
	});

	for (const scenario of scenarios) {
		it(scenario.name, async () => {
			const result = await scenario.run(clients);
			results[scenario.name] = result;
			scenario.check(result);
		});
	}

	it('matches the snapshot shared by all executors', async () => {
		expect(Object.keys(results)).toHaveLength(scenarios.length);
		await expect(JSON.stringify(results, null, '\t') + '\n').toMatchFileSnapshot(
			'./expected/gateway-scenarios.snap'
		);
	});
});
