import { describe, expect, it } from 'vitest';
import { brusselsToday, brusselsWallClock } from './brussels-time.ts';

describe('brusselsToday', () => {
	it('is already tomorrow in Brussels late in the UTC evening, an hour in winter', () => {
		expect(brusselsToday(new Date('2026-12-06T22:59:00Z'))).toBe('2026-12-06');
		expect(brusselsToday(new Date('2026-12-06T23:00:00Z'))).toBe('2026-12-07');
		expect(brusselsToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});

	it('two hours in summer', () => {
		expect(brusselsToday(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
		expect(brusselsToday(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
	});

	it('pads months and days', () => {
		expect(brusselsToday(new Date('2027-03-04T12:00:00Z'))).toBe('2027-03-04');
	});
});

describe('brusselsWallClock', () => {
	it('reads the clocks after the spring change', () => {
		expect(brusselsWallClock(new Date('2026-03-29T01:30:00Z'))).toEqual({
			year: 2026,
			month: 3,
			day: 29,
			minutes: 210
		});
	});
});
