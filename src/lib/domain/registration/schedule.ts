// The schedule step: a few simple weekly slots (day, from, to) written as an OSM opening_hours
// string, or a string typed directly; either way it must parse.
import { formatOpeningHours, parseOpeningHours } from '../schedule/index.ts';
import type { ScheduleRule, TimeSpan, Weekday } from '../schedule/index.ts';

export type ScheduleSlot = { day: string; from: string; to: string };

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(clock: string): number | null {
	const match = CLOCK.exec(clock);
	if (!match) return null;
	return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Writes filled slots as an opening_hours string; null when a filled slot is incomplete or its end
 * is not after its start; '' when no slot is filled. Day is 0 (Monday) … 6 (Sunday).
 *
 * @example slotsToOpeningHours([{ day: '2', from: '14:00', to: '17:00' }]) // 'We 14:00-17:00'
 */
export function slotsToOpeningHours(slots: ScheduleSlot[]): string | null {
	// A later rule replaces earlier ones on its days, so all times of one day go in one rule.
	const byDay = new Map<Weekday, TimeSpan[]>();
	for (const slot of slots) {
		if (slot.day === '' && slot.from === '' && slot.to === '') continue;
		const start = minutes(slot.from);
		const end = minutes(slot.to);
		if (!/^[0-6]$/.test(slot.day) || start === null || end === null || end <= start) return null;
		const day = Number(slot.day) as Weekday;
		byDay.set(day, [...(byDay.get(day) ?? []), { startMinutes: start, endMinutes: end }]);
	}
	const rules: ScheduleRule[] = [...byDay.entries()]
		.sort(([a], [b]) => a - b)
		.map(([day, times]) => ({
			additional: false,
			months: [],
			dates: [],
			weeks: [],
			days: [{ kind: 'weekday', from: day, to: day, nth: null }],
			times: times.sort((a, b) => a.startMinutes - b.startMinutes),
			state: 'open',
			comment: null
		}));
	return rules.length === 0 ? '' : formatOpeningHours({ rules });
}

/** True when `text` is an opening_hours string the finder can read. */
export function isOpeningHours(text: string): boolean {
	return parseOpeningHours(text).ok;
}
