import { describe, expect, it } from 'vitest';
import { countTap } from './pgtap.ts';

describe('countTap', () => {
	it('counts numbered results against the plan', () => {
		expect(countTap(['1..3', 'ok 1 - a', 'not ok 2 - b', 'ok 3 - c', 'ok'])).toEqual({
			passed: 2,
			failed: 1,
			planned: 3
		});
	});

	it('treats TODO failures as passes and a short or missing plan as a failure', () => {
		expect(countTap(['1..1', 'not ok 1 - later # TODO not yet'])).toMatchObject({ failed: 0 });
		expect(countTap(['1..3', 'ok 1 - a'])).toMatchObject({ passed: 1, failed: 1 });
		expect(countTap(['ok 1 - a'])).toMatchObject({ passed: 1, failed: 1 });
	});
});
