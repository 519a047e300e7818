// The front routes /auth/v1 to the auth handler, and a session it issues is honoured by
// /rest/v1: auth.uid() in the database is the signed-up user's id.
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/server.ts';
import { executorKinds, startTestGateway } from './harness.ts';

describe.each(executorKinds())('auth routing on %s', (kind) => {
	let gateway: Gateway;
	beforeAll(async () => {
		// Sign-ups get a session at once here; confirmation by mail is covered in src/auth.
		gateway = await startTestGateway(kind, { autoConfirm: true });
	});
	afterAll(async () => {
		await gateway?.stop();
	});

	it('signs up, then reaches the database as that user', async () => {
		const client = createClient(gateway.url, gateway.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false }
		});
		const { data, error } = await client.auth.signUp({
			email: 'routing@example.org',
			password: 'correct-horse-battery-staple'
		});
		expect(error).toBeNull();
		expect(data.session).not.toBeNull();
		const who = await client.rpc('whoami');
		expect(who.error).toBeNull();
		expect(who.data).toEqual({ uid: data.user?.id, role: 'authenticated', user: 'authenticated' });
	});

	it('requires an API key on auth endpoints', async () => {
		const response = await fetch(`${gateway.url}/auth/v1/settings`);
		expect(response.status).toBe(401);
	});
});
