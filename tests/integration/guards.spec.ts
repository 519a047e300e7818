// The role guard against the local gateway: the viewer's roles come from their own profile
// through RLS; a signed-in user without the role gets a 403; a database that cannot answer is
// an error (SvelteKit's 500 with an id from handleError), never a 403 or a redirect.
import { createClient, type SupabaseClient, type User } from '@supabase/supabase-js';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getViewer, requireRole } from '../../src/lib/server/guards.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';

let gw: Gateway;
let admin: SupabaseClient;

const options = { auth: { persistSession: false, autoRefreshToken: false } };

beforeAll(async () => {
	gw = await startGateway({ dataDir: null, port: 0, migrate: true, autoConfirm: true });
	admin = createClient(gw.url, gw.serviceRoleKey, options);
});

afterAll(async () => {
	await gw?.stop();
});

/** Request locals as hooks.server.ts builds them, for a new signed-in user with `roles`. */
async function signedIn(roles: string[]): Promise<App.Locals> {
	const supabase = createClient(gw.url, gw.anonKey, options);
	const email = `guard-${crypto.randomUUID()}@example.test`;
	const { data, error } = await supabase.auth.signUp({ email, password: 'long enough password' });
	if (error || !data.user) throw error ?? new Error('no user');
	const user = data.user;
	if (roles.length) {
		const { error: roleError } = await admin.from('profiles').update({ roles }).eq('id', user.id);
		if (roleError) throw roleError;
	}
	return { supabase, user: async () => user, requestId: 'test' } as App.Locals;
}

const url = new URL('http://127.0.0.1/moderate');

/** The address of a local port that was just free and is closed again. */
async function closedPort(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === 'string') throw new Error('no port');
	return `http://127.0.0.1:${address.port}`;
}

describe('requireRole', () => {
	it('lets a moderator in with their roles', async () => {
		const locals = await signedIn(['moderator']);
		const viewer = await requireRole({ locals, url }, ['moderator']);
		expect(viewer.roles).toEqual(['moderator']);
	});

	it('answers 403 to a signed-in user without the role', async () => {
		const locals = await signedIn([]);
		const refusal = await requireRole({ locals, url }, ['moderator']).catch((e: unknown) => e);
		expect(isHttpError(refusal, 403)).toBe(true);
	});

	it('sends an anonymous visitor to sign in', async () => {
		const locals = { ...(await signedIn([])), user: async () => null };
		const outcome = await requireRole({ locals, url }, ['moderator']).catch((e: unknown) => e);
		expect(isRedirect(outcome)).toBe(true);
	});

	it('throws when the database cannot answer, instead of a 403', async () => {
		const locals = await signedIn(['moderator']);
		const user = (await locals.user()) as User;
		// The same user, but the API is down: nothing listens on that port any more.
		const deadUrl = await closedPort();
		const outage = { ...locals, supabase: createClient(deadUrl, gw.anonKey, options) };
		outage.user = async () => user;
		const failure = await requireRole({ locals: outage, url }, ['moderator']).catch(
			(e: unknown) => e
		);
		expect(failure).toBeInstanceOf(Error);
		expect(isHttpError(failure)).toBe(false);
		expect(isRedirect(failure)).toBe(false);
		expect(String((failure as Error).message)).toMatch(/profile roles not read/);
		await expect(getViewer(outage)).rejects.toThrow(/profile roles not read/);
	});
});
