// In-memory fixed-window rate limits for sign-in, registration and error reports, per IP address
// and per account. The counts are the server's: when `node build/index.js` runs several worker
// processes, the primary process holds them and the workers ask it (`limits` below), so a
// visitor whose connections land on different workers still gets the limit once. Behind several
// app servers each keeps its own counts, which still caps abuse per server. The number of keys
// is capped: a caller who sprays addresses or e-mail addresses evicts the oldest windows instead
// of growing the process without end.
import { z } from 'zod';
import { log } from './log.ts';
import { askPrimary, isWorker } from './workers/ipc.ts';

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

export type Who = { ip: string; userId?: string | null };

/**
 * True when another `action` is allowed for this IP address and (when signed in) this account;
 * counts the attempt either way. Both keys must be within the limit.
 *
 * @example allowAttempt('error_report', { ip: '10.0.0.1' }, limiter) // true
 */
export function allowAttempt(action: RateLimitAction, who: Who, limiter: RateLimiter): boolean {
	const rule = RULES[action];
	const byIp = limiter.hit(`${action}:ip:${who.ip}`, rule);
	const byUser = who.userId ? limiter.hit(`${action}:user:${who.userId}`, rule) : true;
	return byIp && byUser;
}

/**
 * For actions where only failures should count (a wrong password): true when `action` is
 * already exhausted for this IP address or account. Record failures with {@link recordFailure}.
 */
export function isBlocked(action: RateLimitAction, who: Who, limiter: RateLimiter): boolean {
	const rule = RULES[action];
	return (
		limiter.exhausted(`${action}:ip:${who.ip}`, rule) ||
		(!!who.userId && limiter.exhausted(`${action}:user:${who.userId}`, rule))
	);
}

/** Counts one failed attempt of `action` for this IP address and account. */
export function recordFailure(action: RateLimitAction, who: Who, limiter: RateLimiter): void {
	allowAttempt(action, who, limiter);
}

/** What a worker asks the primary, checked there like any input from outside. */
export const limitQuestionSchema = z.object({
	op: z.enum(['allow', 'blocked', 'fail']),
	action: z.enum(Object.keys(RULES) as [RateLimitAction, ...RateLimitAction[]]),
	who: z.object({ ip: z.string().max(100), userId: z.string().max(320).nullish() })
});

export type LimitQuestion = z.infer<typeof limitQuestionSchema>;

/** The answer to `question` from `limiter`: allowed / blocked; a recorded failure answers false. */
export function answerLimit(question: LimitQuestion, limiter: RateLimiter): boolean {
	const { op, action, who } = question;
	if (op === 'allow') return allowAttempt(action, who, limiter);
	if (op === 'blocked') return isBlocked(action, who, limiter);
	recordFailure(action, who, limiter);
	return false;
}

/** The question kind on the channel between the workers and the primary. */
export const LIMIT_QUESTION = 'rate-limit';

const own = new RateLimiter();
let warned = false;

async function ask(question: LimitQuestion): Promise<boolean> {
	if (!isWorker()) return answerLimit(question, own);
	try {
		return z.boolean().parse(await askPrimary(LIMIT_QUESTION, question));
	} catch (error) {
		// A primary that does not answer (stopping, overloaded) must not lock visitors out or let
		// them through unlimited: this worker counts on its own until it answers again.
		if (!warned) log.warn({ err: error }, 'rate limits counted per worker: no answer from primary');
		warned = true;
		return answerLimit(question, own);
	}
}

/** The server's rate limits, as the routes use them (see the top of this file). */
export const limits = {
	allowAttempt: (action: RateLimitAction, who: Who) => ask({ op: 'allow', action, who }),
	isBlocked: (action: RateLimitAction, who: Who) => ask({ op: 'blocked', action, who }),
	recordFailure: async (action: RateLimitAction, who: Who): Promise<void> => {
		await ask({ op: 'fail', action, who });
	}
};
