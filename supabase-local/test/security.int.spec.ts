// The gateway's own guards, each shown refusing and allowing, on both executors: the developer
// mailbox (local mode, loopback Host only), failed-attempt limits on password and code sign-ins,
// PKCE links that need their code verifier, auto-confirmation read from supabase/config.toml,
// tokens without `exp`, and the statement timeout of every REST request.
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthHandler } from '../src/auth/index.ts';
import { signJwt } from '../src/jwt.ts';
import { listMail } from '../src/mailbox.ts';
import { configuredAutoConfirm, startGateway, type Gateway } from '../src/server.ts';
import { executorKinds, startTestGateway } from './harness.ts';

const PASSWORD = 'correct horse';
const TIMEOUT_MS = 1000;
let counter = 0;

function freshEmail(label: string): string {
	counter += 1;
	return `sec-${label}-${counter}@example.test`;
}

/** GET `path` on the gateway with a chosen Host header (fetch cannot set one). */
function getWithHost(url: string, path: string, host: string): Promise<number> {
	const { port } = new URL(url);
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ host: '127.0.0.1', port: Number(port), path, headers: { host } },
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}
		);
		req.on('error', reject);
		req.end();
	});
}

function json(gw: Gateway, extra: Record<string, string> = {}): Record<string, string> {
	return {
		apikey: gw.anonKey,
		'content-type': 'application/json',
		'x-supabase-api-version': '2024-01-01',
		...extra
	};
}

describe('configuredAutoConfirm', () => {
	it('follows [auth.email] enable_confirmations, defaulting to Supabase’s (no confirmation)', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'nabij-config-'));
		try {
			const file = join(dir, 'config.toml');
			await writeFile(
				file,
				'[auth]\nenable_signup = true\n[auth.email]\nenable_confirmations = true\n'
			);
			expect(configuredAutoConfirm(file)).toBe(false);
			await writeFile(file, '[auth.email]\nenable_confirmations = false\n[studio]\n');
			expect(configuredAutoConfirm(file)).toBe(true);
			await writeFile(file, '[auth.email]\ndouble_confirm_changes = true\n');
			expect(configuredAutoConfirm(file)).toBe(true);
			expect(configuredAutoConfirm(join(dir, 'missing.toml'))).toBe(true);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('the mailbox outside local mode', () => {
	it('answers 404', async () => {
		const gw = await startGateway({ dataDir: null, port: 0, migrate: false });
		try {
			expect(await getWithHost(gw.url, '/mailbox.json', '127.0.0.1')).toBe(404);
			expect(await getWithHost(gw.url, '/mailbox', 'localhost')).toBe(404);
		} finally {
			await gw.stop();
		}
	});
});

describe.each(executorKinds())('gateway guards on %s', (kind) => {
	let gw: Gateway;

	beforeAll(async () => {
		// No autoConfirm option: it comes from supabase/config.toml (confirmations on).
		gw = await startTestGateway(kind, { local: true, statementTimeoutMs: TIMEOUT_MS });
		await gw.executor.admin(async (q) => {
			await q(`create table public.sec_marks (id serial primary key, note text)`);
			await q(`grant select, insert on public.sec_marks to anon`);
			await q(`grant usage on sequence public.sec_marks_id_seq to anon`);
			await q(
				`create function public.sec_mark_slowly(seconds double precision) returns integer
				 language plpgsql as $$
				 begin
					insert into public.sec_marks (note) values ('slow ' || seconds);
					perform pg_sleep(seconds);
					return (select count(*) from public.sec_marks);
				 end $$`
			);
			await q(`grant execute on function public.sec_mark_slowly(double precision) to anon`);
		});
		await gw.reloadSchema();
	});

	afterAll(async () => {
		await gw?.stop();
	});

	it('serves the mailbox to loopback names only (no DNS rebinding)', async () => {
		const port = new URL(gw.url).port;
		expect(await getWithHost(gw.url, '/mailbox.json', `127.0.0.1:${port}`)).toBe(200);
		expect(await getWithHost(gw.url, '/mailbox', `localhost:${port}`)).toBe(200);
		expect(await getWithHost(gw.url, '/mailbox.json', `[::1]:${port}`)).toBe(200);
		expect(await getWithHost(gw.url, '/mailbox.json', `rebound.example.test:${port}`)).toBe(403);
		expect(await getWithHost(gw.url, '/mailbox', 'localhost.example.test')).toBe(403);
		expect(await getWithHost(gw.url, '/mailbox.json', '127.0.0.1.example.test')).toBe(403);
	});

	it('confirms sign-ups by mail, as supabase/config.toml says', async () => {
		const settings = await fetch(`${gw.url}/auth/v1/settings`, { headers: json(gw) });
		expect(((await settings.json()) as { mailer_autoconfirm: boolean }).mailer_autoconfirm).toBe(
			false
		);
		const email = freshEmail('confirm');
		const c = createClient(gw.url, gw.anonKey, { auth: { persistSession: false } });
		const { data, error } = await c.auth.signUp({ email, password: PASSWORD });
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(await listMail(gw.executor, { to: email })).toHaveLength(1);
	});

	it('refuses tokens without exp on REST and auth, and accepts the same token with exp', async () => {
		const now = Math.floor(Date.now() / 1000);
		const claims = { role: 'authenticated', sub: '00000000-0000-4000-8000-000000000001' };
		const eternal = signJwt(claims, gw.jwtSecret);
		const rest = await fetch(`${gw.url}/rest/v1/authors?select=id`, {
			headers: { apikey: gw.anonKey, authorization: `Bearer ${eternal}` }
		});
		expect(rest.status).toBe(401);
		expect(((await rest.json()) as { code: string }).code).toBe('PGRST303');
		const user = await fetch(`${gw.url}/auth/v1/user`, {
			headers: json(gw, { authorization: `Bearer ${eternal}` })
		});
		expect(user.status).toBe(403);
		expect(((await user.json()) as { code: string }).code).toBe('bad_jwt');

		const bounded = signJwt({ ...claims, exp: now + 60 }, gw.jwtSecret);
		const ok = await fetch(`${gw.url}/rest/v1/authors?select=id`, {
			headers: { apikey: gw.anonKey, authorization: `Bearer ${bounded}` }
		});
		expect(ok.status).toBe(200);
	});

	it('bounds every request by the statement timeout and rolls its work back', async () => {
		const anon = createClient(gw.url, gw.anonKey, { auth: { persistSession: false } });
		const quick = await anon.rpc('sec_mark_slowly', { seconds: 0 });
		expect(quick.error).toBeNull();
		expect(quick.data).toBe(1);

		const slow = await anon.rpc('sec_mark_slowly', { seconds: (TIMEOUT_MS / 1000) * 1.5 });
		expect(slow.status).toBe(500);
		expect(slow.error?.code).toBe('57014');
		const marks = await anon.from('sec_marks').select('note');
		expect(marks.data).toEqual([{ note: 'slow 0' }]);
	});

	it('redeems a PKCE link only through its code and the code verifier', async () => {
		const admin = createClient(gw.url, gw.serviceRoleKey, { auth: { persistSession: false } });
		const email = freshEmail('pkce');
		await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
		const verifier = randomBytes(48).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const started = await fetch(`${gw.url}/auth/v1/otp`, {
			method: 'POST',
			headers: json(gw),
			body: JSON.stringify({ email, code_challenge: challenge, code_challenge_method: 's256' })
		});
		expect(started.status).toBe(200);
		const [mail] = await listMail(gw.executor, { to: email });
		const link = new URL(/(http:\/\/\S+\/auth\/v1\/verify\?\S+)/.exec(mail?.text ?? '')?.[1] ?? '');
		const token = link.searchParams.get('token') ?? '';
		const type = link.searchParams.get('type') ?? '';
		expect(token).toMatch(/^pkce_/);
		const bare = token.slice('pkce_'.length);

		// The link's hash, with or without its prefix, is no session by itself.
		const posted = await fetch(`${gw.url}/auth/v1/verify`, {
			method: 'POST',
			headers: json(gw),
			body: JSON.stringify({ type, token_hash: token })
		});
		expect(posted.status).toBe(400);
		const postedBare = await fetch(`${gw.url}/auth/v1/verify`, {
			method: 'POST',
			headers: json(gw),
			body: JSON.stringify({ type, token_hash: bare })
		});
		expect(postedBare.status).toBe(403);
		expect(((await postedBare.json()) as { code: string }).code).toBe('otp_expired');
		const implicit = new URL(link);
		implicit.searchParams.set('token', bare);
		const stripped = await fetch(implicit, { redirect: 'manual' });
		const strippedTo = stripped.headers.get('location') ?? '';
		expect(strippedTo).toContain('error_code=otp_expired');
		expect(strippedTo).not.toContain('access_token');

		// Opened as mailed, the link gives a code; the code needs the verifier.
		const opened = await fetch(link, { redirect: 'manual' });
		const code = new URL(opened.headers.get('location') ?? '').searchParams.get('code') ?? '';
		expect(code).not.toBe('');
		const exchange = (codeVerifier: string) =>
			fetch(`${gw.url}/auth/v1/token?grant_type=pkce`, {
				method: 'POST',
				headers: json(gw),
				body: JSON.stringify({ auth_code: code, code_verifier: codeVerifier })
			});
		expect((await exchange('')).status).toBe(400);
		expect((await exchange(randomBytes(48).toString('base64url'))).status).toBe(403);
		const session = await exchange(verifier);
		expect(session.status).toBe(200);
		expect(((await session.json()) as { user: { email: string } }).user.email).toBe(email);
	});

	describe('failed attempts', () => {
		/** supabase-js over a fresh auth handler (its own counters) as a given client address. */
		function clientAt(address: string) {
			const handler = createAuthHandler({
				executor: gw.executor,
				jwtSecret: gw.jwtSecret,
				siteUrl: 'http://127.0.0.1:5173',
				autoConfirm: false,
				attemptLimit: { limit: 3, windowSeconds: 300 }
			});
			const at = (a: string) =>
				createClient('http://127.0.0.1:9', gw.anonKey, {
					auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
					global: {
						fetch: (input, init) => handler(new Request(input, init), { clientAddress: a })
					}
				});
			return { first: at(address), other: at(`${address}-other`) };
		}

		it('limit password sign-ins per address after repeated failures (429)', async () => {
			const admin = createClient(gw.url, gw.serviceRoleKey, { auth: { persistSession: false } });
			const email = freshEmail('password');
			await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
			const { first, other } = clientAt('198.51.100.7');
			// Successes are not counted.
			for (let i = 0; i < 4; i++) {
				const ok = await first.auth.signInWithPassword({ email, password: PASSWORD });
				expect(ok.error).toBeNull();
			}
			for (let i = 0; i < 3; i++) {
				const wrong = await first.auth.signInWithPassword({ email, password: 'wrong guess' });
				expect(wrong.error?.code).toBe('invalid_credentials');
			}
			const limited = await first.auth.signInWithPassword({ email, password: PASSWORD });
			expect(limited.error?.status).toBe(429);
			expect(limited.error?.code).toBe('over_request_rate_limit');
			const elsewhere = await other.auth.signInWithPassword({ email, password: PASSWORD });
			expect(elsewhere.error).toBeNull();
		});

		it('limit code verifications per address after repeated failures (429)', async () => {
			const admin = createClient(gw.url, gw.serviceRoleKey, { auth: { persistSession: false } });
			const email = freshEmail('otp');
			await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
			const { first, other } = clientAt('198.51.100.8');
			expect((await first.auth.signInWithOtp({ email })).error).toBeNull();
			const [mail] = await listMail(gw.executor, { to: email });
			const code = /code: (\d{6})/.exec(mail?.text ?? '')?.[1] ?? '';
			const wrongCode = code === '000000' ? '111111' : '000000';
			for (let i = 0; i < 3; i++) {
				const wrong = await first.auth.verifyOtp({ email, token: wrongCode, type: 'email' });
				expect(wrong.error?.code).toBe('otp_expired');
			}
			const limited = await first.auth.verifyOtp({ email, token: code, type: 'email' });
			expect(limited.error?.status).toBe(429);
			expect(limited.error?.code).toBe('over_request_rate_limit');
			const right = await other.auth.verifyOtp({ email, token: code, type: 'email' });
			expect(right.error).toBeNull();
			expect(right.data.session?.user.email).toBe(email);
		});
	});
});
