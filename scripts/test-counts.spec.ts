import { describe, expect, it } from 'vitest';
import {
	countsFromPgtapOutput,
	countsFromPlaywrightJson,
	countsFromVitestJson
} from './test-counts.ts';

describe('test counts', () => {
	it('reads Vitest JSON', () => {
		expect(countsFromVitestJson('{"numPassedTests":12,"numFailedTests":1}')).toEqual({
			passed: 12,
			failed: 1
		});
		expect(countsFromVitestJson(null)).toBeNull();
		expect(countsFromVitestJson('not json')).toBeNull();
	});

	it('reads Playwright JSON, counting global errors as failures', () => {
		expect(
			countsFromPlaywrightJson('{"stats":{"expected":5,"unexpected":2,"flaky":1},"errors":[{}]}')
		).toEqual({ passed: 6, failed: 3 });
		expect(countsFromPlaywrightJson('{}')).toBeNull();
	});

	it('sums every pgTAP summary line, per executor', () => {
		const output =
			'ok 1\npgtap (pglite): 40 passed, 0 failed\nnoise\npgtap (postgresql): 39 passed, 1 failed\n';
		expect(countsFromPgtapOutput(output)).toEqual({ passed: 79, failed: 1 });
		expect(countsFromPgtapOutput('nothing here')).toBeNull();
	});
});
