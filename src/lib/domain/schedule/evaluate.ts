// Evaluates a parsed schedule against real instants, always on the Brussels calendar.
//
// Semantics (those of OSM `opening_hours`): rules are read in order and the last rule whose
// selectors match a day decides that whole day, except that an additional rule (after a comma)
// adds its hours to that day; an additional `off` closes the whole day. A span that runs past
// midnight belongs to the day it starts on, so `Fr 20:00-02:00; Sa off` is still open at 01:00 on
// Saturday.
//
// DST: wall times go through `brusselsInstant`. On the spring change (last Sunday of March,
// 02:00 → 03:00) a slot `Su 02:00-04:00` opens at 03:00 and lasts one real hour. On the autumn change
// (last Sunday of October, 03:00 → 02:00) the same slot opens at the first 02:00 and closes at 04:00,
// three real hours: the slot covers every moment the clocks show a time inside it.

import { addDays, brusselsInstant, brusselsWallClock, type CalendarDay } from './brussels-time.ts';
import { isBelgianPublicHoliday } from './holidays.ts';
import type { OpeningPeriod, Schedule, ScheduleRule, Weekday } from './types.ts';

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
		holiday: isBelgianPublicHoliday(day)
	};
}

function inRange(value: number, from: number, to: number): boolean {
	return from <= to ? value >= from && value <= to : value >= from || value <= to;
}

function ruleMatches(rule: ScheduleRule, facts: DayFacts): boolean {
	if (rule.months.length > 0 && !rule.months.some((m) => inRange(facts.month, m.from, m.to))) {
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
	/** Minutes after the day's midnight; the end may pass 1440. */
	spans: Array<[number, number]>;
	unknown: boolean;
}

function planForDay(schedule: Schedule, day: CalendarDay): DayPlan {
	const facts = dayFacts(day);
	let spans: Array<[number, number]> = [];
	let unknown = false;
	for (const rule of schedule.rules) {
		if (!ruleMatches(rule, facts)) continue;
		// A normal rule replaces what earlier rules said about this day; an additional one adds.
		if (!rule.additional || rule.state === 'closed') {
			spans = [];
			unknown = false;
		}
		if (rule.state === 'unknown') unknown = true;
		if (rule.state !== 'open') continue;
		if (rule.times.length === 0) spans.push([0, 1440]);
		for (const { startMinutes, endMinutes } of rule.times) {
			spans.push([startMinutes, endMinutes > startMinutes ? endMinutes : endMinutes + 1440]);
		}
	}
	return { spans, unknown };
}

/** The opening periods that start on one Brussels day, as epoch milliseconds. */
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
	const at = date.getTime();
	const wall = brusselsWallClock(date);
	// Spans of the previous day may run past midnight into today.
	for (const offset of [-1, 0]) {
		for (const [start, end] of periodsOfDay(schedule, addDays(wall, offset))) {
			if (start <= at && at < end) return 'open';
		}
	}
	return planForDay(schedule, wall).unknown ? 'unknown' : 'closed';
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
