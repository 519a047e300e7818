import { describe, expect, it } from 'vitest';
import { errorReportSchema, isLikelyBot, REPORT_MESSAGE_MAX } from './report.ts';

describe('errorReportSchema', () => {
	it('accepts a kind with an optional, trimmed message', () => {
		expect(errorReportSchema.parse({ kind: 'closed', message: '  Fermé depuis mars. ' })).toEqual({
			kind: 'closed',
			message: 'Fermé depuis mars.',
			website: ''
		});
		expect(errorReportSchema.parse({ kind: 'other', message: '   ' }).message).toBeNull();
		expect(errorReportSchema.parse({ kind: 'other' }).message).toBeNull();
	});

	it('rejects an unknown kind and an over-long message, naming the field', () => {
		const result = errorReportSchema.safeParse({
			kind: 'spam',
			message: 'x'.repeat(REPORT_MESSAGE_MAX + 1)
		});
		expect(result.success).toBe(false);
		const fields = result.error?.issues.map((issue) => issue.path[0]).sort();
		expect(fields).toEqual(['kind', 'message']);
	});

	it('accepts exactly the maximum length', () => {
		const message = 'é'.repeat(REPORT_MESSAGE_MAX);
		expect(errorReportSchema.parse({ kind: 'other', message }).message).toBe(message);
	});

	it('flags a filled honeypot', () => {
		expect(isLikelyBot(errorReportSchema.parse({ kind: 'other', website: 'http://x' }))).toBe(true);
		expect(isLikelyBot(errorReportSchema.parse({ kind: 'other', website: '' }))).toBe(false);
	});
});
