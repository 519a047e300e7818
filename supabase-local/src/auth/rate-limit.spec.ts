import { describe, expect, it } from 'vitest';
import { AuthHttpError } from './errors.ts';
import { FailedAttempts } from './rate-limit.ts';

function refusal(fn: () => void): AuthHttpError | null {
	try {
		fn();
		return null;
	} catch (error) {
		if (error instanceof AuthHttpError) return error;
		throw error;
	}
}

describe('FailedAttempts', () => {
	it('refuses a key with 429 once it has failed `limit` times within the window', () => {
		const failures = new FailedAttempts({ limit: 2, windowSeconds: 60 });
		const t = 1_000_000;
		failures.check('password:a', t);
		failures.fail('password:a', t);
		failures.check('password:a', t + 1);
		failures.fail('password:a', t + 2);
		expect(refusal(() => failures.check('password:a', t + 3))).toMatchObject({
			status: 429,
			errorCode: 'over_request_rate_limit'
		});
		// Other keys keep their own count.
		expect(refusal(() => failures.check('password:b', t + 3))).toBeNull();
		expect(refusal(() => failures.check('verify:a', t + 3))).toBeNull();
	});

	it('forgets failures once they leave the window', () => {
		const failures = new FailedAttempts({ limit: 1, windowSeconds: 60 });
		failures.fail('k', 0);
		expect(refusal(() => failures.check('k', 59_000))).not.toBeNull();
		expect(refusal(() => failures.check('k', 60_001))).toBeNull();
	});
});
