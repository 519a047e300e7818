// Our "open now" against the reference implementation of the opening_hours syntax, over generated
// schedules and instants. The reference reads Date objects in the process's local time, so this file
// sets the process time zone to Brussels and checks that it took effect before comparing anything.
// The package is a development dependency, used here as an oracle only.
import { BRUSSELS_TIME_ZONE } from './brussels-time.ts';
import fc from 'fast-check';
import OpeningHours from 'opening_hours';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOpenAt } from './evaluate.ts';
import { formatOpeningHours, parseOpeningHours } from './parse.ts';
import type {
	DateRange,
	DaySelector,
	Month,
	MonthRange,
	Schedule,
	ScheduleRule,
	TimeSpan,
	WeekRange,
	Weekday
} from './types.ts';

process.env.TZ = BRUSSELS_TIME_ZONE;

// The reference needs a place to know which public holidays apply: Brussels, Belgium.
const BRUSSELS = {
	lat: 50.8466,
	lon: 4.3528,
	address: { country_code: 'be', state: 'Brussels-Capital' }
};

function oracleOpen(text: string, at: Date): boolean {
	return new OpeningHours(text, BRUSSELS).getState(at);
}

const weekday = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
const month = fc.integer({ min: 1, max: 12 }) as fc.Arbitrary<Month>;
const monthRange: fc.Arbitrary<MonthRange> = fc.record({ from: month, to: month });
const date = fc.record({ month, day: fc.integer({ min: 1, max: 28 }) });
const dateRange: fc.Arbitrary<DateRange> = fc.oneof(
	fc
		.tuple(date, fc.option(date, { nil: null }))
		.map(([from, to]) => ({
			from: { year: null, ...from },
			to: { year: null, ...(to ?? from) }
		}))
		.filter(({ from, to }) => from.month !== to.month || from.day <= to.day),
	fc
		.tuple(fc.integer({ min: 2025, max: 2027 }), date, fc.integer({ min: 0, max: 1 }), date)
		.map(([year, from, years, to]) => ({
			from: { year, ...from },
			to: { year: year + years, ...to }
		}))
		.filter(
			({ from, to }) =>
				to.year > from.year ||
				to.month > from.month ||
				(to.month === from.month && to.day >= from.day)
		)
);
const weekRange: fc.Arbitrary<WeekRange> = fc
	.tuple(fc.integer({ min: 1, max: 53 }), fc.integer({ min: 0, max: 30 }))
	.map(([from, length]) => ({ from, to: Math.min(53, from + length) }));
const day: fc.Arbitrary<DaySelector> = fc.oneof(
	{ arbitrary: fc.constant<DaySelector>({ kind: 'holiday' }), weight: 1 },
	{
		arbitrary: fc.record({ from: weekday, to: weekday }).map(({ from, to }) => ({
			kind: 'weekday' as const,
			from,
			to,
			nth: null
		})),
		weight: 4
	},
	{
		arbitrary: fc
			// The reference allows a single occurrence per weekday together with a month range.
			.tuple(weekday, fc.constantFrom(1, 2, 3, 4, -1))
			.map(([w, nth]) => ({ kind: 'weekday' as const, from: w, to: w, nth: [nth] })),
		weight: 2
	}
);
// Quarter hours keep the spans readable; past-midnight ends are included on purpose.
const clock = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);
const span: fc.Arbitrary<TimeSpan> = fc
	.tuple(clock, fc.integer({ min: 1, max: 64 }))
	.map(([start, quarters]) => ({ startMinutes: start, endMinutes: start + quarters * 15 }))
	.map((s) => (s.endMinutes > 1440 ? { ...s, endMinutes: s.endMinutes - 1440 } : s))
	.filter((s) => s.endMinutes !== s.startMinutes);
const rule: fc.Arbitrary<ScheduleRule> = fc
	.record({
		additional: fc.boolean(),
		months: fc.array(monthRange, { maxLength: 1 }),
		dates: fc.array(dateRange, { maxLength: 2 }),
		weeks: fc.array(weekRange, { maxLength: 1 }),
		days: fc.array(day, { maxLength: 2 }),
		times: fc.array(span, { maxLength: 2 }),
		state: fc.constantFrom<ScheduleRule['state']>('open', 'open', 'closed'),
		comment: fc.constant(null)
	})
	.map((r) => (r.times.length > 0 ? { ...r, state: 'open' as const } : r))
	// A dated range stands alone in its selector, as the parser requires.
	.map((r) =>
		r.dates.some((d) => d.from.year !== null)
			? { ...r, months: [], dates: r.dates.filter((d) => d.from.year !== null).slice(0, 1) }
			: r
	)
	// A rule without any selector after a comma would read its times as more spans.
	.filter((r) => !r.additional || r.days.length + r.months.length + r.dates.length > 0);
const schedule: fc.Arbitrary<Schedule> = fc
	.array(rule, { minLength: 1, maxLength: 4 })
	.map((rules) => ({
		// The reference refuses an additional rule after one without selectors (`24/7, Jan 1`).
		rules: rules.map((r, i) => {
			const before = rules[i - 1];
			const bare = !before || before.days.length + before.months.length + before.dates.length === 0;
			return bare && before?.weeks.length === 0 ? { ...r, additional: false } : r;
		})
	}));

// Instants from 2025 to 2027, half of them within two days of a daylight-saving change.
const DST_CHANGES = [
	'2025-03-30T01:00:00Z',
	'2025-10-26T01:00:00Z',
	'2026-03-29T01:00:00Z',
	'2026-10-25T01:00:00Z',
	'2027-03-28T01:00:00Z',
	'2027-10-31T01:00:00Z'
].map((iso) => Date.parse(iso));
const MINUTE = 60_000;
const instant = fc.oneof(
	fc
		.integer({
			min: Date.parse('2025-01-01T00:00:00Z') / MINUTE,
			max: Date.parse('2027-12-31T00:00:00Z') / MINUTE
		})
		.map((minutes) => new Date(minutes * MINUTE)),
	fc
		.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -48 * 4, max: 48 * 4 }))
		.map(([change, quarters]) => new Date(change + quarters * 15 * MINUTE))
);

// The reference finds "the day before" by going back 24 hours, which after the 23-hour spring
// change day lands two days back: from 00:00 to 01:00 on the Monday after it, it applies the
// Saturday's past-midnight hours. Our answer there is pinned by evaluate.spec.ts instead.
// Spring changes are at 01:00 UTC on Sunday; Monday 00:00 CEST is 21 hours later.
const SPRING_MONDAYS = DST_CHANGES.filter((_, i) => i % 2 === 0).map(
	(change) => change + 21 * 60 * MINUTE
);
function inReferenceDstDefect(at: Date): boolean {
	return SPRING_MONDAYS.some(
		(monday) => at.getTime() >= monday && at.getTime() < monday + 60 * MINUTE
	);
}

describe('isOpenAt agrees with the opening_hours reference implementation', () => {
	beforeAll(() => {
		// 12:00 UTC on 1 July is 14:00 in Brussels; 12:00 UTC on 1 January is 13:00.
		expect(new Date('2026-07-01T12:00:00Z').getHours()).toBe(14);
		expect(new Date('2026-01-01T12:00:00Z').getHours()).toBe(13);
	});

	it.each([
		['Mo-Fr 09:00-17:00; Dec 24 off', '2026-12-24T10:00:00Z', false],
		['Mo-Su 09:00-17:00; Jul 15-Aug 15 off', '2026-08-15T10:00:00Z', false],
		['Mo-Su 09:00-17:00; PH off', '2026-07-21T10:00:00Z', false],
		['Mo-Su 09:00-17:00; 2026 Dec 24-2027 Jan 2 off', '2027-01-02T10:00:00Z', false],
		['Su[1] 10:00-12:00', '2026-07-05T09:00:00Z', true],
		['Su[-1] 02:00-04:00', '2026-03-29T01:30:00Z', true],
		['week 1-26 Mo-Fr 10:00-12:00', '2026-06-26T09:00:00Z', true],
		['Fr 20:00-02:00; Sa off', '2026-05-08T23:30:00Z', false],
		// 02:00 CET on the autumn change, the second time the clocks read 02:00.
		['00:15-02:15', '2027-10-31T01:00:00Z', true],
		// 02:40 CEST, the first time the clocks read 02:40 that night: past the span.
		['00:15-02:30', '2027-10-31T00:40:00Z', false]
	])('%s at %s', (text, iso, open) => {
		const parsed = parseOpeningHours(text);
		if (!parsed.ok) throw new Error(parsed.error.code);
		expect(isOpenAt(parsed.schedule, new Date(iso))).toBe(open);
		expect(oracleOpen(text, new Date(iso))).toBe(open);
	});

	it('for generated schedules and instants', () => {
		fc.assert(
			fc.property(
				schedule,
				fc.array(instant, { minLength: 1, maxLength: 5 }),
				(generated, instants) => {
					const text = formatOpeningHours(generated);
					const parsed = parseOpeningHours(text);
					expect(parsed.ok).toBe(true);
					if (!parsed.ok) return;
					for (const at of instants.filter((i) => !inReferenceDstDefect(i))) {
						expect({ text, at: at.toISOString(), open: isOpenAt(parsed.schedule, at) }).toEqual({
							text,
							at: at.toISOString(),
							open: oracleOpen(text, at)
						});
					}
				}
			),
			{ numRuns: 400 }
		);
	}, 60_000);
});
