import { randomUUID } from 'node:crypto';
// The GoTrue subset driven through the real @supabase/supabase-js and @supabase/ssr clients,
// against the real gateway (HTTP front, API-key check, PGlite, bootstrap SQL and the app's
// migrations, whose trigger on auth.users creates profiles).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../jwt.ts';
import { listMail, sendMail } from '../mailbox.ts';
import { createScratchDatabase } from '../pg-database.ts';
import { startGateway, type Gateway } from '../server.ts';
import type { MailMessage } from '../types.ts';
import { createAuthHandler } from './index.ts';

const SITE = 'http://127.0.0.1:5173';
const PASSWORD = 'correct horse';

let gw: Gateway;
let counter = 0;

type ExecutorKind = 'pglite' | 'postgres';

// PGlite always; PostgreSQL as well when CI provides a superuser URL.
const executorKinds: ExecutorKind[] = process.env.NABIJ_PG_ADMIN_URL
	? ['pglite', 'postgres']
	: ['pglite'];

/** The gateway with the app's migrations, e-mail confirmation on, on PGlite or PostgreSQL. */
async function startAuthGateway(kind: ExecutorKind): Promise<Gateway> {
	// GoTrue's built-in mails: these tests read their code and token hash lines.
	const options = { port: 0, autoConfirm: false, siteUrl: SITE, local: true, emailTemplates: null };
	if (kind === 'pglite') return startGateway({ ...options, dataDir: null });
	const db = await createScratchDatabase(process.env.NABIJ_PG_ADMIN_URL ?? '');
	const gateway = await startGateway({
		...options,
		executor: 'postgres',
		databaseUrl: db.databaseUrl,
		adminDatabaseUrl: db.adminDatabaseUrl
	});
	return {
		...gateway,
		async stop() {
			await gateway.stop();
			await db.drop();
		}
	};
}

/** A fresh address per test, so tests share the gateway without sharing users. */
function freshEmail(label: string): string {
	counter += 1;
	return `${label}-${counter}@example.test`;
}

function client(key: string = gw.anonKey): SupabaseClient {
	return createClient(gw.url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

async function latestMail(to: string): Promise<MailMessage> {
	const [mail] = await listMail(gw.executor, { to });
	if (!mail) throw new Error(`no mail to ${to}`);
	return mail;
}

function codeOf(mail: MailMessage): string {
	const match = /code: (\d{6})/.exec(mail.text);
	if (!match?.[1]) throw new Error('no code in mail');
	return match[1];
}

function linkOf(mail: MailMessage): string {
	const match = /(http:\/\/\S+\/auth\/v1\/verify\?\S+)/.exec(mail.text);
	if (!match?.[1]) throw new Error('no link in mail');
	return match[1];
}

/** A confirmed user made through the admin API. */
async function confirmedUser(label: string): Promise<string> {
	const email = freshEmail(label);
	const { error } = await client(gw.serviceRoleKey).auth.admin.createUser({
		email,
		password: PASSWORD,
		email_confirm: true
	});
	expect(error).toBeNull();
	return email;
}

async function signedIn(email: string): Promise<SupabaseClient> {
	const c = client();
	const { error } = await c.auth.signInWithPassword({ email, password: PASSWORD });
	expect(error).toBeNull();
	return c;
}

describe.each(executorKinds)('auth on %s', (kind) => {
	beforeAll(async () => {
		gw = await startAuthGateway(kind);
	});

	afterAll(async () => {
		await gw?.stop();
	});

	describe('sign-up with email confirmation', () => {
		it('creates an unconfirmed user, mails a link and code, and the code confirms it', async () => {
			const email = freshEmail('signup');
			const c = client();
			const { data, error } = await c.auth.signUp({
				email,
				password: PASSWORD,
				options: { data: { display_name: 'Amina' }, emailRedirectTo: `${SITE}/welcome` }
			});
			expect(error).toBeNull();
			expect(data.session).toBeNull();
			expect(data.user?.email).toBe(email);
			expect(data.user?.email_confirmed_at).toBeUndefined();
			expect(data.user?.user_metadata.display_name).toBe('Amina');

			const mail = await latestMail(email);
			expect(mail.subject).toBe('Confirm Your Signup');
			const link = new URL(linkOf(mail));
			expect(link.searchParams.get('type')).toBe('signup');
			expect(link.searchParams.get('redirect_to')).toBe(`${SITE}/welcome`);

			const early = await c.auth.signInWithPassword({ email, password: PASSWORD });
			expect(early.error?.code).toBe('email_not_confirmed');

			const verified = await c.auth.verifyOtp({ email, token: codeOf(mail), type: 'email' });
			expect(verified.error).toBeNull();
			expect(verified.data.session?.access_token).toBeTruthy();
			expect(verified.data.user?.email_confirmed_at).toBeTruthy();

			// The app's trigger on auth.users saw the sign-up metadata.
			const profile = await gw.executor.admin((q) =>
				q('select display_name from public.profiles where id = $1', [data.user?.id])
			);
			expect(profile.rows[0]?.display_name).toBe('Amina');

			const again = await c.auth.verifyOtp({ email, token: codeOf(mail), type: 'email' });
			expect(again.error?.code).toBe('otp_expired');
		});

		it('resends the confirmation, no more often than the mail frequency allows', async () => {
			const email = freshEmail('resend');
			const c = client();
			await c.auth.signUp({ email, password: PASSWORD });
			const first = await latestMail(email);
			const tooSoon = await c.auth.resend({ type: 'signup', email });
			expect(tooSoon.error?.code).toBe('over_email_send_rate_limit');
			expect(tooSoon.error?.status).toBe(429);

			await gw.executor.admin((q) =>
				q(
					`update auth.users set confirmation_sent_at = now() - interval '1 minute'
					 where email = $1`,
					[email]
				)
			);
			expect((await c.auth.resend({ type: 'signup', email })).error).toBeNull();
			const second = await latestMail(email);
			expect(second.id).not.toBe(first.id);
			// Only the latest code is valid.
			if (codeOf(first) !== codeOf(second)) {
				const stale = await c.auth.verifyOtp({ email, token: codeOf(first), type: 'email' });
				expect(stale.error?.code).toBe('otp_expired');
			}
			const fresh = await c.auth.verifyOtp({ email, token: codeOf(second), type: 'email' });
			expect(fresh.error).toBeNull();
		});

		it('refuses a registered address, a short password and a malformed address', async () => {
			const email = await confirmedUser('dup');
			const c = client();
			// With confirmations on, GoTrue does not reveal the address is taken: a user with no
			// identities comes back, and no mail is sent.
			const mailsBefore = (await listMail(gw.executor, { to: email })).length;
			const dup = await c.auth.signUp({ email, password: PASSWORD });
			expect(dup.error).toBeNull();
			expect(dup.data.user?.identities).toEqual([]);
			expect(dup.data.session).toBeNull();
			expect(await listMail(gw.executor, { to: email })).toHaveLength(mailsBefore);

			const anonymous = await c.auth.signInAnonymously();
			expect(anonymous.error?.code).toBe('anonymous_provider_disabled');

			const weak = await c.auth.signUp({ email: freshEmail('weak'), password: '12345' });
			expect(weak.error?.name).toBe('AuthWeakPasswordError');
			expect(weak.error?.code).toBe('weak_password');
			expect((weak.error as { reasons?: string[] } | null)?.reasons).toEqual(['length']);

			const bad = await c.auth.signUp({ email: 'not-an-address', password: PASSWORD });
			expect(bad.error?.code).toBe('validation_failed');
		});

		it('confirms with the mailed token hash, as a confirm route of the app would', async () => {
			const email = freshEmail('hash');
			await client().auth.signUp({ email, password: PASSWORD });
			const hash = /Token hash: (\S+)/.exec((await latestMail(email)).text)?.[1] ?? '';
			const { data, error } = await client().auth.verifyOtp({ token_hash: hash, type: 'email' });
			expect(error).toBeNull();
			expect(data.user?.email_confirmed_at).toBeTruthy();
		});

		it('confirms through the mailed link and redirects with the session in the fragment', async () => {
			const email = freshEmail('link');
			await client().auth.signUp({ email, password: PASSWORD });
			const response = await fetch(linkOf(await latestMail(email)), { redirect: 'manual' });
			expect(response.status).toBe(303);
			const location = new URL(response.headers.get('location') ?? '');
			expect(location.origin + location.pathname).toBe(`${SITE}/`);
			const fragment = new URLSearchParams(location.hash.slice(1));
			expect(fragment.get('type')).toBe('signup');
			const { data, error } = await client().auth.getUser(fragment.get('access_token') ?? '');
			expect(error).toBeNull();
			expect(data.user?.email).toBe(email);

			const replay = await fetch(linkOf(await latestMail(email)), { redirect: 'manual' });
			const failed = new URLSearchParams(
				new URL(replay.headers.get('location') ?? '').hash.slice(1)
			);
			expect(failed.get('error_code')).toBe('otp_expired');
		});
	});

	describe('password sign-in', () => {
		it('rejects a wrong password and signs in with the right one', async () => {
			const email = await confirmedUser('pw');
			const c = client();
			const wrong = await c.auth.signInWithPassword({ email, password: 'wrong password' });
			expect(wrong.error?.code).toBe('invalid_credentials');
			expect(wrong.error?.status).toBe(400);
			expect(wrong.data.session).toBeNull();

			const unknown = await c.auth.signInWithPassword({
				email: freshEmail('nobody'),
				password: PASSWORD
			});
			expect(unknown.error?.code).toBe('invalid_credentials');

			const right = await c.auth.signInWithPassword({
				email: email.toUpperCase(),
				password: PASSWORD
			});
			expect(right.error).toBeNull();
			const session = right.data.session;
			expect(session?.token_type).toBe('bearer');
			expect(session?.expires_in).toBe(3600);
			const claims = JSON.parse(
				Buffer.from(session?.access_token.split('.')[1] ?? '', 'base64url').toString('utf8')
			) as Record<string, unknown>;
			expect(claims).toMatchObject({
				aud: 'authenticated',
				role: 'authenticated',
				iss: `${gw.url}/auth/v1`,
				sub: right.data.user?.id,
				email,
				aal: 'aal1',
				is_anonymous: false,
				app_metadata: { provider: 'email', providers: ['email'] }
			});
			expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
			expect(typeof claims.session_id).toBe('string');
		});
	});

	describe('refresh token rotation', () => {
		it('rotates on every refresh and ends the session when a stale token is replayed', async () => {
			const c = await signedIn(await confirmedUser('refresh'));
			const first = (await c.auth.getSession()).data.session;
			const a = first?.refresh_token ?? '';

			const r1 = await c.auth.refreshSession({ refresh_token: a });
			expect(r1.error).toBeNull();
			const b = r1.data.session?.refresh_token ?? '';
			expect(b).not.toBe(a);

			// The parent of the active token may be replayed (a client that lost the answer).
			const replay = await client().auth.refreshSession({ refresh_token: a });
			expect(replay.error).toBeNull();
			expect(replay.data.session?.refresh_token).toBe(b);

			const r2 = await c.auth.refreshSession({ refresh_token: b });
			const active = r2.data.session?.refresh_token ?? '';
			expect(active).not.toBe(b);

			// Token `a` is now two rotations old; age it past GoTrue's reuse interval.
			await gw.executor.admin((q) =>
				q(
					`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`,
					[a]
				)
			);
			const stolen = await client().auth.refreshSession({ refresh_token: a });
			expect(stolen.error?.code).toBe('refresh_token_already_used');

			// Reuse detection ended the whole session: the active token and access token are dead.
			const after = await client().auth.refreshSession({ refresh_token: active });
			expect(after.error?.code).toBe('refresh_token_not_found');
			const user = await client().auth.getUser(r2.data.session?.access_token ?? '');
			expect(user.error?.name).toBe('AuthSessionMissingError');
		});
	});

	describe('magic links and one-time codes', () => {
		it('signs in with the mailed code (implicit flow)', async () => {
			const email = await confirmedUser('otp');
			const c = client();
			const sent = await c.auth.signInWithOtp({ email });
			expect(sent.error).toBeNull();
			const mail = await latestMail(email);
			expect(mail.subject).toBe('Your Magic Link');
			expect(new URL(linkOf(mail)).searchParams.get('type')).toBe('magiclink');

			const wrong = await c.auth.verifyOtp({ email, token: '000000', type: 'email' });
			if (codeOf(mail) !== '000000') expect(wrong.error?.code).toBe('otp_expired');

			const { data, error } = await c.auth.verifyOtp({ email, token: codeOf(mail), type: 'email' });
			expect(error).toBeNull();
			expect(data.session?.user.email).toBe(email);
			expect((await c.auth.getUser()).data.user?.email).toBe(email);
		});

		it('creates the user unless shouldCreateUser is false', async () => {
			const refused = await client().auth.signInWithOtp({
				email: freshEmail('nocreate'),
				options: { shouldCreateUser: false }
			});
			expect(refused.error?.code).toBe('otp_disabled');

			const email = freshEmail('create');
			const created = await client().auth.signInWithOtp({
				email,
				options: { data: { lang: 'nl' } }
			});
			expect(created.error).toBeNull();
			const mail = await latestMail(email);
			expect(mail.subject).toBe('Confirm Your Signup');
			const { data } = await client().auth.verifyOtp({ email, token: codeOf(mail), type: 'email' });
			expect(data.user?.user_metadata.lang).toBe('nl');
			expect(data.user?.email_confirmed_at).toBeTruthy();
		});

		it('completes a PKCE magic link through @supabase/ssr cookies', async () => {
			const email = await confirmedUser('pkce');
			const jar = new Map<string, string>();
			const serverClient = () =>
				createServerClient(gw.url, gw.anonKey, {
					cookies: {
						getAll: () => [...jar].map(([name, value]) => ({ name, value })),
						setAll: (cookies) => {
							for (const { name, value, options } of cookies) {
								if (value === '' || options.maxAge === 0) jar.delete(name);
								else jar.set(name, value);
							}
						}
					}
				});

			const start = await serverClient().auth.signInWithOtp({
				email,
				options: { emailRedirectTo: `${SITE}/auth/callback?next=/fr` }
			});
			expect(start.error).toBeNull();
			expect([...jar.keys()].some((k) => k.endsWith('-code-verifier'))).toBe(true);

			const response = await fetch(linkOf(await latestMail(email)), { redirect: 'manual' });
			expect(response.status).toBe(303);
			const callback = new URL(response.headers.get('location') ?? '');
			expect(callback.pathname).toBe('/auth/callback');
			expect(callback.searchParams.get('next')).toBe('/fr');
			expect(callback.hash).toBe('');
			const code = callback.searchParams.get('code') ?? '';
			expect(code).not.toBe('');

			// A code verifier that does not match the challenge is refused.
			const forged = await fetch(`${gw.url}/auth/v1/token?grant_type=pkce`, {
				method: 'POST',
				headers: {
					apikey: gw.anonKey,
					'content-type': 'application/json',
					'x-supabase-api-version': '2024-01-01'
				},
				body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(56) })
			});
			expect(forged.status).toBe(403);
			expect(((await forged.json()) as { code: string }).code).toBe('bad_code_verifier');

			const exchanged = await serverClient().auth.exchangeCodeForSession(code);
			expect(exchanged.error).toBeNull();
			expect(exchanged.data.user?.email).toBe(email);
			const later = serverClient();
			const { data, error } = await later.auth.getUser();
			expect(error).toBeNull();
			expect(data.user?.email).toBe(email);
			const claims = await serverClient().auth.getClaims();
			expect(claims.error).toBeNull();
			expect(claims.data?.claims.email).toBe(email);
			expect(claims.data?.claims.amr).toEqual([
				{ method: 'magiclink', timestamp: expect.any(Number) }
			]);

			const replay = await fetch(`${gw.url}/auth/v1/token?grant_type=pkce`, {
				method: 'POST',
				headers: { apikey: gw.anonKey, 'content-type': 'application/json' },
				body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(56) })
			});
			expect(replay.status).toBe(404);
			expect(await replay.json()).toMatchObject({ code: 404, error_code: 'flow_state_not_found' });
		});

		it('completes PKCE sign-up confirmation and password recovery links', async () => {
			const jar = new Map<string, string>();
			const serverClient = () =>
				createServerClient(gw.url, gw.anonKey, {
					cookies: {
						getAll: () => [...jar].map(([name, value]) => ({ name, value })),
						setAll: (cookies) => {
							for (const { name, value, options } of cookies) {
								if (value === '' || options.maxAge === 0) jar.delete(name);
								else jar.set(name, value);
							}
						}
					}
				});
			const follow = async (to: string) => {
				const response = await fetch(linkOf(await latestMail(to)), { redirect: 'manual' });
				return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
			};

			const email = freshEmail('pkce-signup');
			const signUp = await serverClient().auth.signUp({
				email,
				password: PASSWORD,
				options: { emailRedirectTo: `${SITE}/auth/callback` }
			});
			expect(signUp.error).toBeNull();
			expect(new URL(linkOf(await latestMail(email))).searchParams.get('token')).toMatch(/^pkce_/);
			const confirmed = await serverClient().auth.exchangeCodeForSession(await follow(email));
			expect(confirmed.error).toBeNull();
			expect(confirmed.data.user?.email_confirmed_at).toBeTruthy();

			await gw.executor.admin((q) =>
				q(`update auth.users set recovery_sent_at = null where email = $1`, [email])
			);
			const reset = await serverClient().auth.resetPasswordForEmail(email, {
				redirectTo: `${SITE}/auth/reset`
			});
			expect(reset.error).toBeNull();
			const recovered = await serverClient().auth.exchangeCodeForSession(await follow(email));
			expect(recovered.error).toBeNull();
			expect(recovered.data).toMatchObject({ redirectType: 'recovery' });
			expect(
				(await serverClient().auth.updateUser({ password: 'recovered pass' })).error
			).toBeNull();
		});

		it('recovers a password with the mailed code', async () => {
			const email = await confirmedUser('recover');
			const c = client();
			expect(
				(await c.auth.resetPasswordForEmail(email, { redirectTo: `${SITE}/reset` })).error
			).toBe(null);
			const mail = await latestMail(email);
			expect(mail.subject).toBe('Reset Your Password');
			expect(mail.html).toContain(codeOf(mail));
			const verified = await c.auth.verifyOtp({ email, token: codeOf(mail), type: 'recovery' });
			expect(verified.error).toBeNull();
			expect((await c.auth.updateUser({ password: 'a new passphrase' })).error).toBeNull();
			const fresh = await client().auth.signInWithPassword({ email, password: 'a new passphrase' });
			expect(fresh.error).toBeNull();

			// Unknown addresses get the same answer and no mail.
			const unknown = freshEmail('unknown');
			expect((await c.auth.resetPasswordForEmail(unknown)).error).toBeNull();
			expect(await listMail(gw.executor, { to: unknown })).toEqual([]);
		});
	});

	describe('the signed-in user', () => {
		it('accepts a valid access token and refuses expired, tampered and key tokens', async () => {
			const c = await signedIn(await confirmedUser('getuser'));
			const token = (await c.auth.getSession()).data.session?.access_token ?? '';
			expect((await client().auth.getUser(token)).data.user).not.toBeNull();

			const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
				exp: number;
			};
			const expired = signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, gw.jwtSecret);
			const expiredResult = await client().auth.getUser(expired);
			expect(expiredResult.error?.code).toBe('bad_jwt');
			expect(expiredResult.error?.status).toBe(403);

			const [header, , signature] = token.split('.');
			const body = Buffer.from(JSON.stringify({ ...claims, role: 'service_role' })).toString(
				'base64url'
			);
			const tampered = await client().auth.getUser(`${header}.${body}.${signature}`);
			expect(tampered.error?.code).toBe('bad_jwt');

			const keyAsUser = await client().auth.getUser(gw.anonKey);
			expect(keyAsUser.error?.code).toBe('bad_jwt');
		});

		it('updates metadata, password and email', async () => {
			const email = await confirmedUser('update');
			const c = await signedIn(email);
			const meta = await c.auth.updateUser({ data: { display_name: 'Jan', lang: 'nl' } });
			expect(meta.error).toBeNull();
			expect(meta.data.user?.user_metadata).toMatchObject({
				display_name: 'Jan',
				lang: 'nl',
				email
			});
			const removed = await c.auth.updateUser({ data: { lang: null } });
			expect(removed.data.user?.user_metadata.lang).toBeUndefined();

			const same = await c.auth.updateUser({ password: PASSWORD });
			expect(same.error?.code).toBe('same_password');
			const short = await c.auth.updateUser({ password: 'abc' });
			expect(short.error?.code).toBe('weak_password');

			const newEmail = freshEmail('moved');
			const change = await c.auth.updateUser({ email: newEmail });
			expect(change.error).toBeNull();
			expect(change.data.user?.new_email).toBe(newEmail);
			// A secure email change: both the new and the current address must confirm.
			const toNew = await latestMail(newEmail);
			const toCurrent = await latestMail(email);
			expect(toNew.subject).toBe('Confirm Email Change');
			expect(toCurrent.subject).toBe('Confirm Email Change');
			expect(linkOf(toCurrent)).not.toBe(linkOf(toNew));
			const first = await c.auth.verifyOtp({
				email: newEmail,
				token: codeOf(toNew),
				type: 'email_change'
			});
			expect(first.error).toBeNull();
			expect(first.data).toEqual({ user: null, session: null });
			const done = await c.auth.verifyOtp({
				email,
				token: codeOf(toCurrent),
				type: 'email_change'
			});
			expect(done.error).toBeNull();
			expect(done.data.user?.email).toBe(newEmail);
			expect(done.data.user?.new_email).toBeUndefined();
			expect(
				(await client().auth.signInWithPassword({ email: newEmail, password: PASSWORD })).error
			).toBe(null);

			const taken = await c.auth.updateUser({ email: await confirmedUser('taken') });
			expect(taken.error?.code).toBe('email_exists');
		});
	});

	describe('sign-out scopes', () => {
		async function isAlive(c: SupabaseClient, token: string): Promise<boolean> {
			return (await c.auth.getUser(token)).error === null;
		}

		it('ends this session (local), the others (others) or all of them (global)', async () => {
			const email = await confirmedUser('logout');
			const one = await signedIn(email);
			const two = await signedIn(email);
			const three = await signedIn(email);
			const token = async (c: SupabaseClient) =>
				(await c.auth.getSession()).data.session?.access_token ?? '';
			const [t1, t2, t3] = [await token(one), await token(two), await token(three)];

			expect((await one.auth.signOut({ scope: 'others' })).error).toBeNull();
			expect(await isAlive(client(), t1)).toBe(true);
			expect(await isAlive(client(), t2)).toBe(false);
			expect(await isAlive(client(), t3)).toBe(false);

			expect((await one.auth.signOut({ scope: 'local' })).error).toBeNull();
			expect(await isAlive(client(), t1)).toBe(false);
			expect((await one.auth.getSession()).data.session).toBeNull();

			const four = await signedIn(email);
			const five = await signedIn(email);
			const [t4, t5] = [await token(four), await token(five)];
			expect((await four.auth.signOut()).error).toBeNull();
			expect(await isAlive(client(), t4)).toBe(false);
			expect(await isAlive(client(), t5)).toBe(false);
		});
	});

	describe('admin API', () => {
		it('keeps an id chosen by the admin, and refuses a malformed one', async () => {
			const admin = client(gw.serviceRoleKey).auth.admin;
			const id = randomUUID();
			const created = await admin.createUser({
				id,
				email: freshEmail('chosen'),
				password: PASSWORD
			});
			expect(created.error).toBeNull();
			expect(created.data.user?.id).toBe(id);
			const again = await admin.createUser({
				id,
				email: freshEmail('chosen2'),
				password: PASSWORD
			});
			expect(again.error).not.toBeNull();
			const bad = await admin.createUser({
				id: 'nope',
				email: freshEmail('bad'),
				password: PASSWORD
			});
			expect(bad.error?.status).toBe(400);
		});

		it('creates, lists, reads, updates and deletes users with the service role key', async () => {
			const admin = client(gw.serviceRoleKey).auth.admin;
			const email = freshEmail('admin');
			const created = await admin.createUser({
				email,
				password: PASSWORD,
				email_confirm: true,
				user_metadata: { display_name: 'Sofie' },
				app_metadata: { roles: ['moderator'] }
			});
			expect(created.error).toBeNull();
			const id = created.data.user?.id ?? '';
			expect(created.data.user?.app_metadata).toEqual({
				provider: 'email',
				providers: ['email'],
				roles: ['moderator']
			});
			expect(created.data.user?.email_confirmed_at).toBeTruthy();

			const duplicate = await admin.createUser({ email, password: PASSWORD });
			expect(duplicate.error?.code).toBe('email_exists');

			const listed = await admin.listUsers({ page: 1, perPage: 2 });
			expect(listed.error).toBeNull();
			expect(listed.data.users).toHaveLength(2);
			expect(listed.data.users[0]?.id).toBe(id);
			expect(listed.data).toMatchObject({ aud: 'authenticated', nextPage: 2 });
			expect('total' in listed.data && listed.data.total).toBeGreaterThan(2);

			expect((await admin.getUserById(id)).data.user?.user_metadata.display_name).toBe('Sofie');
			const updated = await admin.updateUserById(id, {
				user_metadata: { display_name: 'Sofie P.' },
				ban_duration: '24h'
			});
			expect(updated.data.user?.user_metadata.display_name).toBe('Sofie P.');
			expect(updated.data.user?.banned_until).toBeTruthy();
			const banned = await client().auth.signInWithPassword({ email, password: PASSWORD });
			expect(banned.error?.code).toBe('user_banned');
			await client().auth.signInWithOtp({ email });
			const bannedOtp = await client().auth.verifyOtp({
				email,
				token: codeOf(await latestMail(email)),
				type: 'email'
			});
			expect(bannedOtp.error?.code).toBe('user_banned');

			const deleted = await admin.deleteUser(id);
			expect(deleted.error).toBeNull();
			expect((await admin.getUserById(id)).error?.code).toBe('user_not_found');
			const profile = await gw.executor.admin((q) =>
				q('select 1 from public.profiles where id = $1', [id])
			);
			expect(profile.rows).toHaveLength(0);
		});

		it('generates links without mailing them', async () => {
			const email = await confirmedUser('genlink');
			const before = (await listMail(gw.executor, { to: email })).length;
			const { data, error } = await client(gw.serviceRoleKey).auth.admin.generateLink({
				type: 'magiclink',
				email,
				options: { redirectTo: `${SITE}/fr` }
			});
			expect(error).toBeNull();
			expect(data.properties?.verification_type).toBe('magiclink');
			expect(data.properties?.redirect_to).toBe(`${SITE}/fr`);
			expect(data.properties?.action_link).toContain('/auth/v1/verify?token=');
			expect(data.user?.email).toBe(email);
			expect((await listMail(gw.executor, { to: email })).length).toBe(before);
			const verified = await client().auth.verifyOtp({
				token_hash: data.properties?.hashed_token ?? '',
				type: 'magiclink'
			});
			expect(verified.error).toBeNull();
			expect(verified.data.user?.email).toBe(email);
		});

		it('invites a user by mail, and the invite code signs them in', async () => {
			const email = freshEmail('invite');
			const invited = await client(gw.serviceRoleKey).auth.admin.inviteUserByEmail(email, {
				data: { display_name: 'Nadia' },
				redirectTo: `${SITE}/welcome`
			});
			expect(invited.error).toBeNull();
			expect(invited.data.user?.invited_at).toBeTruthy();
			const mail = await latestMail(email);
			expect(mail.subject).toBe('You have been invited');
			expect(new URL(linkOf(mail)).searchParams.get('type')).toBe('invite');
			const { data, error } = await client().auth.verifyOtp({
				email,
				token: codeOf(mail),
				type: 'invite'
			});
			expect(error).toBeNull();
			expect(data.user?.email_confirmed_at).toBeTruthy();
			expect(data.user?.user_metadata.display_name).toBe('Nadia');
		});

		it('is refused with the anon key', async () => {
			const admin = client().auth.admin;
			const listed = await admin.listUsers();
			expect(listed.error?.code).toBe('not_admin');
			expect(listed.error?.status).toBe(403);
			const created = await admin.createUser({ email: freshEmail('nope'), password: PASSWORD });
			expect(created.error?.code).toBe('not_admin');
		});
	});

	describe('error shapes and settings', () => {
		async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
			return fetch(`${gw.url}/auth/v1${path}`, {
				method: 'POST',
				headers: { apikey: gw.anonKey, 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body)
			});
		}

		it('answers in the legacy shape without the API version header and the new one with it', async () => {
			const body = { email: freshEmail('shape'), password: 'whatever1' };
			const legacy = await post('/token?grant_type=password', body);
			expect(legacy.status).toBe(400);
			expect(legacy.headers.get('x-supabase-api-version')).toBeNull();
			expect(await legacy.json()).toEqual({
				code: 400,
				error_code: 'invalid_credentials',
				msg: 'Invalid login credentials',
				error: 'invalid_grant',
				error_description: 'Invalid login credentials'
			});
			const current = await post('/token?grant_type=password', body, {
				'X-Supabase-Api-Version': '2024-01-01'
			});
			expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01');
			expect(await current.json()).toEqual({
				code: 'invalid_credentials',
				message: 'Invalid login credentials'
			});
			const weak = await post('/signup', { email: freshEmail('w'), password: '1' });
			expect(await weak.json()).toMatchObject({
				error_code: 'weak_password',
				weak_password: { reasons: ['length'] }
			});
		});

		it('serves settings and health, and needs the API key', async () => {
			const settings = await client().auth.getSession();
			expect(settings.error).toBeNull();
			const res = await fetch(`${gw.url}/auth/v1/settings`, { headers: { apikey: gw.anonKey } });
			expect(await res.json()).toMatchObject({
				external: { email: true },
				mailer_autoconfirm: false
			});
			const health = await fetch(`${gw.url}/auth/v1/health`, { headers: { apikey: gw.anonKey } });
			expect(await health.json()).toMatchObject({ name: 'GoTrue' });
			const noKey = await fetch(`${gw.url}/auth/v1/settings`);
			expect(noKey.status).toBe(401);
		});
	});

	describe('handler settings', () => {
		/** supabase-js talking to a handler with other settings over the same database. */
		function clientFor(settings: { autoConfirm: boolean; emailMaxFrequencySeconds?: number }) {
			const handler = createAuthHandler({
				executor: gw.executor,
				jwtSecret: gw.jwtSecret,
				siteUrl: SITE,
				...settings
			});
			return createClient('http://127.0.0.1:9', gw.anonKey, {
				auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
				global: { fetch: (input, init) => handler(new Request(input, init)) }
			});
		}

		it('returns a session from sign-up when sign-ups are confirmed automatically', async () => {
			const email = freshEmail('auto');
			const { data, error } = await clientFor({ autoConfirm: true }).auth.signUp({
				email,
				password: PASSWORD
			});
			expect(error).toBeNull();
			expect(data.session?.user.email).toBe(email);
			expect(data.user?.email_confirmed_at).toBeTruthy();
			expect(await listMail(gw.executor, { to: email })).toEqual([]);

			const again = await clientFor({ autoConfirm: true }).auth.signUp({
				email,
				password: PASSWORD
			});
			expect(again.error?.code).toBe('user_already_exists');
			expect(again.error?.status).toBe(422);
		});

		it('limits how often one address gets mail', async () => {
			const c = clientFor({ autoConfirm: false, emailMaxFrequencySeconds: 60 });
			const email = await confirmedUser('rate');
			expect((await c.auth.signInWithOtp({ email })).error).toBeNull();
			const second = await c.auth.signInWithOtp({ email });
			expect(second.error?.code).toBe('over_email_send_rate_limit');
			expect(second.error?.status).toBe(429);
		});
	});

	describe('mailbox', () => {
		it('lists mail as JSON and HTML, escaped, and clears it', async () => {
			const to = freshEmail('mailbox');
			await sendMail(gw.executor, {
				to,
				subject: '<script>alert(1)</script>',
				text: 'Open http://127.0.0.1:5173/fr?a=1&b=2 now',
				html: '<p>hi</p>'
			});
			const json = await fetch(`${gw.url}/mailbox.json?to=${encodeURIComponent(to)}`);
			const messages = (await json.json()) as MailMessage[];
			expect(messages).toHaveLength(1);
			expect(messages[0]).toMatchObject({ to, subject: '<script>alert(1)</script>' });

			const page = await (await fetch(`${gw.url}/mailbox`)).text();
			expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			expect(page).not.toContain('<script>');
			expect(page).toContain(
				'<a href="http://127.0.0.1:5173/fr?a=1&amp;b=2">http://127.0.0.1:5173/fr?a=1&amp;b=2</a>'
			);

			const cleared = await fetch(`${gw.url}/mailbox.json`, { method: 'DELETE' });
			expect(((await cleared.json()) as { deleted: number }).deleted).toBeGreaterThan(0);
			expect(await listMail(gw.executor)).toEqual([]);
		});
	});
});

describe('mailbox persistence', () => {
	it('keeps mail in the PGlite data directory across restarts', async () => {
		const dataDir = await mkdtemp(join(tmpdir(), 'nabij-mailbox-'));
		try {
			const first = await startGateway({ dataDir, port: 0, migrate: true });
			await sendMail(first.executor, {
				to: 'kept@example.test',
				subject: 'Kept',
				text: 'still here',
				html: '<p>still here</p>'
			});
			await first.stop();
			const second = await startGateway({ dataDir, port: 0 });
			try {
				const [mail] = await listMail(second.executor, { to: 'KEPT@example.test' });
				expect(mail).toMatchObject({ subject: 'Kept', text: 'still here' });
			} finally {
				await second.stop();
			}
		} finally {
			await rm(dataDir, { recursive: true, force: true });
		}
	});
});
