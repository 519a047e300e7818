/**
 * A linear scale from values to bar lengths in 0–100 (the bar chart's viewBox units): 0 at 0,
 * 100 at `max` (default: the largest value or reference, at least 1e-9). Negative and null
 * values give 0; values above `max` are capped at 100.
 *
 * @example barScale([{ value: 5 }, { value: 10 }])(5) // 50
 */
export function barScale(
	bars: readonly { value: number | null; reference?: number | null }[],
	max?: number
): (value: number | null) => number {
	const top =
		max ??
		Math.max(
			1e-9,
			...bars.flatMap((b) => [b.value ?? 0, b.reference ?? 0]).filter((v) => Number.isFinite(v))
		);
	return (value) => {
		if (value === null || !Number.isFinite(value) || value <= 0 || !(top > 0)) return 0;
		return Math.min(100, (value / top) * 100);
	};
}
