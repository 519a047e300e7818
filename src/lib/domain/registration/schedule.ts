// The schedule step: a few simple slots (day, which week of the month, from, to) and the months
// and public holidays when the group does not meet, written as an OSM opening_hours string; or a
// string typed directly. Either way it must parse.
import { formatOpeningHours, parseOpeningHours } from '../schedule/index.ts';
import type { Month, MonthRange, ScheduleRule, TimeSpan, Weekday } from '../schedule/index.ts';

/** `week` is '' for every week, or the occurrence in the month: '1' … '4', '-1' for the last. */
export type ScheduleSlot = { day: string; week?: string; from: string; to: string };

/** What the form says about when the group does not meet. */
export type ScheduleClosures = { months?: string[]; holidays?: boolean };

/** The occurrences of a weekday in the month that the form offers ('' = every week). */
export const SLOT_WEEKS = ['', '1', '2', '3', '4', '-1'] as const;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(clock: string): number | null {
	const match = CLOCK.exec(clock);
	if (!match) return null;
	return Number(match[1]) * 60 + Number(match[2]);
}

/** Consecutive months as ranges: [7, 8, 12] → Jul-Aug, Dec. */
function monthRanges(months: Month[]): MonthRange[] {
	const sorted = [...new Set(months)].sort((a, b) => a - b);
	const ranges: MonthRange[] = [];
	for (const month of sorted) {
		const last = ranges[ranges.length - 1];
		if (last && last.to === month - 1) last.to = month;
		else ranges.push({ from: month, to: month });
	}
	return ranges;
}

function rule(fields: Partial<ScheduleRule>): ScheduleRule {
	return {
		additional: false,
		months: [],
		dates: [],
		weeks: [],
		days: [],
		times: [],
		state: 'open',
		comment: null,
		...fields
	};
}

/**
 * Writes filled slots and closures as an opening_hours string; null when a filled slot is
 * incomplete, its end is not after its start, or a value is not one the form offers; '' when no
 * slot is filled. Day is 0 (Monday) … 6 (Sunday); closed months are '1' … '12'.
 *
 * @example slotsToOpeningHours([{ day: '2', from: '14:00', to: '17:00' }]) // 'We 14:00-17:00'
 * @example slotsToOpeningHours([{ day: '6', week: '1', from: '10:00', to: '12:00' }],
 *   { months: ['7', '8'], holidays: true }) // 'Su[1] 10:00-12:00; Jul-Aug off; PH off'
 */
export function slotsToOpeningHours(
	slots: ScheduleSlot[],
	closures: ScheduleClosures = {}
): string | null {
	// A later rule replaces earlier ones on its days, so all times of one day go in one rule;
	// rules for one week of the month come after the weekly ones and replace them on that day.
	const byDay = new Map<string, { day: Weekday; week: number | null; times: TimeSpan[] }>();
	for (const slot of slots) {
		const week = slot.week ?? '';
		if (slot.day === '' && slot.from === '' && slot.to === '' && week === '') continue;
		const start = minutes(slot.from);
		const end = minutes(slot.to);
		if (!/^[0-6]$/.test(slot.day) || start === null || end === null || end <= start) return null;
		if (!(SLOT_WEEKS as readonly string[]).includes(week)) return null;
		const key = `${week === '' ? 0 : 1}:${slot.day}:${week}`;
		const entry = byDay.get(key) ?? {
			day: Number(slot.day) as Weekday,
			week: week === '' ? null : Number(week),
			times: []
		};
		entry.times.push({ startMinutes: start, endMinutes: end });
		byDay.set(key, entry);
	}
	const months = closures.months ?? [];
	if (months.some((m) => !/^([1-9]|1[0-2])$/.test(m))) return null;
	const rules: ScheduleRule[] = [...byDay.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([, { day, week, times }]) =>
			rule({
				days: [{ kind: 'weekday', from: day, to: day, nth: week === null ? null : [week] }],
				times: times.sort((a, b) => a.startMinutes - b.startMinutes)
			})
		);
	if (rules.length === 0) return '';
	if (months.length > 0) {
		rules.push(
			rule({ months: monthRanges(months.map((m) => Number(m) as Month)), state: 'closed' })
		);
	}
	if (closures.holidays) rules.push(rule({ days: [{ kind: 'holiday' }], state: 'closed' }));
	return formatOpeningHours({ rules });
}

/** True when `text` is an opening_hours string the finder can read. */
export function isOpeningHours(text: string): boolean {
	return parseOpeningHours(text).ok;
}
