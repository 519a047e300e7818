import { afterEach, describe, expect, it } from 'vitest';
import { isOpenAt, nextChange, nextOpening, stateAt } from './evaluate.ts';
import { parseOpeningHours } from './parse.ts';
import type { Schedule } from './types.ts';

function parsed(text: string): Schedule {
	const result = parseOpeningHours(text);
	if (!result.ok) throw new Error(`${text}: ${result.error.code}`);
	return result.schedule;
}

const at = (iso: string) => new Date(iso);

describe('isOpenAt and stateAt', () => {
	const office = parsed('Mo-Fr 09:00-12:00,13:30-17:00; Sa 10:00-12:00; PH off');

	it('reads Brussels wall-clock time in winter and in summer', () => {
		// Monday 5 January 2026, CET (UTC+1).
		expect(isOpenAt(office, at('2026-01-05T07:59:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-01-05T08:00:00Z'))).toBe(true);
		expect(isOpenAt(office, at('2026-01-05T11:15:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-01-05T12:30:00Z'))).toBe(true);
		expect(isOpenAt(office, at('2026-01-05T16:00:00Z'))).toBe(false);
		// Thursday 4 June 2026, CEST (UTC+2): 09:00 local is 07:00 UTC.
		expect(isOpenAt(office, at('2026-06-04T07:00:00Z'))).toBe(true);
		expect(isOpenAt(office, at('2026-06-04T06:59:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-06-06T08:30:00Z'))).toBe(true); // Saturday 10:30
		expect(isOpenAt(office, at('2026-06-07T08:30:00Z'))).toBe(false); // Sunday
	});

	it('closes on Belgian public holidays with PH off', () => {
		// Easter Monday, National Day (a Tuesday) and Armistice (a Wednesday) in 2026, at 10:00.
		expect(isOpenAt(office, at('2026-04-06T08:00:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-04-07T08:00:00Z'))).toBe(true);
		expect(isOpenAt(office, at('2026-07-21T08:00:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-07-22T08:00:00Z'))).toBe(true);
		expect(isOpenAt(office, at('2026-11-11T09:00:00Z'))).toBe(false);
		expect(isOpenAt(office, at('2026-11-12T09:00:00Z'))).toBe(true);
		// Without `PH off` the holiday is an ordinary Monday.
		expect(isOpenAt(parsed('Mo-Fr 09:00-17:00'), at('2026-04-06T08:00:00Z'))).toBe(true);
	});

	it('opens on public holidays only with a PH rule', () => {
		const holidaysOnly = parsed('PH 10:00-16:00');
		expect(isOpenAt(holidaysOnly, at('2026-05-14T09:00:00Z'))).toBe(true); // Ascension
		expect(isOpenAt(holidaysOnly, at('2026-05-25T09:00:00Z'))).toBe(true); // Whit Monday
		expect(isOpenAt(holidaysOnly, at('2026-05-26T09:00:00Z'))).toBe(false);
	});

	it('keeps a span running past midnight open into the next day', () => {
		const bar = parsed('Fr 20:00-02:00; Mo off');
		// Friday 8 May 2026, CEST.
		expect(isOpenAt(bar, at('2026-05-08T17:59:00Z'))).toBe(false);
		expect(isOpenAt(bar, at('2026-05-08T18:00:00Z'))).toBe(true);
		expect(isOpenAt(bar, at('2026-05-08T23:30:00Z'))).toBe(true); // Saturday 01:30
		expect(isOpenAt(bar, at('2026-05-09T00:00:00Z'))).toBe(false); // Saturday 02:00
		expect(isOpenAt(parsed('Fr 20:00-26:00'), at('2026-05-08T23:30:00Z'))).toBe(true);
	});

	it('lets a later rule about the next day replace the hours carried past midnight', () => {
		const saturday0130 = at('2026-05-08T23:30:00Z');
		expect(isOpenAt(parsed('Fr 20:00-02:00; Sa off'), saturday0130)).toBe(false);
		expect(isOpenAt(parsed('Fr 20:00-02:00; Sa 10:00-12:00'), saturday0130)).toBe(false);
		expect(isOpenAt(parsed('Fr 20:00-02:00; May 9 off'), saturday0130)).toBe(false);
		// An additional rule adds to Saturday; a rule about Friday leaves Saturday alone.
		expect(isOpenAt(parsed('Fr 20:00-02:00, Sa 10:00-12:00'), saturday0130)).toBe(true);
		expect(isOpenAt(parsed('Fr 20:00-02:00; Fr off'), saturday0130)).toBe(true);
	});

	it('closes on dates, date ranges across months and years, and public holidays', () => {
		const centre = parsed(
			'Mo-Fr 09:00-17:00; Dec 24 off; Jul 15-Aug 15 off; PH off; 2026 Dec 28-2027 Jan 2 off'
		);
		expect(isOpenAt(centre, at('2026-12-23T09:00:00Z'))).toBe(true);
		expect(isOpenAt(centre, at('2026-12-24T09:00:00Z'))).toBe(false);
		expect(isOpenAt(centre, at('2027-12-24T09:00:00Z'))).toBe(false); // every year
		expect(isOpenAt(centre, at('2026-07-14T08:00:00Z'))).toBe(true);
		expect(isOpenAt(centre, at('2026-07-15T08:00:00Z'))).toBe(false);
		expect(isOpenAt(centre, at('2026-08-14T08:00:00Z'))).toBe(false);
		expect(isOpenAt(centre, at('2026-08-17T08:00:00Z'))).toBe(true);
		expect(isOpenAt(centre, at('2026-12-28T09:00:00Z'))).toBe(false);
		expect(isOpenAt(centre, at('2027-01-01T09:00:00Z'))).toBe(false);
		expect(isOpenAt(centre, at('2027-01-04T09:00:00Z'))).toBe(true);
		// The dated closure was for 2026 only.
		expect(isOpenAt(centre, at('2027-12-28T09:00:00Z'))).toBe(true);
		// A yearly range wraps over the new year.
		const winter = parsed('Mo-Su 10:00-12:00; Dec 24-Jan 2 off');
		expect(isOpenAt(winter, at('2026-12-31T09:30:00Z'))).toBe(false);
		expect(isOpenAt(winter, at('2027-01-02T09:30:00Z'))).toBe(false);
		expect(isOpenAt(winter, at('2027-01-03T09:30:00Z'))).toBe(true);
	});

	it('opens on dates and in ISO weeks', () => {
		const market = parsed('Dec 24-26 10:00-12:00');
		expect(isOpenAt(market, at('2026-12-26T10:00:00Z'))).toBe(true);
		expect(isOpenAt(market, at('2026-12-27T10:00:00Z'))).toBe(false);
		const firstHalf = parsed('week 1-26 Mo-Fr 10:00-12:00');
		// 2026: week 1 starts Monday 29 December 2025; week 26 ends Sunday 28 June 2026.
		expect(isOpenAt(firstHalf, at('2025-12-29T09:00:00Z'))).toBe(true);
		expect(isOpenAt(firstHalf, at('2025-12-26T09:00:00Z'))).toBe(false); // week 52
		expect(isOpenAt(firstHalf, at('2026-06-26T08:00:00Z'))).toBe(true);
		expect(isOpenAt(firstHalf, at('2026-06-29T08:00:00Z'))).toBe(false);
		// 2026 has 53 ISO weeks: Thursday 31 December 2026 is in week 53.
		expect(isOpenAt(parsed('week 53 Th 10:00-12:00'), at('2026-12-31T09:00:00Z'))).toBe(true);
	});

	it('carries Saturday night hours into Sunday only, also around the spring change', () => {
		const late = parsed('Sa 10:00-00:15');
		expect(isOpenAt(late, at('2025-03-29T23:10:00Z'))).toBe(true); // Sunday 00:10 CET
		expect(isOpenAt(late, at('2025-03-29T23:15:00Z'))).toBe(false);
		expect(isOpenAt(late, at('2025-03-30T22:10:00Z'))).toBe(false); // Monday 00:10 CEST
	});

	it('opens on the first and the last Sunday of the month', () => {
		const brunch = parsed('Su[1] 10:00-14:00; Su[-1] 15:00-17:00');
		expect(isOpenAt(brunch, at('2026-03-01T10:00:00Z'))).toBe(true); // 1 March
		expect(isOpenAt(brunch, at('2026-03-08T10:00:00Z'))).toBe(false);
		// 29 March 2026 is the last Sunday and the spring change: 15:00 CEST is 13:00 UTC.
		expect(isOpenAt(brunch, at('2026-03-29T13:00:00Z'))).toBe(true);
		expect(isOpenAt(brunch, at('2026-03-29T12:59:00Z'))).toBe(false);
	});

	it('selects the nth and the last weekday of the month', () => {
		const club = parsed('We[1,3] 14:00-16:00');
		// Wednesdays of April 2026: 1, 8, 15, 22, 29.
		expect(isOpenAt(club, at('2026-04-01T12:30:00Z'))).toBe(true);
		expect(isOpenAt(club, at('2026-04-08T12:30:00Z'))).toBe(false);
		expect(isOpenAt(club, at('2026-04-15T12:30:00Z'))).toBe(true);
		expect(isOpenAt(club, at('2026-04-22T12:30:00Z'))).toBe(false);
		const market = parsed('Sa[-1] 10:00-12:00');
		expect(isOpenAt(market, at('2026-04-25T08:30:00Z'))).toBe(true);
		expect(isOpenAt(market, at('2026-04-18T08:30:00Z'))).toBe(false);
		expect(isOpenAt(market, at('2026-05-30T08:30:00Z'))).toBe(true);
	});

	it('applies month ranges across the new year', () => {
		const school = parsed('Sep-Jun Mo 10:00-12:00');
		expect(isOpenAt(school, at('2026-06-29T08:30:00Z'))).toBe(true);
		expect(isOpenAt(school, at('2026-07-06T08:30:00Z'))).toBe(false);
		expect(isOpenAt(school, at('2026-09-07T08:30:00Z'))).toBe(true);
		expect(isOpenAt(school, at('2026-01-05T09:30:00Z'))).toBe(true);
	});

	it('lets later rules override earlier ones day by day', () => {
		const week = parsed('Mo-Sa 10:00-18:00; Sa 10:00-12:00');
		expect(isOpenAt(week, at('2026-05-09T11:00:00Z'))).toBe(false); // Saturday 13:00
		expect(isOpenAt(week, at('2026-05-08T11:00:00Z'))).toBe(true); // Friday 13:00
	});

	it('reads a rule without selectors as the reference does', () => {
		// Tuesday 8 December 2026 at 09:30 and 11:30, and 00:05 (23:05 UTC the evening before).
		const tue0930 = at('2026-12-08T08:30:00Z');
		const tue1130 = at('2026-12-08T10:30:00Z');
		// After a rule with days, it adds its hours: Monday to Friday keep theirs.
		const added = parsed('Mo-Fr 08:00-18:00; 10:00-12:00');
		expect(isOpenAt(added, tue0930)).toBe(true);
		expect(isOpenAt(added, at('2026-12-12T10:30:00Z'))).toBe(true); // Saturday 11:30
		expect(isOpenAt(added, at('2026-12-12T08:30:00Z'))).toBe(false); // Saturday 09:30
		// Right after a rule without selectors, it replaces it …
		const replaced = parsed('24/7; 10:00-12:00');
		expect(isOpenAt(replaced, tue0930)).toBe(false);
		expect(isOpenAt(replaced, tue1130)).toBe(true);
		// … but not when a rule with days stands between them, even one that does not match.
		const kept = parsed('24/7; Mo[1]; 00:00-00:15');
		expect(isOpenAt(kept, tue0930)).toBe(true);
		expect(isOpenAt(kept, at('2026-12-07T23:05:00Z'))).toBe(true);
	});

	it('adds the hours of an additional rule instead of replacing the day', () => {
		// Wednesday 8 April 2026 at 10:30 and 15:00 CEST.
		const added = parsed('Mo-Fr 09:00-12:00, We 14:00-16:00');
		expect(isOpenAt(added, at('2026-04-08T08:30:00Z'))).toBe(true);
		expect(isOpenAt(added, at('2026-04-08T13:00:00Z'))).toBe(true);
		expect(isOpenAt(added, at('2026-04-09T13:00:00Z'))).toBe(false); // Thursday 15:00
		const replaced = parsed('Mo-Fr 09:00-12:00; We 14:00-16:00');
		expect(isOpenAt(replaced, at('2026-04-08T08:30:00Z'))).toBe(false);
		expect(isOpenAt(replaced, at('2026-04-08T13:00:00Z'))).toBe(true);
		// An additional `off` still closes the whole day (Easter Monday).
		expect(isOpenAt(parsed('Mo-Fr 09:00-12:00, PH off'), at('2026-04-06T08:30:00Z'))).toBe(false);
	});

	it('reports unknown for appointment-only rules and open for 24/7', () => {
		expect(stateAt(parsed('"by appointment"'), at('2026-05-08T11:00:00Z'))).toBe('unknown');
		expect(isOpenAt(parsed('"by appointment"'), at('2026-05-08T11:00:00Z'))).toBe(false);
		expect(stateAt(parsed('24/7'), at('2026-05-08T11:00:00Z'))).toBe('open');
		expect(stateAt(parsed('off'), at('2026-05-08T11:00:00Z'))).toBe('closed');
	});

	describe('daylight saving time', () => {
		const night = parsed('Su 02:00-04:00');

		it('spring forward (29 March 2026, 02:00 → 03:00): the slot opens at 03:00 for one hour', () => {
			expect(isOpenAt(night, at('2026-03-29T00:30:00Z'))).toBe(false); // 01:30 CET
			expect(isOpenAt(night, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
			expect(isOpenAt(night, at('2026-03-29T01:59:00Z'))).toBe(true);
			expect(isOpenAt(night, at('2026-03-29T02:00:00Z'))).toBe(false); // 04:00 CEST
			expect(nextOpening(night, at('2026-03-28T12:00:00Z'))).toEqual({
				opensAt: at('2026-03-29T01:00:00Z'),
				closesAt: at('2026-03-29T02:00:00Z')
			});
		});

		it('fall back (25 October 2026, 03:00 → 02:00): the slot runs from the first 02:00 to 04:00', () => {
			expect(isOpenAt(night, at('2026-10-24T23:59:00Z'))).toBe(false); // 01:59 CEST
			expect(isOpenAt(night, at('2026-10-25T00:00:00Z'))).toBe(true); // first 02:00 (CEST)
			expect(isOpenAt(night, at('2026-10-25T01:30:00Z'))).toBe(true); // second 02:30 (CET)
			expect(isOpenAt(night, at('2026-10-25T03:00:00Z'))).toBe(false); // 04:00 CET
			expect(nextOpening(night, at('2026-10-24T12:00:00Z'))).toEqual({
				opensAt: at('2026-10-25T00:00:00Z'),
				closesAt: at('2026-10-25T03:00:00Z')
			});
		});

		it('closes at the jump when the closing time falls in the spring gap', () => {
			// Saturday 28 March 2026 20:00 CET to the non-existent Sunday 02:30: the clocks go from
			// 01:59 CET to 03:00 CEST, so the last moment they show a time before 02:30 is the jump.
			expect(nextOpening(parsed('Sa 20:00-02:30'), at('2026-03-28T12:00:00Z'))).toEqual({
				opensAt: at('2026-03-28T19:00:00Z'),
				closesAt: at('2026-03-29T01:00:00Z')
			});
			// A span inside the gap never opens; one starting in it opens at the jump.
			expect(isOpenAt(parsed('Su 02:15-02:45'), at('2026-03-29T01:00:00Z'))).toBe(false);
			expect(isOpenAt(parsed('Su 02:30-04:00'), at('2026-03-29T00:59:00Z'))).toBe(false);
			expect(isOpenAt(parsed('Su 02:30-04:00'), at('2026-03-29T01:00:00Z'))).toBe(true);
		});

		it('keeps a full-day Sunday rule whole on both change days', () => {
			const sunday = parsed('Su 00:00-24:00');
			expect(nextOpening(sunday, at('2026-03-28T12:00:00Z'))).toEqual({
				opensAt: at('2026-03-28T23:00:00Z'),
				closesAt: at('2026-03-29T22:00:00Z') // a 23-hour day
			});
			expect(nextOpening(sunday, at('2026-10-24T12:00:00Z'))).toEqual({
				opensAt: at('2026-10-24T22:00:00Z'),
				closesAt: at('2026-10-25T23:00:00Z') // a 25-hour day
			});
		});
	});

	describe('independence from the machine time zone', () => {
		const original = process.env.TZ;
		afterEach(() => {
			process.env.TZ = original;
		});

		it('gives the same answer when the process runs in another zone', () => {
			process.env.TZ = 'America/Los_Angeles';
			expect(isOpenAt(parsed('Mo 09:00-10:00'), at('2026-01-05T08:30:00Z'))).toBe(true);
			process.env.TZ = 'Asia/Tokyo';
			expect(isOpenAt(parsed('Mo 09:00-10:00'), at('2026-01-05T08:30:00Z'))).toBe(true);
		});
	});
});

describe('nextOpening and nextChange', () => {
	const office = parsed('Mo-Fr 09:00-17:00; PH off');

	it('skips the weekend and Easter Monday', () => {
		// Saturday 4 April 2026; Monday 6 April is Easter Monday.
		expect(nextOpening(office, at('2026-04-04T10:00:00Z'))).toEqual({
			opensAt: at('2026-04-07T07:00:00Z'),
			closesAt: at('2026-04-07T15:00:00Z')
		});
		expect(nextChange(office, at('2026-04-04T10:00:00Z'))).toEqual(at('2026-04-07T07:00:00Z'));
	});

	it('returns the current period when open, and its closing as the next change', () => {
		expect(nextOpening(office, at('2026-04-07T10:00:00Z'))).toEqual({
			opensAt: at('2026-04-07T07:00:00Z'),
			closesAt: at('2026-04-07T15:00:00Z')
		});
		expect(nextChange(office, at('2026-04-07T10:00:00Z'))).toEqual(at('2026-04-07T15:00:00Z'));
	});

	it('includes a past-midnight span that started the day before', () => {
		expect(nextOpening(parsed('Fr 20:00-02:00'), at('2026-05-08T23:00:00Z'))).toEqual({
			opensAt: at('2026-05-08T18:00:00Z'),
			closesAt: at('2026-05-09T00:00:00Z')
		});
	});

	it('merges touching days into one period, looking back one day only', () => {
		// Wednesday 6 May 2026: the period is seen from Tuesday 00:00, not from Monday.
		expect(nextOpening(parsed('Mo-Fr 00:00-24:00'), at('2026-05-06T10:00:00Z'))).toEqual({
			opensAt: at('2026-05-04T22:00:00Z'), // Tuesday 00:00 CEST
			closesAt: at('2026-05-08T22:00:00Z') // Saturday 00:00 CEST
		});
	});

	it('returns null beyond 14 days, when never open, and no change for 24/7', () => {
		expect(nextOpening(parsed('Jul-Aug Mo 10:00-12:00'), at('2026-01-01T10:00:00Z'))).toBeNull();
		expect(nextOpening(parsed('off'), at('2026-01-01T10:00:00Z'))).toBeNull();
		expect(nextOpening(parsed('"by appointment"'), at('2026-01-01T10:00:00Z'))).toBeNull();
		expect(nextChange(parsed('24/7'), at('2026-01-01T10:00:00Z'))).toBeNull();
		expect(nextOpening(parsed('24/7'), at('2026-01-01T10:00:00Z'))?.opensAt.getTime()).toBeLessThan(
			at('2026-01-01T10:00:00Z').getTime()
		);
	});
});
