// Serves the built app for the browser tests: a local gateway on a fresh in-memory database with
// migrations and seed, then the app (build/index.js) pointed at it. Everything listens on
// 127.0.0.1 and stops when Playwright stops this process (or its parent goes away).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' } } });
const port = Number(values.port);

const env: NodeJS.ProcessEnv = {
	...process.env,
	HOST: '127.0.0.1',
	PORT: String(port),
	ORIGIN: `http://127.0.0.1:${port}`
};

const stops: (() => Promise<void>)[] = [];
const gatewayModule = new URL('../supabase-local/src/server.ts', import.meta.url);
if (existsSync(gatewayModule)) {
	const { startGateway } = (await import(
		gatewayModule.href
	)) as typeof import('../supabase-local/src/server.ts');
	const gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	stops.push(() => gateway.stop());
	const seedModule = new URL('../supabase/seed/run.ts', import.meta.url);
	if (existsSync(seedModule)) {
		const { seed } = (await import(seedModule.href)) as typeof import('../supabase/seed/run.ts');
		await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey });
	}
	env.PUBLIC_SUPABASE_URL = gateway.url;
	env.PUBLIC_SUPABASE_ANON_KEY = gateway.anonKey;
	env.NABIJ_MAILBOX_URL = `${gateway.url}/mailbox.json`;
	console.log(`[e2e] gateway at ${gateway.url}`);
}

const app = spawn(process.execPath, ['build/index.js'], { env, stdio: 'inherit' });

async function shutdown(code: number): Promise<never> {
	app.kill('SIGTERM');
	for (const stop of stops) await stop().catch(() => undefined);
	process.exit(code);
}
app.on('exit', (code) => void shutdown(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => void shutdown(0));
}
// Stop with the parent even when it dies without signalling us.
process.stdin.on('end', () => void shutdown(0));
process.stdin.resume();
