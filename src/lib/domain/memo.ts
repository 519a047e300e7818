// Answers of a pure function kept by a key made of its arguments. The finder formats the same
// dates, language lists and schedules for every card of every page; Intl formatting and parsing
// cost microseconds each, and a page has hundreds. The keys come from stored entries, which a
// server reads without end, so past `limit` keys everything is forgotten at once: simpler than
// an LRU, and refilling costs one page's worth of work.

/**
 * `compute` with its answers kept by `key(...args)`, at most `limit` of them.
 *
 * @example const slow = memo((n: number) => String(n), (n: number) => n * 2); slow(2) // 4, computed once
 */
export function memo<Args extends unknown[], Result>(
	key: (...args: Args) => string,
	compute: (...args: Args) => Result,
	limit = 5_000
): (...args: Args) => Result {
	const kept = new Map<string, Result>();
	return (...args) => {
		const k = key(...args);
		if (kept.has(k)) return kept.get(k) as Result;
		const result = compute(...args);
		if (kept.size >= limit) kept.clear();
		kept.set(k, result);
		return result;
	};
}
