// Our schedules (OpenStreetMap `opening_hours` text) as HSDS schedule objects. HSDS follows
// iCalendar: one object per recurring opening (`freq`, `byday`, `opens_at`, `closes_at`). Only
// what iCalendar says the same way is mapped: weekly rules on weekdays, and monthly ones on the
// nth weekday (`We[1,3]` → `1WE,3WE`), with times within one day. Anything else (holidays,
// months, dates, weeks, spans past midnight, a rule that overrides another on the same day,
// comments) is not guessed at: the service gets one schedule holding the original text only.
// Every schedule keeps the original text in `description`. Times are Brussels wall-clock times;
// HSDS's `timezone` is a fixed UTC offset, which Brussels does not have all year, so it is left out.
import { parseOpeningHours, type ScheduleRule, type Weekday } from '../schedule/index.ts';
import { derivedId } from './ids.ts';
import type { HsdsObject } from './types.ts';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const KIND_TEXT: Record<string, string> = {
	by_appointment: 'By appointment',
	irregular: 'Irregular times'
};

function clock(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function daysOf(rule: ScheduleRule): Weekday[] | null {
	if (rule.days.length === 0) return [0, 1, 2, 3, 4, 5, 6];
	const days: Weekday[] = [];
	for (const day of rule.days) {
		if (day.kind !== 'weekday') return null;
		for (let d = day.from; ; d = ((d + 1) % 7) as Weekday) {
			days.push(d);
			if (d === day.to) break;
		}
	}
	return days;
}

type Opening = { freq: 'WEEKLY' | 'MONTHLY'; byday: string; opens: number; closes: number };

/** The rules as openings, or null when one of them cannot be said faithfully in iCalendar. */
function openingsOf(rules: ScheduleRule[]): Opening[] | null {
	const openings: Opening[] = [];
	const taken = new Set<Weekday>();
	for (const rule of rules) {
		if (rule.state !== 'open' || rule.comment !== null) return null;
		if (rule.months.length || rule.dates.length || rule.weeks.length) return null;
		if (rule.times.length === 0) return null;
		const days = daysOf(rule);
		if (!days) return null;
		// A later rule replaces earlier ones on its days unless it follows a comma.
		if (!rule.additional && days.some((d) => taken.has(d))) return null;
		days.forEach((d) => taken.add(d));
		const nth =
			rule.days.length === 1 && rule.days[0]?.kind === 'weekday' ? rule.days[0].nth : null;
		const byday = nth
			? nth.map((n) => `${n}${BYDAY[days[0]!]}`).join(',')
			: days.map((d) => BYDAY[d]).join(',');
		for (const span of rule.times) {
			if (span.endMinutes <= span.startMinutes || span.endMinutes > 24 * 60) return null;
			openings.push({
				freq: nth ? 'MONTHLY' : 'WEEKLY',
				byday,
				opens: span.startMinutes,
				closes: span.endMinutes
			});
		}
	}
	return openings;
}

/**
 * The HSDS schedules of a service: one per recurring opening when the text maps faithfully,
 * else one with the original text only; none when the service states no schedule at all.
 *
 * @example toSchedules({ serviceId, text: 'Mo,We 14:00-17:00', kind: 'hours' })
 * // [{ id, service_id, freq: 'WEEKLY', byday: 'MO,WE', opens_at: '14:00', closes_at: '17:00',
 * //    wkst: 'MO', description: 'Mo,We 14:00-17:00' }]
 */
export function toSchedules(input: {
	serviceId: string;
	text: string | null;
	kind: string;
}): HsdsObject[] {
	const { serviceId, text, kind } = input;
	const description = text ?? KIND_TEXT[kind];
	if (!description) return [];
	const base = { service_id: serviceId, description };
	const parsed = text ? parseOpeningHours(text) : null;
	const openings = parsed?.ok ? openingsOf(parsed.schedule.rules) : null;
	if (!openings || openings.length === 0) {
		return [
			{
				id: derivedId('schedule', serviceId, 0),
				...base,
				...(kind === 'by_appointment' ? { attending_type: 'by appointment' } : {})
			}
		];
	}
	return openings.map((o, i) => ({
		id: derivedId('schedule', serviceId, i),
		...base,
		freq: o.freq,
		wkst: 'MO',
		byday: o.byday,
		opens_at: clock(o.opens),
		closes_at: clock(o.closes)
	}));
}
