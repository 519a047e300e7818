// Reads pass/fail counts from the test runners' own reports, for the closing summary line.

export type Counts = { passed: number; failed: number };

/** Vitest's JSON reporter output (numPassedTests / numFailedTests), or null if absent. */
export function countsFromVitestJson(json: string | null): Counts | null {
	if (!json) return null;
	try {
		const report = JSON.parse(json) as { numPassedTests?: number; numFailedTests?: number };
		if (typeof report.numPassedTests !== 'number') return null;
		return { passed: report.numPassedTests, failed: report.numFailedTests ?? 0 };
	} catch {
		return null;
	}
}

/** Playwright's JSON reporter stats: expected and flaky pass, unexpected fails. */
export function countsFromPlaywrightJson(json: string | null): Counts | null {
	if (!json) return null;
	try {
		const report = JSON.parse(json) as {
			stats?: { expected?: number; unexpected?: number; flaky?: number };
			errors?: unknown[];
		};
		if (!report.stats) return null;
		const errors = report.errors?.length ?? 0;
		return {
			passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0),
			failed: (report.stats.unexpected ?? 0) + errors
		};
	} catch {
		return null;
	}
}

/** Sums every `pgtap: N passed, N failed` line the database test command prints. */
export function countsFromPgtapOutput(output: string): Counts | null {
	const lines = [...output.matchAll(/^pgtap(?:\s*\([^)]*\))?: (\d+) passed, (\d+) failed/gm)];
	if (!lines.length) return null;
	return lines.reduce(
		(sum, m) => ({ passed: sum.passed + Number(m[1]), failed: sum.failed + Number(m[2]) }),
		{ passed: 0, failed: 0 }
	);
}
