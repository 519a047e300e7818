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

/** Classes of values: a value `v` is in class `i` when `breaks[i-1] < v <= breaks[i]`. */
export interface ColourScale {
	/** Inner break points, ascending and distinct; `breaks.length + 1` classes. */
	breaks: number[];
	/** Number of classes (1 to the number asked for; fewer when many values are equal). */
	classCount: number;
	/** Lowest and highest classified value. */
	min: number;
	max: number;
	/** Class index of a value (0 = lightest), or null when the value is null or not finite. */
	classOf(value: number | null): number | null;
	/** Colour of a class, spread over the palette when there are fewer classes than colours. */
	colourOf(classIndex: number): string;
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
 * Quantile classes: the break points split the values into `classes` groups of about equal
 * size. When many values are equal (small counts), equal break points are merged and breaks at
 * the maximum dropped, so every class holds values and no two classes show the same range.
 *
 * @example quantileScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).classOf(10) // 4
 */
export function quantileScale(values: readonly (number | null)[], classes = 5): ColourScale {
	const sorted = values
		.filter((v): v is number => v !== null && Number.isFinite(v))
		.sort((a, b) => a - b);
	const max = sorted.at(-1) ?? Number.NaN;
	const breaks: number[] = [];
	for (let i = 1; i < classes; i++) {
		const b = quantile(sorted, i / classes);
		if (b < max && b !== breaks.at(-1)) breaks.push(b);
	}
	const classCount = breaks.length + 1;
	return {
		breaks,
		classCount,
		min: sorted[0] ?? Number.NaN,
		max,
		classOf(value) {
			if (value === null || !Number.isFinite(value)) return null;
			const index = breaks.findIndex((b) => value <= b);
			return index === -1 ? classCount - 1 : index;
		},
		colourOf(classIndex) {
			const last = SEQUENTIAL_5.length - 1;
			const position = classCount === 1 ? last : Math.round((classIndex * last) / (classCount - 1));
			return SEQUENTIAL_5[position] as string;
		}
	};
}
