// Evaluates a parsed schedule against real instants, always on the Brussels calendar.
//
// Semantics (those of OSM `opening_hours`): rules are read in order and the last rule whose
// selectors match a day decides that whole day, except that an additional rule (after a comma)
// adds its hours to that day; an additional `off` closes the whole day. The part after midnight of
// a span that runs past midnight belongs to the next day: a later rule about that day replaces it,
// so `Fr 20:00-02:00; Sa off` is closed at 01:00 on Saturday, while `Fr 20:00-02:00; Mo off` is
// open then. Selectors: months and dates (`Jul-Aug`, `Dec 24`, `2026 Dec 24-2027 Jan 2`), ISO weeks
// (`week 1-26`), weekdays with their nth occurrence in the month (`Su[1]`, `Sa[-1]`) and `PH`.
//
// DST: wall times go through `brusselsInstant`. On the spring change (last Sunday of March,
// 02:00 → 03:00) a slot `Su 02:00-04:00` opens at 03:00 and lasts one real hour; a slot that ends
// in the gap (`Sa 20:00-02:30`) closes at the jump. On the autumn change
// (last Sunday of October, 03:00 → 02:00) the same slot opens at the first 02:00 and closes at 04:00,
// three real hours: the slot covers every moment the clocks show a time inside it.

import { addDays, brusselsInstant, brusselsWallClock, type CalendarDay } from './brussels-time.ts';
import { isBelgianPublicHoliday } from './holidays.ts';
import type { DateRange, OpeningPeriod, Schedule, ScheduleRule, Weekday } from './types.ts';

/** How far ahead `nextOpening` and `nextChange` look, in days. */
export const LOOKAHEAD_DAYS = 14;

const DAY_MS = 86_400_000;

/** Open, closed, or unknown (a rule that only says "by appointment"). */
export type ScheduleState = 'open' | 'closed' | 'unknown';

interface DayFacts extends CalendarDay {
	weekday: Weekday;
	/** 1 for the first such weekday of the month … 5. */
	nthFromStart: number;
	/** -1 for the last such weekday of the month … -5. */
	nthFromEnd: number;
	holiday: boolean;
	/** ISO 8601 week number, 1 … 53. */
	isoWeek: number;
}

// Day facts depend only on the date; searches evaluate thousands of schedules on the same days.
const factsCache = new Map<number, DayFacts>();

function dayFacts(day: CalendarDay): DayFacts {
	const key = day.year * 10_000 + day.month * 100 + day.day;
	let facts = factsCache.get(key);
	if (!facts) {
		if (factsCache.size > 10_000) factsCache.clear();
		facts = computeDayFacts(day);
		factsCache.set(key, facts);
	}
	return facts;
}

function computeDayFacts(day: CalendarDay): DayFacts {
	const utc = new Date(Date.UTC(day.year, day.month - 1, day.day));
	const daysInMonth = new Date(Date.UTC(day.year, day.month, 0)).getUTCDate();
	return {
		...day,
		// getUTCDay counts from Sunday; OSM from Monday.
		weekday: ((utc.getUTCDay() + 6) % 7) as Weekday,
		nthFromStart: Math.floor((day.day - 1) / 7) + 1,
		nthFromEnd: -(Math.floor((daysInMonth - day.day) / 7) + 1),
		holiday: isBelgianPublicHoliday(day),
		isoWeek: isoWeek(utc)
	};
}

/** The ISO 8601 week of a UTC midnight: the week that holds its Thursday. */
function isoWeek(utc: Date): number {
	const thursday = new Date(utc.getTime() + (3 - ((utc.getUTCDay() + 6) % 7)) * DAY_MS);
	const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
	return Math.floor((thursday.getTime() - firstOfYear) / DAY_MS / 7) + 1;
}

function dateMatches({ from, to }: DateRange, facts: DayFacts): boolean {
	if (from.year !== null && to.year !== null) {
		const key = facts.year * 10_000 + facts.month * 100 + facts.day;
		return (
			key >= from.year * 10_000 + from.month * 100 + from.day &&
			key <= to.year * 10_000 + to.month * 100 + to.day
		);
	}
	return inRange(
		facts.month * 100 + facts.day,
		from.month * 100 + from.day,
		to.month * 100 + to.day
	);
}

function inRange(value: number, from: number, to: number): boolean {
	return from <= to ? value >= from && value <= to : value >= from || value <= to;
}

function ruleMatches(rule: ScheduleRule, facts: DayFacts): boolean {
	if (
		(rule.months.length > 0 || rule.dates.length > 0) &&
		!rule.months.some((m) => inRange(facts.month, m.from, m.to)) &&
		!rule.dates.some((range) => dateMatches(range, facts))
	) {
		return false;
	}
	if (rule.weeks.length > 0 && !rule.weeks.some((w) => inRange(facts.isoWeek, w.from, w.to))) {
		return false;
	}
	if (rule.days.length === 0) return true;
	return rule.days.some((selector) => {
		if (selector.kind === 'holiday') return facts.holiday;
		if (!inRange(facts.weekday, selector.from, selector.to)) return false;
		return (
			selector.nth === null ||
			selector.nth.includes(facts.nthFromStart) ||
			selector.nth.includes(facts.nthFromEnd)
		);
	});
}

interface DayPlan {
	/** Minutes after the day's midnight, within 0 … 1440. */
	spans: Array<[number, number]>;
	unknown: boolean;
}

/**
 * What the rules say about one day: its own hours up to midnight, plus the part after midnight of
 * spans that start the day before. A rule with selectors that matches the day replaces everything
 * earlier rules said about it, the hours carried over from the day before included; a rule without
 * selectors (`10:00-12:00`, `24/7`) replaces them only when the rule just before it has no
 * selectors either, and otherwise adds its hours. This is how the reference implementation reads
 * `Mo-Su; 10:00-12:00` (open all day), `24/7; 10:00-12:00` (two hours) and
 * `24/7; Mo[1]; 10:00-12:00` (open all day). An additional rule adds its hours; a `closed` rule
 * that matches closes the whole day; a rule that only matches the day before leaves this day alone.
 */
function planForDay(schedule: Schedule, day: CalendarDay): DayPlan {
	const facts = dayFacts(day);
	const dayBefore = dayFacts(addDays(day, -1));
	let spans: Array<[number, number]> = [];
	let unknown = false;
	schedule.rules.forEach((rule, i) => {
		const today = ruleMatches(rule, facts);
		const before = schedule.rules[i - 1];
		if (today && rule.state === 'closed') {
			spans = [];
			unknown = false;
		} else if (
			today &&
			!rule.additional &&
			(hasSelectors(rule) || (rule.state === 'open' && before && !hasSelectors(before)))
		) {
			spans = [];
			unknown = false;
		}
		if (today && rule.state === 'unknown') unknown = true;
		if (rule.state !== 'open') return;
		if (today) {
			if (rule.times.length === 0) spans.push([0, 1440]);
			for (const { startMinutes, endMinutes } of rule.times) {
				spans.push([startMinutes, Math.min(spanEnd(startMinutes, endMinutes), 1440)]);
			}
		}
		if (rule.times.some((t) => spanEnd(t.startMinutes, t.endMinutes) > 1440)) {
			if (!ruleMatches(rule, dayBefore)) return;
			for (const { startMinutes, endMinutes } of rule.times) {
				const end = spanEnd(startMinutes, endMinutes);
				if (end > 1440) spans.push([0, end - 1440]);
			}
		}
	});
	return { spans, unknown };
}

function hasSelectors(rule: ScheduleRule): boolean {
	return rule.months.length + rule.dates.length + rule.weeks.length + rule.days.length > 0;
}

/** The end of a span in minutes after its day's midnight: `20:00-02:00` ends at 1560. */
function spanEnd(startMinutes: number, endMinutes: number): number {
	return endMinutes > startMinutes ? endMinutes : endMinutes + 1440;
}

/** The opening periods of one Brussels day, as epoch milliseconds. */
function periodsOfDay(schedule: Schedule, day: CalendarDay): Array<[number, number]> {
	return planForDay(schedule, day).spans.map(([start, end]) => [
		brusselsInstant(day, start),
		brusselsInstant(day, end)
	]);
}

/**
 * Whether a schedule is open, closed or unknown at an instant, read on Brussels wall clocks.
 *
 * @example stateAt(parsed('Mo-Fr 09:00-17:00'), new Date('2026-04-07T08:30:00Z'))
 * // 'open' (10:30 CEST)
 */
export function stateAt(schedule: Schedule, date: Date): ScheduleState {
	const wall = brusselsWallClock(date);
	const plan = planForDay(schedule, wall);
	// The clock's reading decides, as a visitor reads the door: in the autumn hour that occurs
	// twice, both occurrences of a time inside a span are open (a span's instants would cover
	// only one); in the spring gap no reading falls inside the missing hour.
	for (const [start, end] of plan.spans) {
		if (start <= wall.minutes && wall.minutes < end) return 'open';
	}
	return plan.unknown ? 'unknown' : 'closed';
}

/**
 * Whether a schedule is open at an instant (an unknown state counts as not open).
 *
 * @example isOpenAt(parsed('Fr 20:00-02:00'), new Date('2026-05-08T23:30:00Z'))
 * // true (Saturday 01:30 CEST)
 */
export function isOpenAt(schedule: Schedule, date: Date): boolean {
	return stateAt(schedule, date) === 'open';
}

/**
 * The opening periods from the day before `from` to `LOOKAHEAD_DAYS` days after it, merged where
 * they touch or overlap. The last period is cut at the end of the window.
 */
function periodsAround(schedule: Schedule, from: Date): Array<[number, number]> {
	const today = brusselsWallClock(from);
	const periods: Array<[number, number]> = [];
	for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset++) {
		periods.push(...periodsOfDay(schedule, addDays(today, offset)));
	}
	periods.sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const period of periods) {
		const last = merged[merged.length - 1];
		if (last && period[0] <= last[1]) last[1] = Math.max(last[1], period[1]);
		else merged.push([period[0], period[1]]);
	}
	return merged;
}

/**
 * The opening period that contains `from`, or else the next one starting within
 * {@link LOOKAHEAD_DAYS} days; `null` if there is none. When open now, `opensAt` is in the past.
 * Periods that touch (`Mo-Su 00:00-24:00`) are merged. The window runs from 00:00 of the day before
 * `from` to the end of the last look-ahead day, so a long period (e.g. `24/7`) is cut at both ends:
 * `opensAt` is then no earlier than the previous midnight but one.
 *
 * @example nextOpening(parsed('Mo-Fr 09:00-12:00'), new Date('2026-04-04T10:00:00Z'))
 * // { opensAt: 2026-04-06T07:00Z, closesAt: 2026-04-06T10:00Z } (Monday 09:00–12:00 CEST)
 */
export function nextOpening(schedule: Schedule, from: Date): OpeningPeriod | null {
	const at = from.getTime();
	const horizon = at + LOOKAHEAD_DAYS * DAY_MS;
	for (const [start, end] of periodsAround(schedule, from)) {
		if (end <= at) continue;
		if (start > horizon) return null;
		return { opensAt: new Date(start), closesAt: new Date(end) };
	}
	return null;
}

/**
 * The next instant after `from` at which the schedule opens or closes, within
 * {@link LOOKAHEAD_DAYS} days; `null` when nothing changes in that window.
 *
 * @example nextChange(parsed('Mo-Fr 09:00-17:00'), new Date('2026-04-07T08:00:00Z'))
 * // 2026-04-07T15:00Z (17:00 CEST)
 */
export function nextChange(schedule: Schedule, from: Date): Date | null {
	const at = from.getTime();
	const horizon = at + LOOKAHEAD_DAYS * DAY_MS;
	const windowEnd = brusselsInstant(addDays(brusselsWallClock(from), LOOKAHEAD_DAYS + 1), 0);
	for (const [start, end] of periodsAround(schedule, from)) {
		if (end <= at) continue;
		const change = start > at ? start : end;
		if (change > horizon || change >= windowEnd) return null;
		return new Date(change);
	}
	return null;
}
