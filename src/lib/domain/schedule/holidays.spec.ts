import { describe, expect, it } from 'vitest';
import { belgianPublicHolidays, easterSunday, isBelgianPublicHoliday } from './holidays.ts';

describe('Belgian public holidays', () => {
	it('computes Easter Sunday', () => {
		expect(easterSunday(2024)).toEqual({ year: 2024, month: 3, day: 31 });
		expect(easterSunday(2025)).toEqual({ year: 2025, month: 4, day: 20 });
		expect(easterSunday(2026)).toEqual({ year: 2026, month: 4, day: 5 });
		expect(easterSunday(2027)).toEqual({ year: 2027, month: 3, day: 28 });
		expect(easterSunday(2038)).toEqual({ year: 2038, month: 4, day: 25 });
	});

	it('lists the ten legal holidays of 2026', () => {
		expect([...belgianPublicHolidays(2026)].sort()).toEqual([
			'2026-01-01',
			'2026-04-06',
			'2026-05-01',
			'2026-05-14',
			'2026-05-25',
			'2026-07-21',
			'2026-08-15',
			'2026-11-01',
			'2026-11-11',
			'2026-12-25'
		]);
	});

	it('does not count regional days', () => {
		expect(isBelgianPublicHoliday({ year: 2026, month: 5, day: 8 })).toBe(false);
		expect(isBelgianPublicHoliday({ year: 2026, month: 9, day: 27 })).toBe(false);
		expect(isBelgianPublicHoliday({ year: 2027, month: 3, day: 29 })).toBe(true); // Easter Monday
	});
});
