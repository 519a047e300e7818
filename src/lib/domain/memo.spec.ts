import { describe, expect, it } from 'vitest';
import { memo } from './memo.ts';

describe('memo', () => {
	it('computes once per key and gives the kept answer after', () => {
		const calls: string[] = [];
		const greet = memo(
			(name: string, locale: string) => `${locale} ${name}`,
			(name: string, locale: string) => {
				calls.push(name);
				return locale === 'nl' ? `Dag ${name}` : `Bonjour ${name}`;
			}
		);
		expect(greet('Ana', 'nl')).toBe('Dag Ana');
		expect(greet('Ana', 'nl')).toBe('Dag Ana');
		expect(greet('Ana', 'fr')).toBe('Bonjour Ana');
		expect(calls).toEqual(['Ana', 'Ana']);
	});

	it('keeps null and undefined answers too', () => {
		let calls = 0;
		const nothing = memo(
			(n: number) => String(n),
			() => {
				calls++;
				return null;
			}
		);
		nothing(1);
		nothing(1);
		expect(calls).toBe(1);
	});

	it('forgets everything past its limit and stays correct', () => {
		let calls = 0;
		const double = memo(
			(n: number) => String(n),
			(n: number) => {
				calls++;
				return n * 2;
			},
			3
		);
		for (const n of [1, 2, 3]) double(n);
		expect(calls).toBe(3);
		expect(double(4)).toBe(8); // the fourth key clears the three kept
		expect(double(1)).toBe(2);
		expect(calls).toBe(5);
		expect(double(4)).toBe(8);
		expect(calls).toBe(5);
	});
});
