// `npm run dev` (and `npm run preview` with --preview): the app on 127.0.0.1:5173 against a
// Supabase API. When PUBLIC_SUPABASE_URL is set, that one (a real project); otherwise the local
// gateway on 127.0.0.1:54321 over the embedded database in .local/db, created, migrated and
// seeded on first start. Nothing in src/ knows which it is: it only sees the URL and the key.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { preview: { type: 'boolean', default: false } } });
const env: NodeJS.ProcessEnv = { ...process.env };
const stops: (() => Promise<void>)[] = [];
const accountsFile = '.local/demo-accounts.json';

if (!env.PUBLIC_SUPABASE_URL) {
	const { startGateway } = await import('@nabij/supabase-local');
	const dataDir = '.local/db';
	const fresh = !existsSync(dataDir);
	mkdirSync('.local', { recursive: true });
	console.log(
		fresh
			? '[dev] creating the local database (first start) …'
			: '[dev] opening the local database …'
	);
	const gateway = await startGateway({ dataDir, port: 54321, migrate: true, local: true });
	stops.push(() => gateway.stop());
	if (fresh) {
		const { seed } = await import('../supabase/seed/run.ts');
		const result = await seed({
			url: gateway.url,
			serviceRoleKey: gateway.serviceRoleKey,
			log: (line) => console.log(`[seed] ${line}`)
		});
		writeFileSync(accountsFile, JSON.stringify(result.accounts, null, 2));
	}
	env.PUBLIC_SUPABASE_URL = gateway.url;
	env.PUBLIC_SUPABASE_ANON_KEY = gateway.anonKey;
	console.log(`[dev] local Supabase API: ${gateway.url} (mailbox: ${gateway.url}/mailbox)`);
	// The seed has just listed them on a first start.
	if (!fresh && existsSync(accountsFile)) {
		const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as {
			role: string;
			email: string;
			password: string;
		}[];
		console.log('[dev] demo accounts:');
		for (const a of accounts)
			console.log(`        ${a.role.padEnd(16)} ${a.email}  /  ${a.password}`);
	}
}

// Links in mails and QR codes point at the server started here (Vite's default ports).
env.ORIGIN ??= `http://127.0.0.1:${values.preview ? 4173 : 5173}`;
const args = values.preview ? ['preview', '--host', '127.0.0.1'] : ['dev', '--host', '127.0.0.1'];
if (values.preview && !existsSync('build/index.js')) {
	console.log('[dev] no build yet: run `npm run build` first.');
	process.exit(1);
}
const vite = spawn('vite', args, { env, stdio: 'inherit' });

async function shutdown(code: number): Promise<never> {
	vite.kill('SIGTERM');
	for (const stop of stops) await stop().catch(() => undefined);
	process.exit(code);
}
vite.on('exit', (code) => void shutdown(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
	process.on(signal, () => void shutdown(0));
