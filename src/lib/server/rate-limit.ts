// In-memory fixed-window rate limits for sign-in, registration and error reports, per IP address
// and per account. One process only: behind several app servers each keeps its own counts, which
// still caps abuse per server. The number of keys is capped: a caller who sprays addresses or
// e-mail addresses evicts the oldest windows instead of growing the process without end.

type Window = { count: number; resetAt: number };

export type RateLimitRule = { limit: number; windowMs: number };

/** The limits used by the app, per key and window. */
export const RULES = {
	// Per address and per e-mail address; for passwords only failures count.
	sign_in: { limit: 20, windowMs: 15 * 60_000 },
	register: { limit: 20, windowMs: 60 * 60_000 },
	error_report: { limit: 10, windowMs: 60 * 60_000 }
} satisfies Record<string, RateLimitRule>;

export type RateLimitAction = keyof typeof RULES;

/** Keys kept by default: about 100 bytes each, so a few megabytes at most. */
export const DEFAULT_MAX_KEYS = 50_000;

export class RateLimiter {
	// A Map iterates in insertion order; a window is re-inserted when it starts, so the first
	// entries are the oldest windows.
	readonly #windows = new Map<string, Window>();
	readonly #now: () => number;
	readonly #maxKeys: number;

	constructor(now: () => number = Date.now, maxKeys = DEFAULT_MAX_KEYS) {
		this.#now = now;
		this.#maxKeys = maxKeys;
	}

	/** How many keys are held (for tests and monitoring). */
	get size(): number {
		return this.#windows.size;
	}

	/**
	 * Counts one attempt for `key` and says whether it is within `rule`. Never holds more than
	 * `maxKeys` keys: when full, the oldest windows go first.
	 *
	 * @example limiter.hit('sign_in:ip:127.0.0.1', { limit: 10, windowMs: 900_000 }) // true
	 */
	hit(key: string, rule: RateLimitRule): boolean {
		const now = this.#now();
		const window = this.#windows.get(key);
		if (!window || window.resetAt <= now) {
			this.#windows.delete(key);
			if (this.#windows.size >= this.#maxKeys) this.#evict(now);
			this.#windows.set(key, { count: 1, resetAt: now + rule.windowMs });
			return true;
		}
		window.count += 1;
		return window.count <= rule.limit;
	}

	/** True when `key` has used up `rule` in the current window; counts nothing. */
	exhausted(key: string, rule: RateLimitRule): boolean {
		const window = this.#windows.get(key);
		return !!window && window.resetAt > this.#now() && window.count >= rule.limit;
	}

	#evict(now: number): void {
		// From the oldest: drop windows until there is room, then any expired ones that follow.
		// Only the front of the map is visited, so a full map costs little per new key.
		for (const [key, window] of this.#windows) {
			if (this.#windows.size < this.#maxKeys && window.resetAt > now) break;
			this.#windows.delete(key);
		}
	}
}

const shared = new RateLimiter();

/**
 * True when another `action` is allowed for this IP address and (when signed in) this account;
 * counts the attempt either way. Both keys must be within the limit.
 *
 * @example if (!allowAttempt('error_report', { ip: event.getClientAddress() })) return fail(429, …)
 */
export function allowAttempt(
	action: RateLimitAction,
	who: { ip: string; userId?: string | null },
	limiter: RateLimiter = shared
): boolean {
	const rule = RULES[action];
	const byIp = limiter.hit(`${action}:ip:${who.ip}`, rule);
	const byUser = who.userId ? limiter.hit(`${action}:user:${who.userId}`, rule) : true;
	return byIp && byUser;
}

/**
 * For actions where only failures should count (a wrong password): true when `action` is
 * already exhausted for this IP address or account. Record failures with {@link recordFailure}.
 */
export function isBlocked(
	action: RateLimitAction,
	who: { ip: string; userId?: string | null },
	limiter: RateLimiter = shared
): boolean {
	const rule = RULES[action];
	return (
		limiter.exhausted(`${action}:ip:${who.ip}`, rule) ||
		(!!who.userId && limiter.exhausted(`${action}:user:${who.userId}`, rule))
	);
}

/** Counts one failed attempt of `action` for this IP address and account. */
export function recordFailure(
	action: RateLimitAction,
	who: { ip: string; userId?: string | null },
	limiter: RateLimiter = shared
): void {
	allowAttempt(action, who, limiter);
}
