// GoTrue's per-address rate limits for sign-in attempts and token verifications (Supabase's
// [auth.rate_limit] sign_in_sign_ups and token_verifications, 30 per 5 minutes each), applied
// here to failed attempts only: guessing passwords or 6-digit codes is what they stop, and a
// local run's many successful sign-ins from 127.0.0.1 must not trip them.
import { AuthHttpError } from './errors.ts';

/** How many failures one client address may have within the window. */
export type AttemptLimit = { limit: number; windowSeconds: number };

/** Supabase's default: 30 per 5 minutes. */
export const DEFAULT_ATTEMPT_LIMIT: AttemptLimit = { limit: 30, windowSeconds: 300 };

// The counters live in memory; this caps how many client addresses they remember.
const MAX_KEYS = 10_000;

/** GoTrue's answer once a limit is reached. */
export function overRequestRateLimit(): AuthHttpError {
	return new AuthHttpError(429, 'over_request_rate_limit', 'Request rate limit reached');
}

/** Counts failed attempts per key (e.g. `password:127.0.0.1`) in a sliding window. */
export class FailedAttempts {
	readonly #limit: AttemptLimit;
	readonly #failures = new Map<string, number[]>();

	constructor(limit: AttemptLimit = DEFAULT_ATTEMPT_LIMIT) {
		this.#limit = limit;
	}

	#recent(key: string, now: number): number[] {
		const since = now - this.#limit.windowSeconds * 1000;
		const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length === 0) this.#failures.delete(key);
		else this.#failures.set(key, kept);
		return kept;
	}

	/** Throws 429 over_request_rate_limit when `key` has used up its failures. */
	check(key: string, now: number = Date.now()): void {
		if (this.#recent(key, now).length >= this.#limit.limit) throw overRequestRateLimit();
	}

	/** Records one failure of `key`. */
	fail(key: string, now: number = Date.now()): void {
		const recent = this.#recent(key, now);
		recent.push(now);
		this.#failures.delete(key);
		this.#failures.set(key, recent.slice(-this.#limit.limit));
		// Maps iterate in insertion order: the first key is the one failing least recently.
		if (this.#failures.size > MAX_KEYS) {
			const oldest = this.#failures.keys().next().value;
			if (oldest !== undefined) this.#failures.delete(oldest);
		}
	}
}
