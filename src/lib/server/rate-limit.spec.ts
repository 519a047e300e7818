import { describe, expect, it } from 'vitest';
import { allowAttempt, isBlocked, RateLimiter, recordFailure, RULES } from './rate-limit.ts';

describe('rate limits', () => {
	it('allows up to the limit per window, then refuses until the window ends', () => {
		let now = 0;
		const limiter = new RateLimiter(() => now);
		const rule = { limit: 2, windowMs: 1000 };
		expect([limiter.hit('k', rule), limiter.hit('k', rule), limiter.hit('k', rule)]).toEqual([
			true,
			true,
			false
		]);
		expect(limiter.hit('other', rule)).toBe(true);
		now = 1000;
		expect(limiter.hit('k', rule)).toBe(true);
	});

	it('limits per account even when the address changes', () => {
		const limiter = new RateLimiter(() => 0);
		const results = Array.from({ length: RULES.sign_in.limit + 1 }, (_, i) =>
			allowAttempt('sign_in', { ip: `10.0.0.${i}`, userId: 'u1' }, limiter)
		);
		expect(results.at(-1)).toBe(false);
		expect(results.slice(0, -1).every(Boolean)).toBe(true);
	});

	it('blocks after the allowed number of failures only', () => {
		const limiter = new RateLimiter(() => 0);
		const who = { ip: '10.0.0.1', userId: 'a@example.test' };
		expect(isBlocked('sign_in', who, limiter)).toBe(false);
		for (let i = 0; i < RULES.sign_in.limit; i++) recordFailure('sign_in', who, limiter);
		expect(isBlocked('sign_in', who, limiter)).toBe(true);
		expect(isBlocked('sign_in', { ip: '10.0.0.2', userId: 'b@example.test' }, limiter)).toBe(false);
	});
});
