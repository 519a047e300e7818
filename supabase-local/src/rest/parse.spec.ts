import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDelete, buildInsert, buildRead, buildUpdate } from './build.ts';
import { ApiError } from './errors.ts';
import {
	parseFilterValue,
	parseLogicTree,
	parseOrder,
	parsePrefer,
	parseQuery,
	parseRange,
	parseSelect
} from './parse.ts';
import type { Column, Relation, SchemaCache } from './schema.ts';

function column(name: string, type = 'text'): Column {
	return { name, type, nullable: true, defaultExpr: null, generated: false };
}

function relation(name: string, columns: string[]): Relation {
	return {
		name,
		kind: 'table',
		columns: new Map(columns.map((c) => [c, column(c)])),
		primaryKey: ['id'],
		uniqueKeys: [['id']]
	};
}

const cache: SchemaCache = {
	schema: 'public',
	relations: new Map([
		['posts', relation('posts', ['id', 'title', 'author_id', 'meta', 'tags'])],
		['authors', relation('authors', ['id', 'name'])],
		['comments', relation('comments', ['id', 'post_id', 'body'])]
	]),
	foreignKeys: [
		{
			constraint: 'posts_author_id_fkey',
			table: 'posts',
			columns: ['author_id'],
			foreignTable: 'authors',
			foreignColumns: ['id']
		},
		{
			constraint: 'comments_post_id_fkey',
			table: 'comments',
			columns: ['post_id'],
			foreignTable: 'posts',
			foreignColumns: ['id']
		}
	],
	functions: new Map(),
	computedFields: new Map()
};

function expectParseError(fn: () => unknown, code = 'PGRST100') {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).code).toBe(code);
		expect((error as ApiError).status).toBeGreaterThanOrEqual(400);
		expect((error as ApiError).status).toBeLessThan(500);
		return;
	}
	throw new Error('expected a parse error');
}

describe('parseSelect', () => {
	it('reads columns, aliases, casts and JSON paths', () => {
		expect(parseSelect('id,label:title,id::text,meta->a->>b')).toEqual([
			{ type: 'field', field: { name: 'id', json: [] }, alias: null, cast: null },
			{ type: 'field', field: { name: 'title', json: [] }, alias: 'label', cast: null },
			{ type: 'field', field: { name: 'id', json: [] }, alias: null, cast: 'text' },
			{
				type: 'field',
				field: {
					name: 'meta',
					json: [
						{ arrow: '->', key: 'a' },
						{ arrow: '->>', key: 'b' }
					]
				},
				alias: null,
				cast: null
			}
		]);
	});

	it('reads embeds with hints, inner joins, aliases and nesting', () => {
		const [item] = parseSelect('writer:authors!posts_author_id_fkey!inner(name,posts(id))');
		expect(item).toMatchObject({
			type: 'embed',
			name: 'authors',
			alias: 'writer',
			hint: 'posts_author_id_fkey',
			inner: true,
			spread: false
		});
		expect(item?.type === 'embed' && item.select[1]).toMatchObject({
			type: 'embed',
			name: 'posts'
		});
	});

	it('reads `*`, an empty select and a spread', () => {
		expect(parseSelect('*')).toEqual([{ type: 'star' }]);
		expect(parseSelect('')).toEqual([{ type: 'star' }]);
		expect(parseSelect('...authors(name)')[0]).toMatchObject({ type: 'embed', spread: true });
	});

	it('rejects aggregates, unknown casts and broken syntax', () => {
		expectParseError(() => parseSelect('count()'), 'PGRST123');
		expectParseError(() => parseSelect('id::regclass'));
		expectParseError(() => parseSelect('authors(name'));
		expectParseError(() => parseSelect('id,,title'));
		expectParseError(() => parseSelect('id;drop table posts'));
	});
});

describe('filters', () => {
	const f = { name: 'title', json: [] };
	it('reads operators, negation and lists', () => {
		expect(parseFilterValue(f, 'eq.a.b')).toMatchObject({ operator: 'eq', values: ['a.b'] });
		expect(parseFilterValue(f, 'not.ilike.*x*')).toMatchObject({
			operator: 'ilike',
			negate: true,
			values: ['*x*']
		});
		expect(parseFilterValue(f, 'in.(1,"a,b",c)')).toMatchObject({ values: ['1', 'a,b', 'c'] });
		expect(parseFilterValue(f, 'in.()')).toMatchObject({ values: [] });
		expect(parseFilterValue(f, 'is.NULL')).toMatchObject({ operator: 'is', values: ['null'] });
		expect(parseFilterValue(f, 'cs.{a,b}')).toMatchObject({ operator: 'cs', values: ['{a,b}'] });
		expect(parseFilterValue(f, 'fts(english).cat')).toMatchObject({ language: 'english' });
	});

	it('rejects unknown operators and bad is values', () => {
		expectParseError(() => parseFilterValue(f, 'between.1.2'));
		expectParseError(() => parseFilterValue(f, 'is.maybe'));
		expectParseError(() => parseFilterValue(f, 'eq'));
		expectParseError(() => parseFilterValue(f, 'eq(any).1'));
	});

	it('reads nested logic trees with quoted values', () => {
		const tree = parseLogicTree(
			'or',
			false,
			'(id.eq.1,and(title.like.*a*,not.or(id.gt.5,title.eq."x,)")))'
		);
		expect(tree.children).toHaveLength(2);
		const and = tree.children[1];
		expect(and).toMatchObject({ type: 'logic', op: 'and' });
		const or = and?.type === 'logic' ? and.children[1] : undefined;
		expect(or).toMatchObject({ type: 'logic', op: 'or', negate: true });
		expect(or?.type === 'logic' && or.children[1]).toMatchObject({ values: ['x,)'] });
	});

	it('routes embed paths, reserved words and RPC arguments', () => {
		const q = parseQuery(
			[
				['select', 'id,comments(body)'],
				['id', 'gt.1'],
				['comments.body', 'like.*x*'],
				['comments.order', 'id.desc'],
				['comments.limit', '2'],
				['not.or', '(id.eq.1,id.eq.2)'],
				['limit', '10'],
				['offset', '5'],
				['n', '3']
			],
			{ rpcArgNames: new Set(['n']) }
		);
		expect(q.levels.get('')).toMatchObject({ limit: 10, offset: 5 });
		expect(q.levels.get('')?.filters).toHaveLength(2);
		expect(q.levels.get('comments')).toMatchObject({ limit: 2 });
		expect(q.rpcArgs.get('n')).toBe('3');
	});

	it('reads order terms', () => {
		expect(parseOrder('title.desc.nullslast,id')).toEqual([
			{ field: { name: 'title', json: [] }, direction: 'desc', nulls: 'last' },
			{ field: { name: 'id', json: [] }, direction: 'asc', nulls: null }
		]);
		expectParseError(() => parseOrder('title.sideways'));
	});
});

describe('headers', () => {
	it('reads Prefer, ignoring unknown tokens unless strict', () => {
		const p = parsePrefer(['return=representation, count=exact', 'tx=commit']);
		expect(p).toMatchObject({ return: 'representation', count: 'exact' });
		expectParseError(() => parsePrefer(['handling=strict, tx=commit']), 'PGRST122');
	});

	it('reads Range', () => {
		expect(parseRange('0-9')).toEqual({ offset: 0, limit: 10 });
		expect(parseRange('5-')).toEqual({ offset: 5, limit: null });
		expect(parseRange(null)).toBeNull();
		expectParseError(() => parseRange('9-0'), 'PGRST103');
		expectParseError(() => parseRange('a-b'));
	});
});

describe('SQL building', () => {
	it('binds every value and quotes identifiers', () => {
		const q = parseQuery([
			['select', 'id,writer:authors(name),comments(body)'],
			['title', "eq.x'; drop table posts; --"],
			['comments.body', 'in.(a,b)']
		]);
		const built = buildRead(cache, cache.relations.get('posts') as Relation, q, { count: true });
		expect(built.sql).not.toContain('drop table');
		expect(built.params).toContain("x'; drop table posts; --");
		expect(built.sql).toContain('"public"."authors"');
	});

	it('answers unknown columns and relationships with PostgREST codes', () => {
		const posts = cache.relations.get('posts') as Relation;
		expectParseError(
			() => buildRead(cache, posts, parseQuery([['nope', 'eq.1']]), { count: false }),
			'42703'
		);
		expectParseError(
			() => buildRead(cache, posts, parseQuery([['select', 'id,reports(id)']]), { count: false }),
			'PGRST200'
		);
		expectParseError(
			() => buildRead(cache, posts, parseQuery([['ghost.id', 'eq.1']]), { count: false }),
			'PGRST108'
		);
		const options = { returnRepresentation: true, count: false, select: null };
		expectParseError(
			() =>
				buildInsert(cache, posts, parseQuery([]), [{ nope: 1 }], {
					...options,
					resolution: null,
					missingDefault: false
				}),
			'PGRST204'
		);
		expectParseError(() => buildDelete(cache, posts, parseQuery([]), options), '21000');
	});
});

// Hostile input: anything a client can put in a query string.
const hostile = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({
		unit: fc.constantFrom(...'(),.:!*"\\\'->{}[]; eqnotinorand_0aZ$'.split('')),
		maxLength: 60
	})
);

describe('property: hostile query strings', () => {
	it('only ever fail with a typed 4xx error', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(hostile, hostile), { maxLength: 6 }), (entries) => {
				try {
					const q = parseQuery(entries);
					buildRead(cache, cache.relations.get('posts') as Relation, q, { count: true });
				} catch (error) {
					if (!(error instanceof ApiError)) throw error;
					if (error.status < 400 || error.status >= 500) throw error;
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it('never put filter values into SQL text', () => {
		const marker = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `QZX${s}`);
		const op = fc.constantFrom('eq', 'neq', 'gt', 'like', 'ilike', 'cs', 'isdistinct', 'match');
		const field = fc.constantFrom('id', 'title', 'meta', 'comments.body', 'authors.name');
		fc.assert(
			fc.property(
				fc.array(fc.tuple(field, fc.boolean(), op, marker), { minLength: 1, maxLength: 5 }),
				marker,
				(filters, jsonKey) => {
					const entries: [string, string][] = [
						['select', 'id,authors(name),comments(body)'],
						...filters.map(
							([f, not, o, v]) => [f, `${not ? 'not.' : ''}${o}.${v}`] as [string, string]
						),
						['or', `(title.eq."${filters[0]?.[3].replace(/["\\]/g, '')}",id.in.(QZX1,QZX2))`],
						['meta->' + JSON.stringify(jsonKey).replace(/[^\w]/g, ''), 'eq.QZX']
					];
					const q = parseQuery(entries);
					const posts = cache.relations.get('posts') as Relation;
					const options = { returnRepresentation: true, count: true, select: q.select };
					for (const built of [
						buildRead(cache, posts, q, { count: true }),
						buildUpdate(cache, posts, q, { title: 'QZXnew' }, options),
						buildDelete(cache, posts, q, options)
					]) {
						expect(built.sql).not.toContain('QZX');
					}
				}
			),
			{ numRuns: 500 }
		);
	});
});
