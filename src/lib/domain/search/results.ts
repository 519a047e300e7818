// What the finder adds in TypeScript to rows the database found, ranked and paged: "open now" and
// the next opening (Brussels time, from the OSM opening-hours text) and the walking time; and the
// opening-hours texts open at a moment, which the database then filters on.

import { nextOpening, stateAt, type ScheduleState } from '../schedule/evaluate.ts';
import { memo } from '../memo.ts';
import { scheduleOfText } from '../schedule/parse.ts';
import type { OpeningPeriod } from '../schedule/types.ts';
import type { ResourceResult, ResourceRow } from './types.ts';

type Descriptions = 'description_fr' | 'description_nl' | 'description_en';
import { walkingMinutes } from './walking.ts';

/**
 * The opening-hours texts among `texts` that are open at `now`. "Open now" cannot be an index:
 * the grammar (weekdays, nth weekdays, public holidays, seasons) is evaluated in Brussels time by
 * our TypeScript engine, and the answer changes every minute. Distinct texts are far fewer than
 * entries, so evaluating each once and letting the database match `schedules = any (…)` keeps
 * the total count exact.
 *
 * @example openScheduleTexts(['Mo-Fr 09:00-12:00', 'Sa 10:00-12:00'], tuesdayAt1030) // ['Mo-Fr 09:00-12:00']
 */
export function openScheduleTexts(texts: readonly string[], now: Date): string[] {
	return texts.filter((text) => {
		const schedule = scheduleOfText(text);
		return schedule !== null && stateAt(schedule, now) === 'open';
	});
}

/** A row as the database returns it: its distance from `near` (metres) and text relevance. */
export type RankedRow = Omit<ResourceRow, Descriptions> & {
	distance_m: number | null;
	relevance: number;
};

/** A database row completed by {@link describeResults}: a result card's data. */
export type DescribedResult<Row extends RankedRow> = Omit<Row, 'distance_m'> &
	Omit<ResourceResult, keyof ResourceRow | 'relevance'>;

/**
 * Completes database rows into results: open now, next opening (within 14 days), walking minutes
 * from the distance, dormant. Order is kept.
 *
 * @example describeResults([{ ...row, distance_m: 323, relevance: 0 }], now)[0].walkingMinutes // 6
 */
export function describeResults<Row extends RankedRow>(
	rows: readonly Row[],
	now: Date
): DescribedResult<Row>[] {
	return rows.map(({ distance_m, ...row }) => {
		const reading =
			row.schedule_kind === 'hours' && row.schedules ? readingAt(row.schedules, now) : null;
		return {
			...row,
			distanceMeters: distance_m,
			walkingMinutes: distance_m === null ? null : walkingMinutes(distance_m),
			openNow: !reading || reading.state === 'unknown' ? null : reading.state === 'open',
			nextOpening: reading?.next
				? { opensAt: new Date(reading.next.opensAt), closesAt: new Date(reading.next.closesAt) }
				: null,
			dormant: row.status === 'dormant'
		};
	});
}

type Reading = { state: ScheduleState; next: OpeningPeriod | null };

/**
 * A schedule's state and next opening at `now`, evaluated once per text and minute. Both are the
 * same for every instant of a minute: periods start and end on whole minutes of Brussels clocks,
 * which are whole UTC minutes (Brussels is a whole number of hours from UTC), and the look-ahead
 * window moves with the Brussels day. A results page reads the same few texts on every request;
 * readings of past minutes are never asked for again and go when the memo fills.
 */
const readingAt = memo(
	(text: string, now: Date) => `${Math.floor(now.getTime() / MINUTE_MS)} ${text}`,
	(text: string, now: Date): Reading | null => {
		const schedule = scheduleOfText(text);
		return schedule && { state: stateAt(schedule, now), next: nextOpening(schedule, now) };
	}
);

const MINUTE_MS = 60_000;
