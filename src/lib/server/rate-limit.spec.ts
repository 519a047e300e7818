import { describe, expect, it } from 'vitest';
import {
	allowAttempt,
	answerLimit,
	isBlocked,
	limitQuestionSchema,
	limits,
	RateLimiter,
	recordFailure,
	RULES
} from './rate-limit.ts';

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

	it('keeps at most maxKeys keys, dropping the oldest windows first', () => {
		let now = 0;
		const limiter = new RateLimiter(() => now, 3);
		const rule = { limit: 1, windowMs: 1000 };
		limiter.hit('short', { limit: 1, windowMs: 10 });
		limiter.hit('a', rule);
		limiter.hit('b', rule);
		now = 20;
		// 'short' is the oldest (and expired): it goes, the live windows stay.
		limiter.hit('c', rule);
		expect(limiter.size).toBe(3);
		expect(limiter.hit('a', rule)).toBe(false);
		// Full of live windows: the oldest ('a') is forgotten for the new key.
		limiter.hit('d', rule);
		expect(limiter.size).toBe(3);
		expect(limiter.hit('b', rule)).toBe(false);
		expect(limiter.hit('a', rule)).toBe(true);
		expect(limiter.size).toBe(3);
	});

	it('stays bounded when a caller sprays addresses', () => {
		const limiter = new RateLimiter(() => 0, 1000);
		for (let i = 0; i < 20_000; i++) allowAttempt('error_report', { ip: `10.${i}` }, limiter);
		expect(limiter.size).toBe(1000);
		// The most recent addresses are still counted.
		expect(allowAttempt('error_report', { ip: '10.19999' }, limiter)).toBe(true);
		for (let i = 0; i < RULES.error_report.limit; i++) {
			allowAttempt('error_report', { ip: '10.19999' }, limiter);
		}
		expect(allowAttempt('error_report', { ip: '10.19999' }, limiter)).toBe(false);
	});
});

describe('the server-wide limits', () => {
	it('answers the questions workers ask the primary from one set of counts', () => {
		const limiter = new RateLimiter(() => 0);
		const question = limitQuestionSchema.parse({
			op: 'allow',
			action: 'error_report',
			who: { ip: '10.1.0.1' }
		});
		const answers = Array.from({ length: RULES.error_report.limit + 1 }, () =>
			answerLimit(question, limiter)
		);
		expect(answers.at(-1)).toBe(false);
		expect(answers.slice(0, -1).every(Boolean)).toBe(true);

		const who = { ip: '10.1.0.2', userId: 'c@example.test' };
		expect(answerLimit({ op: 'blocked', action: 'sign_in', who }, limiter)).toBe(false);
		for (let i = 0; i < RULES.sign_in.limit; i++) {
			expect(answerLimit({ op: 'fail', action: 'sign_in', who }, limiter)).toBe(false);
		}
		expect(answerLimit({ op: 'blocked', action: 'sign_in', who }, limiter)).toBe(true);
	});

	it('refuses a question for an action or operation it does not know', () => {
		const who = { ip: '10.1.0.3' };
		expect(limitQuestionSchema.safeParse({ op: 'allow', action: 'delete', who }).success).toBe(
			false
		);
		expect(limitQuestionSchema.safeParse({ op: 'reset', action: 'sign_in', who }).success).toBe(
			false
		);
		expect(
			limitQuestionSchema.safeParse({
				op: 'allow',
				action: 'sign_in',
				who: { ip: 'x'.repeat(101) }
			}).success
		).toBe(false);
	});

	it('counts in this process when it runs alone', async () => {
		const who = { ip: '10.1.0.4' };
		const answers = [];
		for (let i = 0; i <= RULES.error_report.limit; i++) {
			answers.push(await limits.allowAttempt('error_report', who));
		}
		expect(answers.at(-1)).toBe(false);
		expect(answers.slice(0, -1).every(Boolean)).toBe(true);
	});
});
