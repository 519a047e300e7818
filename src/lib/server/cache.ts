// One way to keep a value read once per server process: the promise is shared by every caller
// that comes while it loads, and forgotten when the load fails (or gives a value not worth
// keeping, such as an empty table before the seed), so the next call tries again.

/** A load shared by all callers until cleared. */
export interface CachedLoad<A extends unknown[], T> {
	/** The value, loading it with these arguments if nothing is kept. */
	get(...args: A): Promise<T>;
	/** Forgets the kept value (after a reseed, or between test databases). */
	clear(): void;
}

/**
 * Memoises `load`'s promise for the life of the process; a rejected load, or a value for which
 * `keep` returns false, is not kept.
 *
 * @example const quartiers = cachedLoad((db: Db) => readQuartiers(db), { keep: (q) => q.length > 0 });
 */
export function cachedLoad<A extends unknown[], T>(
	load: (...args: A) => Promise<T>,
	{ keep = () => true }: { keep?: (value: T) => boolean } = {}
): CachedLoad<A, T> {
	let kept: Promise<T> | null = null;
	const forget = (loading: Promise<T>) => {
		if (kept === loading) kept = null;
	};
	return {
		get(...args) {
			if (!kept) {
				const loading = load(...args);
				kept = loading;
				loading.then(
					(value) => {
						if (!keep(value)) forget(loading);
					},
					() => forget(loading)
				);
			}
			return kept;
		},
		clear() {
			kept = null;
		}
	};
}
