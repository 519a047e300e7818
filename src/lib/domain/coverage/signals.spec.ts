import { describe, expect, it } from 'vitest';
import { aggregateNeedSignals } from './signals.ts';
import type { NeedSignalCountInput } from './types.ts';

function signal(
	mdrc: number,
	support_kind: string,
	outcome: 'found' | 'not_found',
	count: number
): NeedSignalCountInput {
	return { mdrc, support_kind, outcome, count };
}

describe('aggregateNeedSignals', () => {
	it('withholds counts below 5 and shows counts of 5 or more', () => {
		const result = aggregateNeedSignals({
			signals: [signal(1, 'meals_food', 'found', 5), signal(1, 'meals_food', 'not_found', 4)]
		});
		expect(result.get(1)).toEqual([
			{
				supportKind: 'meals_food',
				found: { suppressed: false, count: 5 },
				notFound: { suppressed: true },
				// 5 + 4 = 9 would reveal the hidden 4.
				total: { suppressed: true }
			}
		]);
	});

	it('sums rows of the same quartier, support kind and outcome before withholding', () => {
		const result = aggregateNeedSignals({
			signals: [
				signal(2, 'home_visits', 'not_found', 3),
				signal(2, 'home_visits', 'not_found', 3),
				signal(2, 'home_visits', 'found', 2),
				signal(2, 'home_visits', 'found', 4)
			]
		});
		expect(result.get(2)?.[0]).toEqual({
			supportKind: 'home_visits',
			found: { suppressed: false, count: 6 },
			notFound: { suppressed: false, count: 6 },
			total: { suppressed: false, count: 12 }
		});
	});

	it('never turns a withheld count into zero, including a zero beside a non-zero count', () => {
		const result = aggregateNeedSignals({ signals: [signal(3, 'transport', 'not_found', 1)] });
		const cell = result.get(3)?.[0];
		expect(cell?.found).toEqual({ suppressed: true });
		expect(cell?.notFound).toEqual({ suppressed: true });
		expect(JSON.stringify(result.get(3))).not.toContain('"count":0');
	});

	it('follows the minimum count and the support-kind filter', () => {
		const signals = [
			signal(1, 'meals_food', 'found', 3),
			signal(1, 'transport', 'found', 3),
			signal(4, 'transport', 'not_found', 0)
		];
		const lowered = aggregateNeedSignals({ signals, minCount: 3, supportKind: 'transport' });
		expect([...lowered.keys()]).toEqual([1]);
		expect(lowered.get(1)).toEqual([
			{
				supportKind: 'transport',
				found: { suppressed: false, count: 3 },
				notFound: { suppressed: true },
				total: { suppressed: true }
			}
		]);
		expect(() => aggregateNeedSignals({ signals, minCount: 0 })).toThrow(RangeError);
	});
});
