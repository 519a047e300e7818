import { describe, expect, it } from 'vitest';
import { barScale } from './bars.ts';

describe('barScale', () => {
	it('scales to the largest value or reference', () => {
		const scale = barScale([{ value: 5 }, { value: 2, reference: 10 }]);
		expect(scale(5)).toBe(50);
		expect(scale(10)).toBe(100);
	});

	it('uses a given maximum and caps above it', () => {
		const scale = barScale([{ value: 50 }], 100);
		expect(scale(50)).toBe(50);
		expect(scale(150)).toBe(100);
	});

	it('draws nothing for null, negative or missing values', () => {
		const scale = barScale([{ value: null }]);
		expect(scale(null)).toBe(0);
		expect(scale(-3)).toBe(0);
		expect(scale(0)).toBe(0);
	});
});
