import { describe, expect, it } from 'vitest';
import { SEQUENTIAL_5, quantile, quantileScale } from './color-scale.ts';

// WCAG relative luminance of a #rrggbb colour.
function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('SEQUENTIAL_5', () => {
	it('goes from light to dark, so it reads in greyscale and without hue', () => {
		const l = SEQUENTIAL_5.map(luminance);
		for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1] as number);
	});
});

describe('quantile', () => {
	it('interpolates between sorted values', () => {
		expect(quantile([0, 10], 0.5)).toBe(5);
		expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
		expect(quantile([], 0.5)).toBeNaN();
	});
});

describe('quantileScale', () => {
	it('puts about a fifth of the values in each class', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		const scale = quantileScale(values);
		const classes = values.map((v) => scale.classOf(v));
		const counts = [0, 1, 2, 3, 4].map((c) => classes.filter((x) => x === c).length);
		expect(counts).toEqual([20, 20, 20, 20, 20]);
		expect(scale.min).toBe(1);
		expect(scale.max).toBe(100);
	});

	it('ignores missing values and classifies none of them', () => {
		const scale = quantileScale([null, 1, 2, Number.NaN, 3]);
		expect(scale.classOf(null)).toBeNull();
		expect(scale.classOf(Number.NaN)).toBeNull();
		expect(scale.classOf(1)).toBe(0);
		expect(scale.classOf(3)).toBe(4);
	});

	it('puts values beyond the extremes in the end classes', () => {
		const scale = quantileScale([1, 2, 3, 4, 5]);
		expect(scale.classOf(-100)).toBe(0);
		expect(scale.classOf(100)).toBe(4);
	});

	it('merges equal break points, so no two classes show the same range', () => {
		const scale = quantileScale([1, 1, 1, 1, 1, 1, 2, 2, 3]);
		expect(scale.breaks).toEqual([1, 2]);
		expect(scale.classCount).toBe(3);
		expect([1, 2, 3].map((v) => scale.classOf(v))).toEqual([0, 1, 2]);
		// Three classes take the lightest, middle and darkest colours.
		expect([0, 1, 2].map((i) => scale.colourOf(i))).toEqual([
			SEQUENTIAL_5[0],
			SEQUENTIAL_5[2],
			SEQUENTIAL_5[4]
		]);
	});

	it('has one class when every value is equal', () => {
		const scale = quantileScale([7, 7, 7, 7]);
		expect(scale.classCount).toBe(1);
		expect(scale.classOf(7)).toBe(0);
		expect(scale.colourOf(0)).toBe(SEQUENTIAL_5[4]);
	});

	it('has no range without values', () => {
		const scale = quantileScale([]);
		expect(scale.min).toBeNaN();
		expect(scale.classCount).toBe(1);
	});
});
