// Two ways to keep what was read. `cachedLoad`: a value read once per server process (reference
// data); the promise is shared by every caller that comes while it loads, and forgotten when the
// load fails (or gives a value not worth keeping, such as an empty table before the seed), so the
// next call tries again. `versionedCache`: answers that hold only at the data version they were
// computed at (the finder's searches).

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

/** Answers kept by key, each valid only at the data version it was computed at. */
export interface VersionedCache<T> {
	/**
	 * The answer for `key` at `version`: a kept one, or `compute()`'s (kept, and shared with
	 * callers that ask for the same while it runs). A null version keeps nothing.
	 */
	get(version: string | null, key: string, compute: () => Promise<T>): Promise<T>;
	/** How many answers are kept. */
	readonly size: number;
}

/**
 * A cache for answers that the database can tell are still current: the caller reads the data's
 * version first (cheap) and passes it with the key, so an answer from before any write is never
 * served again. At most `capacity` answers are kept, the least recently used go first; answers of
 * earlier versions are never asked for again and age out the same way. A failed compute is not kept.
 *
 * @example const answers = versionedCache<Page>({ capacity: 100 }); await answers.get(v, JSON.stringify(params), () => search(params))
 */
export function versionedCache<T>({ capacity }: { capacity: number }): VersionedCache<T> {
	const kept = new Map<string, Promise<T>>();
	return {
		get(version, key, compute) {
			if (version === null) return compute();
			const id = `${version}\n${key}`;
			const found = kept.get(id);
			if (found) {
				// Map order is insertion order: moving the answer to the end marks it recently used.
				kept.delete(id);
				kept.set(id, found);
				return found;
			}
			const computing = compute();
			kept.set(id, computing);
			computing.catch(() => {
				if (kept.get(id) === computing) kept.delete(id);
			});
			while (kept.size > capacity) kept.delete(kept.keys().next().value as string);
			return computing;
		},
		get size() {
			return kept.size;
		}
	};
}
