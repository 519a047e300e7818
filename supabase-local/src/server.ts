// The gateway's HTTP front: node:http on 127.0.0.1, CORS for local dev origins, the API-key and
// JWT checks Kong and PostgREST do in a Supabase project, a body-size limit, and routing to the
// REST handler (/rest/v1) and the auth handler (/auth/v1, /mailbox).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createPgliteExecutor } from './executors/pglite.ts';
import { createPostgresExecutor } from './executors/postgres.ts';
import { JwtError, verifyJwt, type JwtClaims } from './jwt.ts';
import { LOCAL_JWT_SECRET, localKeys } from './keys.ts';
import { migrate } from './migrate.ts';
import { loadMailTemplates, type MailTemplates } from './mail-templates.ts';
import { ApiError } from './rest/errors.ts';
import { createRestHandler, errorResponse } from './rest/handler.ts';
import { loadSchemaCache, type SchemaCache } from './rest/schema.ts';
import type { DatabaseRole, Executor, Handler } from './types.ts';

export type GatewayOptions = {
	executor?: 'pglite' | 'postgres';
	/** PGlite data directory; null keeps the database in memory. Default `.local/db`. */
	dataDir?: string | null;
	/** PostgreSQL URL logging in as `authenticator` (default env DATABASE_URL). */
	databaseUrl?: string;
	/** PostgreSQL owner/superuser URL (default env DATABASE_ADMIN_URL). */
	adminDatabaseUrl?: string;
	/** TCP port on 127.0.0.1; 0 picks a free one. Default 54321. */
	port?: number;
	/** Apply bootstrap SQL and pending migrations before serving. Default true. */
	migrate?: boolean;
	/** Migrations folder; default `supabase/migrations` in the working directory. */
	migrationsDir?: string;
	/** Public URL of the app, for auth e-mail links. Default http://localhost:5173. */
	siteUrl?: string;
	/**
	 * Confirm sign-ups without e-mail. Default: the opposite of `[auth.email]
	 * enable_confirmations` in supabase/config.toml (Supabase's default, confirmations off, when
	 * the file or the setting is absent), so local sign-ups behave as the project's do.
	 */
	autoConfirm?: boolean;
	/**
	 * Local mode: the gateway serves one developer's machine or one test run, and offers the
	 * developer mailbox (`/mailbox`, `/mailbox.json`), which anyone able to reach it can read
	 * and empty. Default false: the mailbox answers 404.
	 */
	local?: boolean;
	/** Failed sign-ins and token verifications allowed per client address; default 30 per 5 min. */
	authAttemptLimit?: { limit: number; windowSeconds: number };
	/**
	 * Most rows a read returns (Supabase's `[api] max_rows`). Default: `max_rows` from
	 * supabase/config.toml when present, else Supabase's default of 1000; null for no cap.
	 */
	maxRows?: number | null;
	/**
	 * Longest a REST request may run in the database, in ms (`statement_timeout`); default 8000,
	 * Supabase's default for signed-in requests. 0 turns the bound off.
	 */
	statementTimeoutMs?: number;
	/**
	 * The supabase/config.toml whose [auth.email.template.*] sections (subjects and HTML files)
	 * the auth mails use; default the repository's; null for the built-in English mails.
	 */
	emailTemplates?: string | null;
};

export type Gateway = {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	executor: Executor;
	/** Re-reads tables, columns, keys and functions after a schema change. */
	reloadSchema(): Promise<void>;
	stop(): Promise<void>;
};

// Defaults follow the Supabase CLI's project layout in the working directory (`supabase/…`),
// as `supabase start` does; the gateway names no folder of the project that uses it, and every
// path is an option.

/** The project's Supabase settings, read for [api] max_rows and the e-mail templates. */
const defaultConfigPath = () => resolve('supabase/config.toml');

/** The default PGlite data directory: `.local/db` in the working directory. */
export const DEFAULT_DATA_DIR = resolve('.local/db');

const BODY_LIMIT = 1024 * 1024;
const SERVICE_BODY_LIMIT = 20 * 1024 * 1024;
const ALLOWED_HEADERS =
	'apikey, authorization, content-type, prefer, range, range-unit, accept, accept-profile, content-profile, x-client-info, x-supabase-api-version, x-retry-count';
const EXPOSED_HEADERS =
	'content-range, content-location, location, preference-applied, range-unit, x-supabase-api-version';

function corsHeaders(origin: string | undefined): Record<string, string> {
	if (!origin) return {};
	let host: string;
	try {
		host = new URL(origin).hostname;
	} catch {
		return {};
	}
	// Only pages served from this machine may call the dev gateway from a browser.
	if (host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]') return {};
	return {
		'access-control-allow-origin': origin,
		'access-control-allow-credentials': 'true',
		'access-control-expose-headers': EXPOSED_HEADERS,
		vary: 'Origin'
	};
}

type Authenticated = { role: DatabaseRole; claims: JwtClaims };

function jwtProblem(error: unknown): ApiError {
	const expired = error instanceof JwtError && error.reason === 'expired';
	const noExp = error instanceof JwtError && error.reason === 'no-exp';
	const message = expired
		? 'JWT expired'
		: noExp
			? 'JWT has no exp claim'
			: error instanceof JwtError
				? `JWSError ${error.reason === 'signature' ? 'JWSInvalidSignature' : 'CompactDecodeError Invalid number of parts: Expected 3 parts; got ' + (error.reason === 'malformed' ? 'other' : '3')}`
				: 'JWT invalid';
	return new ApiError({
		status: 401,
		// PostgREST v14: PGRST301 for tokens that cannot be decoded or verified, PGRST303 for
		// claims that fail validation (an expired token, or one without `exp`).
		code: expired || noExp ? 'PGRST303' : 'PGRST301',
		message,
		headers: {
			'www-authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, '')}"`
		}
	});
}

/**
 * Checks `apikey` (anon or service_role key signed with the local secret) and the optional
 * `Authorization: Bearer` token that overrides it, returning the role and claims to run as.
 */
export function authenticate(headers: Headers, secret: string): Authenticated {
	const apikey = headers.get('apikey');
	if (!apikey) {
		throw new ApiError({
			status: 401,
			code: 'PGRST301',
			message: 'No API key found in request',
			hint: 'No `apikey` request header or url param was found.'
		});
	}
	let keyClaims: JwtClaims;
	try {
		keyClaims = verifyJwt(apikey, secret);
	} catch {
		throw new ApiError({ status: 401, code: 'PGRST301', message: 'Invalid API key' });
	}
	if (keyClaims.role !== 'anon' && keyClaims.role !== 'service_role') {
		throw new ApiError({ status: 401, code: 'PGRST301', message: 'Invalid API key' });
	}
	const authorization = headers.get('authorization');
	let claims = keyClaims;
	if (authorization) {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
		if (!m?.[1]) throw jwtProblem(new JwtError('malformed', 'bad authorization header'));
		try {
			claims = verifyJwt(m[1], secret);
		} catch (error) {
			throw jwtProblem(error);
		}
	}
	const role = claims.role ?? 'anon';
	if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') {
		throw new ApiError({
			status: 401,
			code: 'PGRST301',
			message: `role "${String(role).slice(0, 64)}" is not allowed here`
		});
	}
	return { role, claims };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > limit) throw new BodyTooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) throw new BodyTooLarge();
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

function toHeaders(req: IncomingMessage): Headers {
	const headers = new Headers();
	for (const [k, v] of Object.entries(req.headers)) {
		if (v === undefined) continue;
		for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
	}
	return headers;
}

async function send(res: ServerResponse, response: Response, extra: Record<string, string>) {
	const headers: Record<string, string | string[]> = { ...extra };
	response.headers.forEach((value, key) => {
		if (key !== 'set-cookie') headers[key] = value;
	});
	const cookies = response.headers.getSetCookie();
	if (cookies.length) headers['set-cookie'] = cookies;
	const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
	res.writeHead(response.status, headers);
	res.end(body);
}

// Paths GoTrue serves without an API key in a Supabase project (links opened from e-mails).
const OPEN_AUTH_PATHS = new Set(['/auth/v1/verify', '/auth/v1/callback', '/auth/v1/authorize']);

type AuthModule = {
	createAuthHandler(deps: {
		executor: Executor;
		jwtSecret: string;
		siteUrl: string;
		autoConfirm: boolean;
		attemptLimit?: { limit: number; windowSeconds: number };
		mailTemplates: MailTemplates;
	}): Handler;
};

async function loadAuthHandler(deps: Parameters<AuthModule['createAuthHandler']>[0]) {
	// The auth subset lives in ./auth/ and may be absent in a partial checkout; REST works alone.
	const modulePath = './auth/index.ts';
	try {
		const mod = (await import(modulePath)) as AuthModule;
		return mod.createAuthHandler(deps);
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('auth/index.ts')) return null;
		throw error;
	}
}

/** Opens the executor chosen by `options` (PGlite by default). */
export async function openExecutor(options: GatewayOptions): Promise<Executor> {
	if ((options.executor ?? 'pglite') === 'postgres') {
		return createPostgresExecutor({
			databaseUrl: options.databaseUrl,
			adminDatabaseUrl: options.adminDatabaseUrl,
			statementTimeoutMs: options.statementTimeoutMs
		});
	}
	const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir;
	return createPgliteExecutor({ dataDir, statementTimeoutMs: options.statementTimeoutMs });
}

/** Starts the gateway on 127.0.0.1 and resolves once it accepts connections. */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
	const executor = await openExecutor(options);
	try {
		return await serve(executor, options);
	} catch (error) {
		await executor.close();
		throw error;
	}
}

async function serve(executor: Executor, options: GatewayOptions): Promise<Gateway> {
	const jwtSecret = LOCAL_JWT_SECRET;
	const { anonKey, serviceRoleKey } = localKeys(jwtSecret);
	// Templates compile before anything is served: a broken one stops the start with its line.
	const templatesConfig =
		options.emailTemplates === undefined ? defaultConfigPath() : options.emailTemplates;
	const mailTemplates = templatesConfig === null ? {} : loadMailTemplates(templatesConfig);
	// Loading the auth module overlaps with migrations: both are on the start-up path.
	const authLoading = loadAuthHandler({
		executor,
		jwtSecret,
		siteUrl: options.siteUrl ?? 'http://localhost:5173',
		autoConfirm: options.autoConfirm ?? configuredAutoConfirm(),
		...(options.authAttemptLimit ? { attemptLimit: options.authAttemptLimit } : {}),
		mailTemplates
	});
	authLoading.catch(() => undefined);
	if (options.migrate ?? true) await migrate(executor, { migrationsDir: options.migrationsDir });
	let schema: SchemaCache = await executor.admin((q) => loadSchemaCache(q));
	const reloadSchema = async () => {
		schema = await executor.admin((q) => loadSchemaCache(q));
	};
	const maxRows = options.maxRows === undefined ? configuredMaxRows() : options.maxRows;
	const rest = createRestHandler({ executor, schema: () => schema, reloadSchema, maxRows });
	const auth = await authLoading;

	// NABIJ_GATEWAY_LOG=1 prints one line per request, for debugging the app's queries.
	const logRequests = process.env.NABIJ_GATEWAY_LOG === '1';
	let baseUrl = '';
	async function handle(req: IncomingMessage, res: ServerResponse) {
		const cors = corsHeaders(req.headers.origin);
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				...cors,
				'access-control-allow-methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
				'access-control-allow-headers': ALLOWED_HEADERS,
				'access-control-max-age': '3600'
			});
			res.end();
			return;
		}
		const headers = toHeaders(req);
		const isRest = path === '/rest/v1' || path.startsWith('/rest/v1/');
		const isMailbox = path === '/mailbox' || path === '/mailbox.json';
		const isAuth = path.startsWith('/auth/v1/') || isMailbox;
		try {
			if (isMailbox) checkMailboxAccess(options.local === true, req.headers.host);
			let who: Authenticated | null = null;
			if (isRest || (path.startsWith('/auth/v1/') && !OPEN_AUTH_PATHS.has(path))) {
				// Kong checks the key for every API path; PostgREST then checks the bearer token.
				who = isRest
					? authenticate(headers, jwtSecret)
					: authenticate(withoutBearer(headers), jwtSecret);
			}
			const limit = who?.role === 'service_role' ? SERVICE_BODY_LIMIT : BODY_LIMIT;
			const method = req.method ?? 'GET';
			let body: Buffer | null = null;
			if (method !== 'GET' && method !== 'HEAD') {
				try {
					body = await readBody(req, limit);
				} catch (error) {
					if (error instanceof BodyTooLarge) {
						throw new ApiError({
							status: 413,
							code: 'PGRST413',
							message: `Payload too large: the limit is ${limit} bytes`
						});
					}
					throw error;
				}
			}
			const request = new Request(new URL(req.url ?? '/', baseUrl), {
				method,
				headers,
				body: body && body.length > 0 ? new Uint8Array(body) : null
			});
			let response: Response;
			if (isRest && who) response = await rest(request, who);
			else if (isAuth && auth) {
				response = await auth(request, { clientAddress: req.socket.remoteAddress });
			} else if (path === '/' || path === '/health') {
				response = Response.json({ name: 'nabij-supabase-local', executor: executor.kind });
			} else {
				response = errorResponse(
					new ApiError({ status: 404, code: 'PGRST125', message: `No route for ${path}` })
				);
			}
			await send(res, response, cors);
			if (logRequests) console.log(`${method} ${req.url ?? '/'} ${response.status}`);
		} catch (error) {
			if (error instanceof ApiError) {
				await send(res, errorResponse(error), cors);
				if (logRequests) console.log(`${req.method} ${req.url ?? '/'} ${error.status}`);
				if (error.status === 413) req.resume();
				return;
			}
			console.error('gateway: unexpected error', error);
			await send(
				res,
				errorResponse(
					new ApiError({
						status: 500,
						code: 'PGRST000',
						message: error instanceof Error ? error.message : 'internal error'
					})
				),
				cors
			);
		}
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			console.error('gateway: failed to answer', error);
			res.destroy();
		});
	});
	const port = options.port ?? 54321;
	await new Promise<void>((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolveListen());
	});
	const address = server.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${address.port}`;
	let stopped = false;
	return {
		url: baseUrl,
		anonKey,
		serviceRoleKey,
		jwtSecret,
		executor,
		reloadSchema,
		async stop() {
			if (stopped) return;
			stopped = true;
			await new Promise<void>((resolveClose) => {
				server.close(() => resolveClose());
				server.closeAllConnections();
			});
			await executor.close();
		}
	};
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/**
 * The mailbox exists only in local mode, and only for requests addressed to a loopback name: a
 * page elsewhere that makes its own host name resolve to 127.0.0.1 (DNS rebinding) sends its
 * own name as Host, and must not read sign-in links out of the mailbox.
 */
export function checkMailboxAccess(local: boolean, host: string | undefined): void {
	if (!local) {
		throw new ApiError({
			status: 404,
			code: 'PGRST125',
			message: 'The mailbox is only served in local mode'
		});
	}
	if (!host || !LOOPBACK_HOST.test(host)) {
		throw new ApiError({
			status: 403,
			code: 'PGRST403',
			message: 'The mailbox only answers requests addressed to localhost, 127.0.0.1 or [::1]'
		});
	}
}

/**
 * Whether sign-ups are confirmed without e-mail: `[auth.email] enable_confirmations` of
 * supabase/config.toml negated; true (Supabase's default) when the file or the setting is absent.
 */
export function configuredAutoConfirm(configPath = defaultConfigPath()): boolean {
	if (!existsSync(configPath)) return true;
	const text = readFileSync(configPath, 'utf8');
	const email = /^\[auth\.email\][^[]*/m.exec(text)?.[0] ?? '';
	const value = /^\s*enable_confirmations\s*=\s*(true|false)\b/m.exec(email)?.[1];
	return value !== 'true';
}

// GoTrue validates the bearer token itself; Kong only needs the API key for auth paths.
function withoutBearer(headers: Headers): Headers {
	const copy = new Headers(headers);
	copy.delete('authorization');
	return copy;
}

/** `[api] max_rows` from supabase/config.toml, else Supabase's default (1000). */
export function configuredMaxRows(configPath = defaultConfigPath()): number {
	if (!existsSync(configPath)) return 1000;
	const text = readFileSync(configPath, 'utf8');
	const api = /^\[api\][^[]*/m.exec(text)?.[0] ?? '';
	const value = /^\s*max_rows\s*=\s*(\d+)/m.exec(api)?.[1];
	return value ? Number(value) : 1000;
}
