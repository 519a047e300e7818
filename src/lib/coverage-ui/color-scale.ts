/**
 * Five classes of the cividis palette (Nuñez, Anderton & Renslow 2018), light to dark: readable
 * with every common colour-vision deficiency and in greyscale. Low values are light, high
 * values dark.
 */
export const SEQUENTIAL_5 = ['#fde737', '#bcaf6f', '#7c7b78', '#414d6b', '#00204d'] as const;

/** "No resources": white, outlined, set apart from the lightest class. */
export const ZERO_COLOUR = '#ffffff';
/** Quartiers without residents (parks, cemeteries, industry): neutral grey. */
export const NOT_RESIDENTIAL_COLOUR = '#b9bec3';
/** A quartier whose value is unknown. */
export const NO_VALUE_COLOUR = '#e3e6e8';

/** Upper bounds of a class: a value `v` is in class `i` when `breaks[i-1] < v <= breaks[i]`. */
export interface ColourScale {
	/** `classes - 1` inner break points, ascending. */
	breaks: number[];
	/** Lowest and highest classified value. */
	min: number;
	max: number;
	/** Class index of a value (0 = lightest), or null when the value is null or not finite. */
	classOf(value: number | null): number | null;
}

/** Value at quantile `q` (0–1) of sorted values, with linear interpolation (type 7). */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	const a = sorted[lower] as number;
	const b = sorted[upper] as number;
	return a + (b - a) * (position - lower);
}

/**
 * Quantile classes: the inner break points split the values into `classes` groups of about equal
 * size. Repeated break points (many equal values) are kept, so fewer classes may be used.
 *
 * @example quantileScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).classOf(10) // 4
 */
export function quantileScale(values: readonly (number | null)[], classes = 5): ColourScale {
	const sorted = values
		.filter((v): v is number => v !== null && Number.isFinite(v))
		.sort((a, b) => a - b);
	const breaks: number[] = [];
	for (let i = 1; i < classes; i++) breaks.push(quantile(sorted, i / classes));
	return {
		breaks,
		min: sorted[0] ?? Number.NaN,
		max: sorted.at(-1) ?? Number.NaN,
		classOf(value) {
			if (value === null || !Number.isFinite(value)) return null;
			const index = breaks.findIndex((b) => value <= b);
			return index === -1 ? classes - 1 : index;
		}
	};
}
