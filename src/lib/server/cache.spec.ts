import { describe, expect, it } from 'vitest';
import { cachedLoad } from './cache.ts';

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
