// The gateway's scenario suite: what supabase-js sends, success and failure, against one target.
// Each scenario returns {data, error, count, status}; the spec checks each one and compares the
// whole run with a checked-in snapshot that every executor must equal. A target is anything that
// answers like a Supabase project: the gateway on an executor, or a real project (test/remote.ts).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { signJwt } from '../src/jwt.ts';
import { userToken } from './harness.ts';

export const ALICE = '00000000-0000-4000-a000-00000000000a';
export const BOB = '00000000-0000-4000-a000-00000000000b';

export type Snap = { data: unknown; error: unknown; count: number | null; status: number };

/** Where the scenarios run: a project URL, its two API keys and a way to get user tokens. */
export type Target = {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/**
	 * An access token for the user `sub`; `extra` claims (such as an `exp` in the past) override
	 * the defaults. A target that cannot mint tokens throws {@link UnsupportedByTarget} for `extra`.
	 */
	userToken(sub: string, extra?: Record<string, unknown>): string;
};

/** Thrown by a target for a request it cannot make; a runner may count the scenario as skipped. */
export class UnsupportedByTarget extends Error {}

/** A target whose user tokens are signed with the project's JWT secret (the gateway's, say). */
export function signingTarget(source: {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
}): Target {
	return {
		url: source.url,
		anonKey: source.anonKey,
		serviceRoleKey: source.serviceRoleKey,
		userToken: (sub, extra) => userToken(source.jwtSecret, sub, extra)
	};
}

export type Clients = {
	target: Target;
	anon: SupabaseClient;
	service: SupabaseClient;
	alice: SupabaseClient;
	bob: SupabaseClient;
	raw(path: string, init?: RequestInit & { key?: string }): Promise<Snap & { headers: Headers }>;
};

/** Clients for `target`; a gateway (or anything with a `jwtSecret`) signs its own user tokens. */
export function makeClients(source: Target | Parameters<typeof signingTarget>[0]): Clients {
	const target = 'userToken' in source ? source : signingTarget(source);
	const options = { auth: { persistSession: false, autoRefreshToken: false } };
	const asUser = (sub: string) => {
		const token = target.userToken(sub);
		return createClient(target.url, target.anonKey, { accessToken: async () => token });
	};
	return {
		target,
		anon: createClient(target.url, target.anonKey, options),
		service: createClient(target.url, target.serviceRoleKey, options),
		alice: asUser(ALICE),
		bob: asUser(BOB),
		async raw(path, init = {}) {
			const headers = new Headers(init.headers);
			if (init.key !== '') headers.set('apikey', init.key ?? target.anonKey);
			const response = await fetch(target.url + path, { ...init, headers });
			const text = await response.text();
			let body: unknown = text;
			try {
				body = text ? JSON.parse(text) : null;
			} catch {
				// not JSON: keep the text
			}
			const ok = response.status < 400;
			return {
				data: ok ? body : null,
				error: ok ? null : body,
				count: null,
				status: response.status,
				headers: response.headers
			};
		}
	};
}

type Result = { data: unknown; error: unknown; count?: number | null; status: number };

function snap(r: Result): Snap {
	return { data: r.data ?? null, error: r.error ?? null, count: r.count ?? null, status: r.status };
}

function code(s: Snap): unknown {
	return (s.error as { code?: unknown } | null)?.code;
}

export type Scenario = {
	name: string;
	run(c: Clients): Promise<Snap>;
	check(s: Snap): void;
};

const rows = (s: Snap) => s.data as Record<string, unknown>[];

export const scenarios: Scenario[] = [
	{
		name: 'service role seeds authors (array insert, representation)',
		run: async (c) =>
			snap(
				await c.service
					.from('authors')
					.insert([
						{ slug: 'ann', name: 'Ann', bio: 'poet' },
						{ slug: 'bob', name: 'Bob', bio: null },
						{ slug: 'cy', name: 'Cy', bio: 'critic' }
					])
					.select()
			),
		check: (s) => {
			expect(s.status).toBe(201);
			expect(rows(s).map((r) => r.slug)).toEqual(['ann', 'bob', 'cy']);
		}
	},
	{
		name: 'service role seeds posts (minimal)',
		run: async (c) =>
			snap(
				await c.service.from('posts').insert([
					{
						author_id: 1,
						editor_id: 2,
						title: 'Alpha',
						tags: ['a', 'b'],
						meta: { lang: 'fr', n: 1 },
						published: true,
						score: 3,
						owner_id: ALICE
					},
					{
						author_id: 1,
						editor_id: 3,
						title: 'Beta',
						tags: ['b'],
						meta: { lang: 'nl', n: 2 },
						published: true,
						score: null,
						owner_id: ALICE
					},
					{
						author_id: 2,
						editor_id: 1,
						title: 'Gamma draft',
						tags: [],
						meta: { lang: 'en' },
						published: false,
						score: 7.5,
						owner_id: ALICE
					},
					{
						author_id: 2,
						editor_id: null,
						title: 'Delta',
						tags: ['c', 'a'],
						meta: {},
						published: true,
						score: 1,
						owner_id: BOB
					},
					{
						author_id: 3,
						editor_id: null,
						title: 'Epsilon draft',
						tags: ['c'],
						meta: {},
						published: false,
						score: 2,
						owner_id: BOB
					}
				])
			),
		check: (s) => {
			expect(s.status).toBe(201);
			expect(s.data).toBeNull();
		}
	},
	{
		name: 'service role seeds comments',
		run: async (c) =>
			snap(
				await c.service.from('comments').insert([
					{ post_id: 1, body: 'first', owner_id: BOB },
					{ post_id: 1, body: 'second', owner_id: ALICE },
					{ post_id: 2, body: 'third', owner_id: BOB },
					{ post_id: 4, body: 'fourth', owner_id: ALICE }
				])
			),
		check: (s) => expect(s.status).toBe(201)
	},
	{
		name: 'select columns, alias, cast and JSON paths',
		run: async (c) =>
			snap(
				await c.anon
					.from('posts')
					.select('id, heading:title, score::text, lang:meta->>lang, n:meta->n')
					.order('id')
			),
		check: (s) => {
			expect(s.status).toBe(200);
			expect(rows(s)[0]).toEqual({ id: 1, heading: 'Alpha', score: '3', lang: 'fr', n: 1 });
			// RLS: anon sees published posts only.
			expect(rows(s).map((r) => r.id)).toEqual([1, 2, 4]);
		}
	},
	{
		name: 'to-one embed with a column hint, alias and constraint hint',
		run: async (c) =>
			snap(
				await c.anon
					.from('posts')
					.select(
						'title, author:authors!author_id(name), editor:authors!posts_editor_id_fkey(name)'
					)
					.order('id')
			),
		check: (s) => {
			expect(rows(s)[0]).toEqual({
				title: 'Alpha',
				author: { name: 'Ann' },
				editor: { name: 'Bob' }
			});
			expect(rows(s)[2]).toEqual({ title: 'Delta', author: { name: 'Bob' }, editor: null });
		}
	},
	{
		name: 'ambiguous embed answers PGRST201',
		run: async (c) => snap(await c.anon.from('posts').select('title, authors(name)')),
		check: (s) => {
			expect(s.status).toBe(300);
			expect(code(s)).toBe('PGRST201');
		}
	},
	{
		name: 'unknown relationship answers PGRST200',
		run: async (c) => snap(await c.anon.from('authors').select('name, reports(id)')),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('PGRST200');
		}
	},
	{
		name: 'to-many nested embeds with filters, order and limit on the embed',
		run: async (c) =>
			snap(
				await c.anon
					.from('authors')
					.select('name, posts!author_id(title, comments(body))')
					.eq('posts.published', true)
					.order('title', { referencedTable: 'posts', ascending: false })
					.limit(1, { referencedTable: 'posts' })
					.order('id')
			),
		check: (s) => {
			expect(s.data).toEqual([
				{ name: 'Ann', posts: [{ title: 'Beta', comments: [{ body: 'third' }] }] },
				{ name: 'Bob', posts: [{ title: 'Delta', comments: [{ body: 'fourth' }] }] },
				{ name: 'Cy', posts: [] }
			]);
		}
	},
	{
		name: 'inner embed filters parents',
		run: async (c) =>
			snap(
				await c.anon
					.from('authors')
					.select('name, posts!author_id!inner(title)')
					.eq('posts.title', 'Delta')
			),
		check: (s) => expect(s.data).toEqual([{ name: 'Bob', posts: [{ title: 'Delta' }] }])
	},
	{
		name: 'embed null test (not.is.null on an embed)',
		run: async (c) =>
			snap(
				await c.anon
					.from('posts')
					.select('title, comments(body)')
					.not('comments', 'is', null)
					.order('id')
			),
		check: (s) => expect(rows(s).map((r) => r.title)).toEqual(['Alpha', 'Beta', 'Delta'])
	},
	{
		name: 'spread a to-one embed',
		run: async (c) =>
			snap(
				await c.anon
					.from('posts')
					.select('title, ...authors!author_id(author_name:name)')
					.eq('id', 1)
			),
		check: (s) => expect(s.data).toEqual([{ title: 'Alpha', author_name: 'Ann' }])
	},
	{
		name: 'comparison filters',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id')
					.gt('score', 1)
					.lte('score', 7.5)
					.neq('id', 5)
					.order('id')
			),
		check: (s) => expect(s.data).toEqual([{ id: 1 }, { id: 3 }])
	},
	{
		name: 'like, ilike, not.like',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id')
					.ilike('title', '%DRAFT')
					.not('title', 'like', 'G*')
			),
		check: (s) => expect(s.data).toEqual([{ id: 5 }])
	},
	{
		name: 'is null, in, not.in',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id')
					.is('editor_id', null)
					.in('author_id', [2, 3])
					.not('id', 'in', '(5)')
			),
		check: (s) => expect(s.data).toEqual([{ id: 4 }])
	},
	{
		name: 'array contains, contained by, overlaps',
		run: async (c) => {
			const [a, b, d] = await Promise.all([
				c.service.from('posts').select('id').contains('tags', ['a']).order('id'),
				c.service.from('posts').select('id').containedBy('tags', ['a', 'b']).order('id'),
				c.service.from('posts').select('id').overlaps('tags', ['c', 'z']).order('id')
			]);
			return {
				data: [a.data, b.data, d.data],
				error: a.error ?? b.error ?? d.error,
				count: null,
				status: a.status
			};
		},
		check: (s) =>
			expect(s.data).toEqual([
				[{ id: 1 }, { id: 4 }],
				[{ id: 1 }, { id: 2 }, { id: 3 }],
				[{ id: 4 }, { id: 5 }]
			])
	},
	{
		name: 'jsonb contains and JSON path filter',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id')
					.contains('meta', { lang: 'fr' })
					.eq('meta->>n', '1')
			),
		check: (s) => expect(s.data).toEqual([{ id: 1 }])
	},
	{
		name: 'or with nested and',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id')
					.or('title.eq.Beta,and(score.gt.2,score.lt.8,published.is.false)')
					.order('id')
			),
		check: (s) => expect(s.data).toEqual([{ id: 2 }, { id: 3 }])
	},
	{
		name: 'order with nulls first and a second key',
		run: async (c) =>
			snap(
				await c.service
					.from('posts')
					.select('id, score')
					.order('score', { ascending: false, nullsFirst: true })
					.order('id')
			),
		check: (s) => expect(rows(s).map((r) => r.id)).toEqual([2, 3, 1, 5, 4])
	},
	{
		name: 'range with exact count answers 206',
		run: async (c) =>
			snap(await c.service.from('posts').select('id', { count: 'exact' }).order('id').range(1, 2)),
		check: (s) => {
			expect(s.status).toBe(206);
			expect(s.count).toBe(5);
			expect(s.data).toEqual([{ id: 2 }, { id: 3 }]);
		}
	},
	{
		name: 'HEAD with exact count (RLS applies to the count)',
		run: async (c) => snap(await c.anon.from('posts').select('*', { count: 'exact', head: true })),
		check: (s) => {
			expect(s.count).toBe(3);
			expect(s.data).toBeNull();
		}
	},
	{
		name: 'Range header and Content-Range',
		run: async (c) => {
			const r = await c.raw('/rest/v1/authors?select=slug&order=id', {
				headers: { Range: '1-5', 'Range-Unit': 'items', Prefer: 'count=exact' }
			});
			return { ...r, data: { body: r.data, range: r.headers.get('content-range') } };
		},
		check: (s) => {
			expect(s.status).toBe(206);
			expect(s.data).toEqual({ body: [{ slug: 'bob' }, { slug: 'cy' }], range: '1-2/3' });
		}
	},
	{
		name: 'offset past the end with a count answers 416',
		run: async (c) =>
			snap(await c.service.from('authors').select('id', { count: 'exact' }).range(10, 12)),
		check: (s) => {
			expect(s.status).toBe(416);
			expect(code(s)).toBe('PGRST103');
		}
	},
	{
		name: 'single row',
		run: async (c) => snap(await c.anon.from('authors').select('name').eq('slug', 'cy').single()),
		check: (s) => expect(s.data).toEqual({ name: 'Cy' })
	},
	{
		name: 'single with no row answers PGRST116',
		run: async (c) => snap(await c.anon.from('authors').select('name').eq('slug', 'zz').single()),
		check: (s) => {
			expect(s.status).toBe(406);
			expect(code(s)).toBe('PGRST116');
		}
	},
	{
		name: 'maybeSingle with no row',
		run: async (c) =>
			snap(await c.anon.from('authors').select('name').eq('slug', 'zz').maybeSingle()),
		check: (s) => {
			expect(s.error).toBeNull();
			expect(s.data).toBeNull();
		}
	},
	{
		name: 'insert with missing=default takes column defaults per row',
		run: async (c) =>
			snap(
				await c.alice
					.from('posts')
					.insert(
						[
							{ title: 'Zeta', author_id: 3, published: true },
							{ title: 'Eta', author_id: 3, published: true, tags: ['z'] }
						],
						{
							defaultToNull: false
						}
					)
					.select('id, title, tags, meta, owner_id')
			),
		check: (s) => {
			expect(s.status).toBe(201);
			expect(s.data).toEqual([
				{ id: 6, title: 'Zeta', tags: [], meta: {}, owner_id: ALICE },
				{ id: 7, title: 'Eta', tags: ['z'], meta: {}, owner_id: ALICE }
			]);
		}
	},
	{
		name: 'RLS: a user sees their own drafts, not others',
		run: async (c) => snap(await c.alice.from('posts').select('id').eq('published', false)),
		check: (s) => expect(s.data).toEqual([{ id: 3 }])
	},
	{
		name: 'RLS: inserting for another user is refused (403)',
		run: async (c) =>
			snap(await c.alice.from('posts').insert({ title: 'Forged', owner_id: BOB }).select()),
		check: (s) => {
			expect(s.status).toBe(403);
			expect(code(s)).toBe('42501');
		}
	},
	{
		name: 'RLS: anon insert is refused (401)',
		run: async (c) => snap(await c.anon.from('posts').insert({ title: 'Anon' })),
		check: (s) => {
			expect(s.status).toBe(401);
			expect(code(s)).toBe('42501');
		}
	},
	{
		name: 'RLS: insert-only table accepts anon without returning',
		run: async (c) => snap(await c.anon.from('reports').insert({ message: 'broken link' })),
		check: (s) => {
			expect(s.status).toBe(201);
			expect(s.error).toBeNull();
		}
	},
	{
		name: 'RLS: insert-only table refuses return=representation',
		run: async (c) =>
			snap(await c.anon.from('reports').insert({ message: 'again' }).select('message')),
		check: (s) => {
			expect(s.status).toBe(401);
			expect(code(s)).toBe('42501');
		}
	},
	{
		name: 'RLS: reports stay invisible to anon',
		run: async (c) => snap(await c.anon.from('reports').select('message')),
		check: (s) => expect(s.data).toEqual([])
	},
	{
		name: 'update own row with representation',
		run: async (c) =>
			snap(
				await c.alice.from('posts').update({ title: 'Alpha 2' }).eq('id', 1).select('id, title')
			),
		check: (s) => {
			expect(s.status).toBe(200);
			expect(s.data).toEqual([{ id: 1, title: 'Alpha 2' }]);
		}
	},
	{
		name: "RLS: updating someone else's row touches nothing",
		run: async (c) =>
			snap(await c.alice.from('posts').update({ title: 'Hacked' }).eq('id', 4).select()),
		check: (s) => {
			expect(s.status).toBe(200);
			expect(s.data).toEqual([]);
		}
	},
	{
		name: 'update minimal answers 204',
		run: async (c) => snap(await c.bob.from('posts').update({ score: 4 }).eq('id', 4)),
		check: (s) => expect(s.status).toBe(204)
	},
	{
		name: 'update and delete without filters are refused',
		run: async (c) => {
			const u = await c.service.from('posts').update({ score: 0 }).neq('id', -1).select('id');
			const d = await c.raw('/rest/v1/comments', {
				method: 'DELETE',
				key: c.target.serviceRoleKey
			});
			return { data: u.data?.length ?? null, error: d.error, count: null, status: d.status };
		},
		check: (s) => {
			expect(s.data).toBe(7);
			expect(s.status).toBe(400);
			expect(code(s)).toBe('21000');
		}
	},
	{
		name: 'upsert merge-duplicates on a unique column',
		run: async (c) =>
			snap(
				await c.service
					.from('authors')
					.upsert(
						[
							{ slug: 'ann', name: 'Ann Again' },
							{ slug: 'dee', name: 'Dee' }
						],
						{ onConflict: 'slug' }
					)
					.select('slug, name, bio')
			),
		check: (s) =>
			expect(s.data).toEqual([
				{ slug: 'ann', name: 'Ann Again', bio: 'poet' },
				{ slug: 'dee', name: 'Dee', bio: null }
			])
	},
	{
		name: 'upsert ignore-duplicates',
		run: async (c) =>
			snap(
				await c.service
					.from('authors')
					.upsert({ slug: 'bob', name: 'Not Bob' }, { onConflict: 'slug', ignoreDuplicates: true })
					.select('slug, name')
			),
		check: (s) => expect(s.data).toEqual([])
	},
	{
		name: 'delete with representation',
		run: async (c) =>
			snap(await c.service.from('comments').delete().eq('body', 'fourth').select('body')),
		check: (s) => expect(s.data).toEqual([{ body: 'fourth' }])
	},
	{
		name: 'unique violation answers 409',
		run: async (c) => snap(await c.service.from('authors').insert({ slug: 'cy', name: 'Cy 2' })),
		check: (s) => {
			expect(s.status).toBe(409);
			expect(code(s)).toBe('23505');
		}
	},
	{
		name: 'foreign key violation answers 409',
		run: async (c) => snap(await c.service.from('comments').insert({ post_id: 999, body: 'x' })),
		check: (s) => {
			expect(s.status).toBe(409);
			expect(code(s)).toBe('23503');
		}
	},
	{
		name: 'check violation answers 400',
		run: async (c) => snap(await c.service.from('comments').insert({ post_id: 1, body: '' })),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('23514');
		}
	},
	{
		name: 'invalid input answers 400 (22P02)',
		run: async (c) => snap(await c.anon.from('posts').select('id').eq('id', 'abc')),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('22P02');
		}
	},
	{
		name: 'unknown table answers PGRST205',
		run: async (c) => snap(await c.anon.from('nothing_here').select()),
		check: (s) => {
			expect(s.status).toBe(404);
			expect(code(s)).toBe('PGRST205');
		}
	},
	{
		name: 'unknown filter column answers 42703',
		run: async (c) => snap(await c.anon.from('posts').select('id').eq('nope', 1)),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('42703');
		}
	},
	{
		name: 'unknown insert column answers PGRST204',
		run: async (c) =>
			snap(await c.service.from('authors').insert({ slug: 'q', name: 'Q', nope: 1 })),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('PGRST204');
		}
	},
	{
		name: 'unparseable filter answers PGRST100',
		run: async (c) =>
			snap(await c.anon.from('posts').select('id').filter('id', 'between', '(1,2)')),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(code(s)).toBe('PGRST100');
		}
	},
	{
		name: 'another schema answers PGRST106',
		run: async (c) => snap(await c.anon.schema('auth').from('users').select()),
		check: (s) => {
			expect(s.status).toBe(406);
			expect(code(s)).toBe('PGRST106');
		}
	},
	{
		name: 'rpc: scalar with named arguments and a default',
		run: async (c) => {
			const [a, b] = await Promise.all([
				c.anon.rpc('add', { a: 2, b: 3 }),
				c.anon.rpc('add', { a: 2 })
			]);
			return { data: [a.data, b.data], error: a.error ?? b.error, count: null, status: a.status };
		},
		check: (s) => expect(s.data).toEqual([5, 3])
	},
	{
		name: 'rpc: GET with query arguments',
		run: async (c) => snap(await c.anon.rpc('add', { a: 40, b: 2 }, { get: true })),
		check: (s) => expect(s.data).toBe(42)
	},
	{
		name: 'rpc: setof rows with filters, order, limit and an embed',
		run: async (c) =>
			snap(
				await c.anon
					.rpc('posts_by_author', { author: 1 })
					.select('title, author:authors!author_id(slug)')
					.eq('published', true)
					.order('id', { ascending: false })
					.limit(1)
			),
		check: (s) => expect(s.data).toEqual([{ title: 'Beta', author: { slug: 'ann' } }])
	},
	{
		name: 'rpc: returns table, with exact count',
		run: async (c) => snap(await c.anon.rpc('tag_counts', {}, { count: 'exact' })),
		check: (s) => {
			// RLS applies inside an invoker function: anon counts published posts only.
			expect(s.data).toEqual([
				{ tag: 'a', n: 2 },
				{ tag: 'b', n: 2 },
				{ tag: 'c', n: 1 },
				{ tag: 'z', n: 1 }
			]);
			expect(s.count).toBe(4);
		}
	},
	{
		name: 'rpc: setof scalars with a filter',
		run: async (c) => snap(await c.anon.rpc('series', { n: 5 }).gte('series', 3)),
		check: (s) => expect(s.data).toEqual([3, 4, 5])
	},
	{
		name: 'rpc: jsonb argument and result',
		run: async (c) => snap(await c.anon.rpc('echo', { payload: { a: [1, 'two', null] } })),
		check: (s) => expect(s.data).toEqual({ a: [1, 'two', null] })
	},
	{
		name: 'rpc: claims reach auth.uid() and auth.role()',
		run: async (c) => {
			const [a, b] = await Promise.all([c.anon.rpc('whoami'), c.alice.rpc('whoami')]);
			return { data: [a.data, b.data], error: a.error ?? b.error, count: null, status: b.status };
		},
		check: (s) =>
			expect(s.data).toEqual([
				{ uid: null, role: 'anon', user: 'anon' },
				{ uid: ALICE, role: 'authenticated', user: 'authenticated' }
			])
	},
	{
		name: 'rpc: raise exception answers 400 P0001 with the hint',
		run: async (c) => snap(await c.anon.rpc('fail', { message: 'nope' })),
		check: (s) => {
			expect(s.status).toBe(400);
			expect(s.error).toEqual({
				code: 'P0001',
				message: 'nope',
				details: null,
				hint: 'fixture hint'
			});
		}
	},
	{
		name: 'rpc: void function answers 204',
		run: async (c) => snap(await c.anon.rpc('touch_report', { message: 'via rpc' })),
		check: (s) => expect(s.status).toBe(204)
	},
	{
		name: 'rpc: a writing function over GET is refused (read-only transaction)',
		run: async (c) => snap(await c.anon.rpc('touch_report', { message: 'x' }, { get: true })),
		check: (s) => {
			expect(s.status).toBe(405);
			expect(code(s)).toBe('25006');
		}
	},
	{
		name: 'rpc: unknown function or arguments answer PGRST202',
		run: async (c) => {
			const [a, b] = await Promise.all([c.anon.rpc('nope'), c.anon.rpc('add', { x: 1 })]);
			return { data: null, error: [a.error, b.error], count: null, status: a.status };
		},
		check: (s) => {
			expect(s.status).toBe(404);
			expect((s.error as { code: string }[]).map((e) => e.code)).toEqual(['PGRST202', 'PGRST202']);
		}
	},
	{
		name: 'a bad JWT answers 401 PGRST301',
		run: async (c) => {
			const forged = signJwt(
				{ role: 'service_role', sub: BOB },
				'not-the-secret-not-the-secret-not-it'
			);
			return snap(
				await c.raw('/rest/v1/authors', { headers: { Authorization: `Bearer ${forged}` } })
			);
		},
		check: (s) => {
			expect(s.status).toBe(401);
			expect(code(s)).toBe('PGRST301');
		}
	},
	{
		name: 'an expired JWT answers 401',
		run: async (c) => {
			const expired = c.target.userToken(ALICE, { exp: 1000 });
			return snap(
				await c.raw('/rest/v1/authors', { headers: { Authorization: `Bearer ${expired}` } })
			);
		},
		check: (s) => {
			expect(s.status).toBe(401);
			expect(code(s)).toBe('PGRST303');
		}
	},
	{
		name: 'a missing or foreign API key answers 401',
		run: async (c) => {
			const none = await c.raw('/rest/v1/authors', { key: '' });
			const user = await c.raw('/rest/v1/authors', { key: c.target.userToken(ALICE) });
			return {
				data: null,
				error: [none.error, user.error],
				count: null,
				status: Math.max(none.status, user.status)
			};
		},
		check: (s) => expect(s.status).toBe(401)
	},
	{
		name: 'a body over the limit answers 413',
		run: async (c) =>
			snap(
				await c.raw('/rest/v1/reports', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ message: 'x'.repeat(1100 * 1024) })
				})
			),
		check: (s) => expect(s.status).toBe(413)
	},
	{
		name: 'CORS preflight from a local dev origin',
		run: async (c) => {
			const r = await fetch(c.target.url + '/rest/v1/posts', {
				method: 'OPTIONS',
				headers: {
					Origin: 'http://localhost:5173',
					'Access-Control-Request-Method': 'PATCH',
					'Access-Control-Request-Headers': 'apikey, authorization, prefer'
				}
			});
			return {
				data: {
					origin: r.headers.get('access-control-allow-origin'),
					headers: r.headers.get('access-control-allow-headers')?.includes('prefer')
				},
				error: null,
				count: null,
				status: r.status
			};
		},
		check: (s) => {
			expect(s.status).toBe(204);
			expect(s.data).toEqual({ origin: 'http://localhost:5173', headers: true });
		}
	},
	{
		name: 'service role reads everything (BYPASSRLS)',
		run: async (c) => snap(await c.service.from('reports').select('message').order('message')),
		check: (s) => expect(s.data).toEqual([{ message: 'broken link' }, { message: 'via rpc' }])
	},
	{
		name: 'embed through a view, both directions',
		run: async (c) => {
			const [a, b] = await Promise.all([
				c.anon
					.from('published_posts')
					.select('title, writer:authors(slug), comments(body)')
					.order('post_id'),
				c.anon
					.from('authors')
					.select('slug, published_posts(title)')
					.eq('slug', 'ann')
					.order('title', { referencedTable: 'published_posts' })
			]);
			return { data: [a.data, b.data], error: a.error ?? b.error, count: null, status: a.status };
		},
		check: (s) => {
			const [viaView, intoView] = s.data as [Record<string, unknown>[], unknown];
			expect(viaView[0]).toEqual({
				title: 'Alpha 2',
				writer: { slug: 'ann' },
				comments: [{ body: 'first' }, { body: 'second' }]
			});
			expect(intoView).toEqual([
				{
					slug: 'ann',
					published_posts: [{ title: 'Alpha 2' }, { title: 'Beta' }]
				}
			]);
		}
	},
	{
		name: 'full-text search, regex and is-distinct filters',
		run: async (c) => {
			const [fts, web, re, distinct] = await Promise.all([
				c.service.from('posts').select('id').textSearch('title', 'draft').order('id'),
				c.service
					.from('posts')
					.select('id')
					.textSearch('title', 'gamma draft', { type: 'websearch', config: 'english' }),
				c.service
					.from('posts')
					.select('id')
					.match({ published: true })
					.filter('title', 'imatch', '^(alpha|beta)')
					.order('id'),
				c.service.from('posts').select('id').filter('editor_id', 'isdistinct', '1').order('id')
			]);
			return {
				data: [fts.data, web.data, re.data, distinct.data],
				error: fts.error ?? web.error ?? re.error ?? distinct.error,
				count: null,
				status: fts.status
			};
		},
		check: (s) =>
			expect(s.data).toEqual([
				[{ id: 3 }, { id: 5 }],
				[{ id: 3 }],
				[{ id: 1 }, { id: 2 }],
				[{ id: 1 }, { id: 2 }, { id: 4 }, { id: 5 }, { id: 6 }, { id: 7 }]
			])
	},
	{
		name: 'object with nulls stripped',
		run: async (c) => {
			const r = await c.raw('/rest/v1/authors?select=slug,bio&slug=eq.bob', {
				headers: { Accept: 'application/vnd.pgrst.object+json;nulls=stripped' }
			});
			return snap(r);
		},
		check: (s) => expect(s.data).toEqual({ slug: 'bob' })
	},
	{
		name: 'unsupported output, method, preference and profile are refused',
		run: async (c) => {
			const csv = await c.anon.from('authors').select('slug').csv();
			const put = await c.raw('/rest/v1/authors?slug=eq.bob', {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: '{"slug":"bob","name":"B"}'
			});
			const strict = await c.raw('/rest/v1/authors', {
				headers: { Prefer: 'handling=strict, tx=commit' }
			});
			const profile = await c.raw('/rest/v1/authors', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'Content-Profile': 'private' },
				body: '{"slug":"p","name":"P"}'
			});
			return {
				data: [csv.status, put.status, strict.status, profile.status],
				error: [csv.error, put.error, strict.error, profile.error],
				count: null,
				status: 400
			};
		},
		check: (s) => {
			expect(s.data).toEqual([406, 405, 400, 406]);
			expect((s.error as { code: string }[]).map((e) => e.code)).toEqual([
				'PGRST107',
				'PGRST105',
				'PGRST122',
				'PGRST106'
			]);
		}
	},
	...relationshipScenarios()
];

/** Several results as one snapshot: each part's status and data, and its error, side by side. */
function several(parts: Snap[]): Snap {
	return {
		data: parts.map((p) => ({ status: p.status, data: p.data })),
		error: parts.map((p) => p.error),
		count: null,
		status: Math.max(...parts.map((p) => p.status))
	};
}

const JSON_BODY = { 'content-type': 'application/json' };

/** The data of each part of a {@link several} snapshot. */
function parts(s: Snap): unknown[] {
	return (s.data as { data: unknown }[]).map((p) => p.data);
}

/** The status of each part of a {@link several} snapshot. */
function statuses(s: Snap): number[] {
	return (s.data as { status: number }[]).map((p) => p.status);
}

/**
 * One-to-one, many-to-many and self-referencing embeds, empty embeds, upserts, missing=default,
 * transaction and max-affected preferences, RPC edge cases, planned counts and computed fields
 * (fixture 20240103000000_relationships.sql), each with a success and a refusal.
 */
function relationshipScenarios(): Scenario[] {
	return [
		{
			name: 'service role seeds the relationship fixtures',
			run: async (c) =>
				several([
					snap(
						await c.service.from('author_profiles').insert([
							{ author_id: 1, website: 'https://ann.example.test' },
							{ author_id: 2, website: 'https://bob.example.test' }
						])
					),
					snap(await c.service.from('post_stats').insert([{ post_id: 1, views: 10 }])),
					snap(
						await c.service
							.from('labels')
							.insert([{ name: 'news' }, { name: 'howto' }, { name: 'misc' }])
					),
					snap(
						await c.service.from('post_labels').insert([
							{ post_id: 1, label_id: 1 },
							{ post_id: 1, label_id: 2 },
							{ post_id: 2, label_id: 1 }
						])
					),
					snap(
						await c.service.from('collections').insert([
							{ id: 1, parent_id: null, name: 'root' },
							{ id: 2, parent_id: 1, name: 'child a' },
							{ id: 3, parent_id: 1, name: 'child b' },
							{ id: 4, parent_id: 2, name: 'grandchild' }
						])
					)
				]),
			check: (s) => expect(statuses(s)).toEqual([201, 201, 201, 201, 201])
		},
		{
			name: 'one-to-one embeds are an object or null, from either side, and spread',
			run: async (c) =>
				several([
					snap(
						await c.anon
							.from('authors')
							.select('slug, author_profiles(website)')
							.in('id', [1, 2, 3])
							.order('id')
					),
					snap(
						await c.anon.from('author_profiles').select('website, authors(slug)').order('author_id')
					),
					snap(
						await c.anon
							.from('posts')
							.select('title, post_stats(views)')
							.in('id', [1, 2])
							.order('id')
					),
					snap(
						await c.anon
							.from('authors')
							.select('slug, ...author_profiles(website)')
							.in('id', [1, 3])
							.order('id')
					)
				]),
			check: (s) => {
				const [byAuthor, byProfile, stats, spread] = parts(s) as Record<string, unknown>[][];
				expect(byAuthor).toEqual([
					{ slug: 'ann', author_profiles: { website: 'https://ann.example.test' } },
					{ slug: 'bob', author_profiles: { website: 'https://bob.example.test' } },
					{ slug: 'cy', author_profiles: null }
				]);
				expect(byProfile?.[0]).toEqual({
					website: 'https://ann.example.test',
					authors: { slug: 'ann' }
				});
				expect(stats).toEqual([
					{ title: 'Alpha 2', post_stats: { views: 10 } },
					{ title: 'Beta', post_stats: null }
				]);
				expect(spread).toEqual([
					{ slug: 'ann', website: 'https://ann.example.test' },
					{ slug: 'cy', website: null }
				]);
			}
		},
		{
			name: 'a spread of a to-many embed is refused with PGRST100',
			run: async (c) => snap(await c.anon.from('posts').select('title, ...comments(body)')),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('PGRST100');
			}
		},
		{
			name: 'many-to-many embeds resolve through the junction table, both ways',
			run: async (c) =>
				several([
					snap(
						await c.anon
							.from('posts')
							.select('title, labels(name)')
							.in('id', [1, 2, 4])
							.order('id')
							.order('name', { referencedTable: 'labels' })
					),
					snap(
						await c.anon
							.from('labels')
							.select('name, posts(title)')
							.order('id')
							.order('title', { referencedTable: 'posts' })
					),
					snap(await c.anon.from('posts').select('title, labels!post_labels(name)').eq('id', 2))
				]),
			check: (s) => {
				const [posts, labels, hinted] = parts(s) as Record<string, unknown>[][];
				expect(posts).toEqual([
					{ title: 'Alpha 2', labels: [{ name: 'howto' }, { name: 'news' }] },
					{ title: 'Beta', labels: [{ name: 'news' }] },
					{ title: 'Delta', labels: [] }
				]);
				expect(labels?.map((l) => (l.posts as unknown[]).length)).toEqual([2, 1, 0]);
				expect(hinted).toEqual([{ title: 'Beta', labels: [{ name: 'news' }] }]);
			}
		},
		{
			name: 'a many-to-many embed with an unknown hint answers PGRST200',
			run: async (c) => snap(await c.anon.from('posts').select('title, labels!nowhere(name)')),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('PGRST200');
			}
		},
		{
			name: 'a self-referencing table embeds its children, and its parent by the key column',
			run: async (c) =>
				several([
					snap(
						await c.anon
							.from('collections')
							.select('name, collections(name)')
							.order('id')
							.order('id', { referencedTable: 'collections' })
					),
					snap(await c.anon.from('collections').select('name, parent:parent_id(name)').eq('id', 4))
				]),
			check: (s) => {
				const [children, parent] = parts(s) as Record<string, unknown>[][];
				expect(children?.[0]).toEqual({
					name: 'root',
					collections: [{ name: 'child a' }, { name: 'child b' }]
				});
				expect(children?.[3]).toEqual({ name: 'grandchild', collections: [] });
				expect(parent).toEqual([{ name: 'grandchild', parent: { name: 'child a' } }]);
			}
		},
		{
			name: 'an unknown embed on a self-referencing table answers PGRST200',
			run: async (c) => snap(await c.anon.from('collections').select('name, parents(name)')),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('PGRST200');
			}
		},
		{
			name: 'an empty embed filters the rows and stays out of the output',
			run: async (c) =>
				snap(
					await c.anon
						.from('posts')
						.select('title, author:authors!posts_author_id_fkey()')
						.eq('author.slug', 'ann')
						.not('author', 'is', null)
						.order('id')
				),
			check: (s) => expect(s.data).toEqual([{ title: 'Alpha 2' }, { title: 'Beta' }])
		},
		{
			name: 'an empty embed takes only is.null or not.is.null (PGRST100)',
			run: async (c) =>
				snap(
					await c.anon
						.from('posts')
						.select('title, author:authors!posts_author_id_fkey()')
						.eq('author', 5)
				),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('PGRST100');
			}
		},
		{
			name: 'an upsert of the conflict key alone returns the row: 201 inserted, 200 updated',
			run: async (c) =>
				several([
					snap(
						await c.service
							.from('members')
							.upsert({ username: 'ann' }, { onConflict: 'username' })
							.select()
					),
					snap(
						await c.service
							.from('members')
							.upsert({ username: 'ann' }, { onConflict: 'username' })
							.select()
					),
					snap(
						await c.service
							.from('members')
							.upsert({ username: 'ann', nickname: 'Annie' }, { onConflict: 'username' })
							.select('username, nickname')
					),
					snap(
						await c.service
							.from('members')
							.upsert([{ username: 'ann' }, { username: 'new' }], { onConflict: 'username' })
					)
				]),
			check: (s) => {
				const [first, again, changed] = parts(s) as Record<string, unknown>[][];
				expect(first).toEqual([{ id: 1, username: 'ann', nickname: 'newcomer' }]);
				expect(again).toEqual(first);
				expect(changed).toEqual([{ username: 'ann', nickname: 'Annie' }]);
				expect(statuses(s)).toEqual([201, 200, 200, 201]);
			}
		},
		{
			name: 'an upsert on a column without a unique constraint answers 42P10',
			run: async (c) =>
				snap(
					await c.service
						.from('members')
						.upsert({ username: 'zed', nickname: 'Z' }, { onConflict: 'nickname' })
				),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('42P10');
			}
		},
		{
			name: 'missing=default fills absent keys with column defaults, identity included',
			run: async (c) =>
				snap(
					await c.service
						.from('members')
						.insert([{ username: 'bo' }, { username: 'cy', nickname: 'Cy' }], {
							defaultToNull: false
						})
						.select('username, nickname, has_id:id')
				),
			check: (s) => {
				expect(s.status).toBe(201);
				const got = rows(s).map((r) => [r.username, r.nickname, typeof r.has_id]);
				expect(got).toEqual([
					['bo', 'newcomer', 'number'],
					['cy', 'Cy', 'number']
				]);
			}
		},
		{
			name: 'without missing=default an absent key is null and breaks not null (23502)',
			run: async (c) =>
				snap(
					await c.service
						.from('members')
						.insert([{ username: 'dee' }, { username: 'eve', nickname: 'E' }])
				),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('23502');
			}
		},
		{
			name: 'Prefer tx=rollback is refused (PGRST122) and nothing is deleted',
			run: async (c) => {
				const refused = await c.raw('/rest/v1/members?username=eq.bo', {
					method: 'DELETE',
					key: c.target.serviceRoleKey,
					headers: {
						Authorization: `Bearer ${c.target.serviceRoleKey}`,
						Prefer: 'tx=rollback'
					}
				});
				const left = await c.anon.from('members').select('username').eq('username', 'bo');
				return several([snap(refused), snap(left)]);
			},
			check: (s) => {
				expect(s.status).toBe(400);
				expect((s.error as { code?: string }[])[0]?.code).toBe('PGRST122');
				expect(parts(s)[1]).toEqual([{ username: 'bo' }]);
			}
		},
		{
			name: 'max-affected with handling=strict refuses a larger delete (PGRST124) and allows a smaller one',
			run: async (c) => {
				const del = (limit: number) =>
					c.raw('/rest/v1/members?username=in.(bo,cy)', {
						method: 'DELETE',
						key: c.target.serviceRoleKey,
						headers: {
							Authorization: `Bearer ${c.target.serviceRoleKey}`,
							Prefer: `handling=strict, max-affected=${limit}`
						}
					});
				const refused = await del(1);
				const kept = await c.anon.from('members').select('username').in('username', ['bo', 'cy']);
				const allowed = await del(2);
				const gone = await c.anon.from('members').select('username').in('username', ['bo', 'cy']);
				return several([snap(refused), snap(kept), snap(allowed), snap(gone)]);
			},
			check: (s) => {
				expect((s.error as ({ code?: string } | null)[])[0]?.code).toBe('PGRST124');
				const data = parts(s);
				expect((data[1] as unknown[]).length).toBe(2);
				expect(data[3]).toEqual([]);
			}
		},
		{
			name: 'RPC: a body key "" answers PGRST202, count on a scalar result is 1',
			run: async (c) => {
				const empty = await c.raw('/rest/v1/rpc/add', {
					method: 'POST',
					headers: JSON_BODY,
					body: '{"": 1, "a": 1}'
				});
				const counted = await c.anon.rpc('add', { a: 1 }, { count: 'exact' });
				return { ...several([snap(empty), snap(counted)]), count: counted.count };
			},
			check: (s) => {
				expect((s.error as ({ code?: string } | null)[])[0]?.code).toBe('PGRST202');
				expect(parts(s)[1]).toBe(2);
				expect(s.count).toBe(1);
			}
		},
		{
			name: 'count=planned answers 206 with the planner estimate',
			run: async (c) => {
				const r = await c.anon.from('posts').select('id', { count: 'planned' });
				// The estimate itself depends on the engine's statistics; only its presence is pinned.
				return { ...snap(r), data: rows(r).length, count: typeof r.count === 'number' ? 1 : 0 };
			},
			check: (s) => {
				expect(s.status).toBe(206);
				expect(s.count).toBe(1);
			}
		},
		{
			name: 'computed fields are selected, filtered, ordered and returned from writes',
			run: async (c) =>
				several([
					snap(
						await c.anon
							.from('authors')
							.select('slug, full_label')
							.in('id', [1, 2, 3])
							.order('full_label', { ascending: false })
					),
					snap(
						await c.anon
							.from('posts')
							.select('title, labels:label_count')
							.gt('label_count', 0)
							.order('id')
					),
					snap(
						await c.service
							.from('authors')
							.insert({ slug: 'eli', name: 'Eli' })
							.select('slug, full_label')
					)
				]),
			check: (s) => {
				const [authors, posts, inserted] = parts(s) as Record<string, unknown>[][];
				expect(authors?.map((a) => a.full_label)).toEqual([
					'Cy (cy)',
					'Bob (bob)',
					'Ann Again (ann)'
				]);
				expect(posts).toEqual([
					{ title: 'Alpha 2', labels: 2 },
					{ title: 'Beta', labels: 1 }
				]);
				expect(inserted).toEqual([{ slug: 'eli', full_label: 'Eli (eli)' }]);
			}
		},
		{
			name: 'an unknown column or computed field answers 42703',
			run: async (c) => snap(await c.anon.from('authors').select('slug, short_label')),
			check: (s) => {
				expect(s.status).toBe(400);
				expect(code(s)).toBe('42703');
			}
		}
	];
}
