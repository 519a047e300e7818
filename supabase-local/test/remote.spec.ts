import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	asStored,
	formatOutcome,
	jsonDifferences,
	judge,
	readRemoteConfig,
	SNAPSHOT,
	summaryLine,
	type Outcome
} from './remote.ts';
import { scenarios, type Snap } from './scenarios.ts';

const ok: Snap = { data: [{ id: 1, name: 'Ann' }], error: null, count: null, status: 200 };

describe('jsonDifferences', () => {
	it('finds none between equal values, whatever the key order', () => {
		expect(jsonDifferences({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual(
			[]
		);
		expect(jsonDifferences(null, null)).toEqual([]);
		expect(jsonDifferences('x', 'x')).toEqual([]);
	});

	it('names the path of each changed leaf', () => {
		expect(
			jsonDifferences(
				{ status: 200, data: [{ id: 1, name: 'Ann' }] },
				{ status: 201, data: [{ id: 1, name: 'Bob' }] }
			)
		).toEqual(['$.status: expected 200, got 201', '$.data[0].name: expected "Ann", got "Bob"']);
	});

	it('reports missing and unexpected members and elements', () => {
		expect(jsonDifferences({ a: 1, 'odd key': 2 }, { a: 1, extra: true })).toEqual([
			'$["odd key"]: expected 2, missing',
			'$.extra: unexpected true'
		]);
		expect(jsonDifferences([1, 2, 3], [1])).toEqual([
			'$[1]: expected 2, missing',
			'$[2]: expected 3, missing'
		]);
		expect(jsonDifferences([1], [1, { x: 1 }])).toEqual(['$[1]: unexpected {"x":1}']);
	});

	it('treats a change of kind as one difference', () => {
		expect(jsonDifferences({ a: [1] }, { a: { 0: 1 } })).toEqual([
			'$.a: expected [1], got {"0":1}'
		]);
		expect(jsonDifferences(null, [])).toEqual(['$: expected null, got []']);
		expect(jsonDifferences(1, '1')).toEqual(['$: expected 1, got "1"']);
	});

	it('shortens long values', () => {
		const [line = ''] = jsonDifferences('short', 'x'.repeat(500));
		expect(line.length).toBeLessThan(160);
		expect(line.endsWith('...')).toBe(true);
	});
});

describe('judge', () => {
	it('passes a result equal to its snapshot entry whose check passed', () => {
		expect(judge('s', ok, structuredClone(ok), null)).toEqual({
			name: 's',
			status: 'passed',
			lines: []
		});
	});

	it('compares the result as the snapshot stores it (JSON)', () => {
		const withUndefined = { ...ok, extra: undefined } as Snap;
		expect(judge('s', ok, withUndefined, null).status).toBe('passed');
		expect(asStored({ a: undefined, b: 1 })).toEqual({ b: 1 });
	});

	it('fails on differences, a failed check, or a missing snapshot entry', () => {
		const other = { ...ok, status: 201 };
		expect(judge('s', ok, other, null)).toEqual({
			name: 's',
			status: 'failed',
			lines: ['$.status: expected 200, got 201']
		});
		expect(judge('s', ok, ok, new Error('expected 1 to be 2\nmore detail')).lines).toEqual([
			'check: expected 1 to be 2'
		]);
		expect(judge('s', undefined, ok, null).lines).toEqual(['not in the snapshot']);
	});
});

describe('summaryLine and formatOutcome', () => {
	const failed: Outcome = {
		name: 'b',
		status: 'failed',
		lines: ['$.x: expected 1, got 2', '$.y: unexpected 3']
	};
	const outcomes: Outcome[] = [
		{ name: 'a', status: 'passed', lines: [] },
		failed,
		{ name: 'c', status: 'skipped', lines: ['needs a secret'] },
		{ name: 'd', status: 'passed', lines: [] }
	];

	it('counts passed and failed scenarios', () => {
		expect(summaryLine(outcomes)).toBe('remote: 2 passed, 1 failed');
		expect(summaryLine([])).toBe('remote: 0 passed, 0 failed');
	});

	it('prints one line per scenario with differences below', () => {
		expect(outcomes.flatMap((o) => formatOutcome(o))).toEqual([
			'ok   a',
			'FAIL b',
			'       $.x: expected 1, got 2',
			'       $.y: unexpected 3',
			'skip c (needs a secret)',
			'ok   d'
		]);
		expect(formatOutcome(failed, 1)).toEqual([
			'FAIL b',
			'       $.x: expected 1, got 2',
			'       … 1 more'
		]);
	});
});

describe('readRemoteConfig', () => {
	const full = {
		SUPABASE_TEST_URL: 'http://127.0.0.1:54321/',
		SUPABASE_TEST_ANON_KEY: 'anon',
		SUPABASE_TEST_SERVICE_ROLE_KEY: 'service'
	};

	it('is unset without any of the three variables, even when blank', () => {
		expect(readRemoteConfig({})).toEqual({ kind: 'unset' });
		expect(readRemoteConfig({ SUPABASE_TEST_URL: ' ', SUPABASE_TEST_JWT_SECRET: 's' })).toEqual({
			kind: 'unset'
		});
	});

	it('names what is missing when only some are set', () => {
		expect(readRemoteConfig({ SUPABASE_TEST_URL: full.SUPABASE_TEST_URL })).toEqual({
			kind: 'incomplete',
			missing: ['SUPABASE_TEST_ANON_KEY', 'SUPABASE_TEST_SERVICE_ROLE_KEY']
		});
	});

	it('reads the project, trimming the URL, with an optional JWT secret', () => {
		expect(readRemoteConfig(full)).toEqual({
			kind: 'ready',
			config: {
				url: 'http://127.0.0.1:54321',
				anonKey: 'anon',
				serviceRoleKey: 'service',
				jwtSecret: null
			}
		});
		const withSecret = readRemoteConfig({ ...full, SUPABASE_TEST_JWT_SECRET: 'secret' });
		expect(withSecret.kind === 'ready' && withSecret.config.jwtSecret).toBe('secret');
	});
});

describe('the snapshot', () => {
	it('holds one entry per scenario, in order', () => {
		const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Snap>;
		expect(Object.keys(snapshot)).toEqual(scenarios.map((s) => s.name));
	});
});
