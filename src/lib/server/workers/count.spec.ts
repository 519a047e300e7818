import { describe, expect, it } from 'vitest';
import { MAX_AUTO_WORKERS, workerCount } from './count.ts';

describe('workerCount', () => {
	it('runs one process per core by default, up to the cap', () => {
		expect(workerCount(undefined, 2)).toBe(2);
		expect(workerCount('', 2)).toBe(2);
		expect(workerCount('auto', 1)).toBe(1);
		expect(workerCount('auto', 32)).toBe(MAX_AUTO_WORKERS);
		// A container may report no usable core at all.
		expect(workerCount('auto', 0)).toBe(1);
	});

	it('takes a number as given, whatever the cores', () => {
		expect(workerCount('1', 8)).toBe(1);
		expect(workerCount('6', 2)).toBe(6);
	});

	it('refuses anything else with a message naming the variable', () => {
		for (const wrong of ['0', '65', '-1', '2.5', 'two', ' 2', 'AUTO', '100']) {
			expect(() => workerCount(wrong, 2), wrong).toThrow(/^NABIJ_WORKERS must be auto or/);
		}
	});
});
