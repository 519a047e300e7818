// Serves the built app for the browser tests: a local gateway on a fresh in-memory database with
// migrations and seed, then the built app (build/handler.js) pointed at it, in this one process.
// Everything listens on 127.0.0.1 and stops when Playwright stops this process (or its parent
// goes away).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { seed } from '../supabase/seed/run.ts';
import { startGateway } from '@nabij/supabase-local';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4173' },
		'gateway-port': { type: 'string', default: '0' }
	}
});

const gateway = await startGateway({
	dataDir: null,
	port: Number(values['gateway-port']),
	migrate: true,
	// The journeys read mail from the mailbox.
	local: true
});
await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey });
console.log(`[e2e] gateway at ${gateway.url}`);

// The app reads these when its handler is first imported.
process.env.PUBLIC_SUPABASE_URL = gateway.url;
process.env.PUBLIC_SUPABASE_ANON_KEY = gateway.anonKey;
process.env.NABIJ_MAILBOX_URL = `${gateway.url}/mailbox.json`;
// Links in mails and QR codes use the configured public origin, as in production.
process.env.ORIGIN = `http://127.0.0.1:${values.port}`;
// adapter-node derives each request's origin (for SvelteKit's CSRF check on form posts) from
// headers and assumes https; this server stands where a TLS-terminating proxy would and says
// the scheme is plain http.
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
// Import uploads reach 5 MB (5,000 rows); adapter-node's default limit is 512 kB.
process.env.BODY_SIZE_LIMIT ??= '6M';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: NodeHandler;
};

const server = createServer((req, res) => {
	req.headers['x-forwarded-proto'] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.listen(Number(values.port), '127.0.0.1', () => {
	console.log(`[e2e] app at http://127.0.0.1:${values.port}`);
});

let stopping = false;
async function shutdown(): Promise<never> {
	if (!stopping) {
		stopping = true;
		server.closeAllConnections();
		server.close();
		await gateway.stop().catch(() => undefined);
	}
	process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => void shutdown());
}
// Stop with the parent even when it dies without signalling us.
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
