// Wall-clock time in Brussels, independent of the machine's time zone. Offsets come from the
// platform's time-zone database through Intl; they are cached per UTC hour because every Brussels
// transition happens on a whole UTC hour (01:00 UTC), and Intl formatting is slow.

/** The time zone every schedule is read in. */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: BRUSSELS_TIME_ZONE,
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	hourCycle: 'h23'
});

const offsetCache = new Map<number, number>();

/** A calendar day as written in Brussels. */
export interface CalendarDay {
	year: number;
	month: number;
	day: number;
}

/**
 * The Brussels offset from UTC in minutes at an instant: 60 in winter, 120 in summer.
 *
 * @example brusselsOffsetMinutes(Date.UTC(2026, 6, 1)) // 120
 */
export function brusselsOffsetMinutes(instantMs: number): number {
	const hour = Math.floor(instantMs / HOUR_MS);
	const cached = offsetCache.get(hour);
	if (cached !== undefined) return cached;
	const parts: Record<string, number> = {};
	for (const part of formatter.formatToParts(new Date(hour * HOUR_MS))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wall = Date.UTC(
		parts.year ?? 0,
		(parts.month ?? 1) - 1,
		parts.day ?? 1,
		parts.hour ?? 0,
		parts.minute ?? 0
	);
	const offset = Math.round((wall - hour * HOUR_MS) / MINUTE_MS);
	// Bounded so a long-running server does not grow the cache without limit.
	if (offsetCache.size > 50_000) offsetCache.clear();
	offsetCache.set(hour, offset);
	return offset;
}

/**
 * The Brussels calendar day and minutes after local midnight of an instant.
 *
 * @example brusselsWallClock(new Date('2026-03-29T01:30:00Z'))
 * // { year: 2026, month: 3, day: 29, minutes: 210 } (03:30 CEST)
 */
export function brusselsWallClock(date: Date): CalendarDay & { minutes: number } {
	const local = new Date(date.getTime() + brusselsOffsetMinutes(date.getTime()) * MINUTE_MS);
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		minutes: local.getUTCHours() * 60 + local.getUTCMinutes()
	};
}

/**
 * The instant (ms since epoch) at which Brussels clocks show `minutes` after midnight of `day`.
 * `minutes` may exceed 1440 to reach into the following days.
 *
 * DST: a wall time that does not exist (the spring gap, e.g. 02:30 on 29 March 2026) resolves to
 * the instant the clocks jump (03:00 CEST), so a span covers exactly the moments the clocks show a
 * time inside it, as the opening_hours reference implementation reads it; a wall time that occurs
 * twice (the autumn overlap, e.g. 02:30 on 25 October 2026) resolves to the first occurrence (CEST).
 *
 * @example brusselsInstant({ year: 2026, month: 7, day: 21 }, 600) // Date.UTC(2026, 6, 21, 8, 0)
 */
export function brusselsInstant(day: CalendarDay, minutes: number): number {
	const wall = Date.UTC(day.year, day.month - 1, day.day) + minutes * MINUTE_MS;
	// Offsets a day before and after bracket any transition near this wall time.
	const before = brusselsOffsetMinutes(wall - DAY_MS);
	const after = brusselsOffsetMinutes(wall + DAY_MS);
	const earliest = wall - Math.max(before, after) * MINUTE_MS;
	const latest = wall - Math.min(before, after) * MINUTE_MS;
	if (earliest + brusselsOffsetMinutes(earliest) * MINUTE_MS === wall) return earliest;
	if (latest + brusselsOffsetMinutes(latest) * MINUTE_MS === wall) return latest;
	// In the gap: the instant the clocks jump, the first moment they show a later time. Read with
	// the offset in force before the jump, the wall time lies within the hour after it, and Brussels
	// changes on a whole UTC hour.
	return Math.floor((wall - Math.min(before, after) * MINUTE_MS) / HOUR_MS) * HOUR_MS;
}

/**
 * The calendar day `count` days after `day` (negative goes back).
 *
 * @example addDays({ year: 2026, month: 12, day: 31 }, 1) // { year: 2027, month: 1, day: 1 }
 */
export function addDays(day: CalendarDay, count: number): CalendarDay {
	const date = new Date(Date.UTC(day.year, day.month - 1, day.day + count));
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Today's date in Brussels as YYYY-MM-DD: what a pause, a slip or an import is dated with, and
 * what the database's own dates use (its functions run in Brussels time).
 *
 * @example brusselsToday(new Date('2026-12-06T23:30:00Z')) // '2026-12-07'
 */
export function brusselsToday(now: Date = new Date()): string {
	const { year, month, day } = brusselsWallClock(now);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
