// Supabase caps every read at [api] max_rows (PostgREST's db-max-rows), with the count and
// Content-Range telling the client there is more.
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/server.ts';
import { executorKinds, startTestGateway } from './harness.ts';

describe.each(executorKinds())('max rows on %s', (kind) => {
	let gateway: Gateway;
	beforeAll(async () => {
		gateway = await startTestGateway(kind, { maxRows: 2 });
		const service = createClient(gateway.url, gateway.serviceRoleKey);
		const { error } = await service
			.from('authors')
			.insert(['a', 'b', 'c', 'd'].map((slug) => ({ slug, name: slug.toUpperCase() })));
		if (error) throw new Error(error.message);
	});
	afterAll(async () => {
		await gateway?.stop();
	});

	it('caps reads and reports the full count', async () => {
		const client = createClient(gateway.url, gateway.anonKey);
		const all = await client.from('authors').select('slug', { count: 'exact' }).order('slug');
		expect(all).toMatchObject({ status: 206, count: 4, data: [{ slug: 'a' }, { slug: 'b' }] });
		const page = await client.from('authors').select('slug').order('slug').range(2, 10);
		expect(page.data).toEqual([{ slug: 'c' }, { slug: 'd' }]);
		const one = await client.from('authors').select('slug').order('slug').limit(1);
		expect(one.data).toEqual([{ slug: 'a' }]);
	});

	it('caps set-returning functions too', async () => {
		const client = createClient(gateway.url, gateway.anonKey);
		const { data } = await client.rpc('series', { n: 5 });
		expect(data).toEqual([1, 2]);
	});
});
