import { describe, expect, it } from 'vitest';
import { cachedLoad, versionedCache } from './cache.ts';

describe('cachedLoad', () => {
	it('loads once for every caller, with the first caller’s arguments', async () => {
		let loads = 0;
		const cache = cachedLoad(async (n: number) => {
			loads += 1;
			return n * 2;
		});
		const [a, b] = await Promise.all([cache.get(1), cache.get(5)]);
		expect([a, b, await cache.get(7), loads]).toEqual([2, 2, 2, 1]);
	});

	it('forgets a failed load, so the next call tries again', async () => {
		let fail = true;
		const cache = cachedLoad(async () => {
			if (fail) throw new Error('down');
			return 'up';
		});
		await expect(cache.get()).rejects.toThrow('down');
		fail = false;
		expect(await cache.get()).toBe('up');
	});

	it('does not keep a value `keep` refuses, and forgets on clear', async () => {
		let rows: string[] = [];
		const cache = cachedLoad(async () => rows, { keep: (r) => r.length > 0 });
		expect(await cache.get()).toEqual([]);
		rows = ['a'];
		expect(await cache.get()).toEqual(['a']);
		rows = ['b'];
		expect(await cache.get()).toEqual(['a']);
		cache.clear();
		expect(await cache.get()).toEqual(['b']);
	});
});

describe('versionedCache', () => {
	function counting() {
		const calls: string[] = [];
		return {
			calls,
			compute: (answer: string) => async () => {
				calls.push(answer);
				return answer;
			}
		};
	}

	it('computes once per key and version, shared by callers that ask meanwhile', async () => {
		const cache = versionedCache<string>({ capacity: 10 });
		const { calls, compute } = counting();
		const answers = await Promise.all([
			cache.get('v1', 'a', compute('a1')),
			cache.get('v1', 'a', compute('a1 again')),
			cache.get('v1', 'b', compute('b1'))
		]);
		expect(answers).toEqual(['a1', 'a1', 'b1']);
		expect(await cache.get('v1', 'a', compute('a1 later'))).toBe('a1');
		expect(calls).toEqual(['a1', 'b1']);
	});

	it('computes again once the version changed, and keeps nothing without a version', async () => {
		const cache = versionedCache<string>({ capacity: 10 });
		const { calls, compute } = counting();
		await cache.get('v1', 'a', compute('a1'));
		expect(await cache.get('v2', 'a', compute('a2'))).toBe('a2');
		expect(await cache.get(null, 'a', compute('no version'))).toBe('no version');
		expect(await cache.get(null, 'a', compute('no version again'))).toBe('no version again');
		expect(calls).toEqual(['a1', 'a2', 'no version', 'no version again']);
	});

	it('keeps at most its capacity, dropping the least recently used', async () => {
		const cache = versionedCache<string>({ capacity: 2 });
		const { calls, compute } = counting();
		await cache.get('v', 'a', compute('a'));
		await cache.get('v', 'b', compute('b'));
		await cache.get('v', 'a', compute('a, not again'));
		await cache.get('v', 'c', compute('c'));
		expect(cache.size).toBe(2);
		await cache.get('v', 'a', compute('a, still kept'));
		await cache.get('v', 'b', compute('b again'));
		expect(calls).toEqual(['a', 'b', 'c', 'b again']);
	});

	it('forgets a failed compute', async () => {
		const cache = versionedCache<string>({ capacity: 2 });
		await expect(
			cache.get('v', 'a', async () => {
				throw new Error('down');
			})
		).rejects.toThrow('down');
		expect(cache.size).toBe(0);
		expect(await cache.get('v', 'a', async () => 'up')).toBe('up');
	});
});
