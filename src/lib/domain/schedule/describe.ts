// Human sentences for a schedule in French, Dutch or English. Day and month names come from Intl so
// they follow the platform's CLDR data; the connecting words are ours.

import type { Locale } from '#lib/i18n/locales.ts';
import type {
	DateRange,
	DaySelector,
	MonthRange,
	RuleDate,
	Schedule,
	ScheduleRule,
	TimeSpan,
	WeekRange
} from './types.ts';

/** The interface languages of Nabij. */
export type ScheduleLocale = Locale;

interface Words {
	range: (from: string, to: string) => string;
	monthRange: (from: string, to: string) => string;
	dateRange: (from: string, to: string) => string;
	weeks: (list: string, plural: boolean) => string;
	weekRange: (from: number, to: number) => string;
	and: string;
	nth: (ordinals: string, weekday: string) => string;
	ordinal: (n: number) => string;
	holidays: string;
	everyDay: string;
	allDay: string;
	closed: string;
	unknown: string;
	alwaysOpen: string;
	clock: (hours: number, minutes: number) => string;
}

const WORDS: Record<ScheduleLocale, Words> = {
	en: {
		range: (from, to) => `${from} to ${to}`,
		monthRange: (from, to) => `${from} to ${to}`,
		dateRange: (from, to) => `${from} to ${to}`,
		weeks: (list, plural) => `${plural ? 'weeks' : 'week'} ${list}`,
		weekRange: (from, to) => `${from} to ${to}`,
		and: 'and',
		nth: (ordinals, weekday) => `${ordinals} ${weekday} of the month`,
		ordinal: (n) =>
			n > 0
				? (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? String(n))
				: (['last', 'second to last', 'third to last', 'fourth to last', 'fifth to last'][-n - 1] ??
					String(n)),
		holidays: 'public holidays',
		everyDay: 'every day',
		allDay: 'all day',
		closed: 'closed',
		unknown: 'hours not fixed',
		alwaysOpen: 'open 24 hours a day, 7 days a week',
		clock: (h, m) => `${h}:${String(m).padStart(2, '0')}`
	},
	fr: {
		range: (from, to) => `du ${from} au ${to}`,
		monthRange: (from, to) => `de ${from} à ${to}`,
		dateRange: (from, to) => `du ${from} au ${to}`,
		weeks: (list, plural) => `${plural ? 'semaines' : 'semaine'} ${list}`,
		weekRange: (from, to) => `${from} à ${to}`,
		and: 'et',
		nth: (ordinals, weekday) => `${ordinals} ${weekday} du mois`,
		ordinal: (n) =>
			n > 0
				? (['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième'][n - 1] ?? String(n))
				: ([
						'dernier',
						'avant-dernier',
						'antépénultième',
						'quatrième avant la fin',
						'cinquième avant la fin'
					][-n - 1] ?? String(n)),
		holidays: 'jours fériés',
		everyDay: 'tous les jours',
		allDay: 'toute la journée',
		closed: 'fermé',
		unknown: 'horaire non fixé',
		alwaysOpen: 'ouvert 24 h sur 24, 7 jours sur 7',
		clock: (h, m) => `${h}h${String(m).padStart(2, '0')}`
	},
	nl: {
		range: (from, to) => `${from} tot ${to}`,
		monthRange: (from, to) => `${from} tot ${to}`,
		dateRange: (from, to) => `${from} tot ${to}`,
		weeks: (list, plural) => `${plural ? 'weken' : 'week'} ${list}`,
		weekRange: (from, to) => `${from} tot ${to}`,
		and: 'en',
		nth: (ordinals, weekday) => `${ordinals} ${weekday} van de maand`,
		ordinal: (n) =>
			n > 0
				? (['eerste', 'tweede', 'derde', 'vierde', 'vijfde'][n - 1] ?? String(n))
				: (['laatste', 'voorlaatste', 'derde laatste', 'vierde laatste', 'vijfde laatste'][
						-n - 1
					] ?? String(n)),
		holidays: 'feestdagen',
		everyDay: 'elke dag',
		allDay: 'de hele dag',
		closed: 'gesloten',
		unknown: 'geen vaste uren',
		alwaysOpen: '24 uur per dag, 7 dagen per week open',
		clock: (h, m) => `${h}.${String(m).padStart(2, '0')}`
	}
};

const nameCache = new Map<string, string[]>();

function names(locale: ScheduleLocale, kind: 'weekday' | 'month'): string[] {
	const key = `${locale}:${kind}`;
	const cached = nameCache.get(key);
	if (cached) return cached;
	const result =
		kind === 'weekday'
			? // 1 January 2024 was a Monday.
				Array.from({ length: 7 }, (_, i) =>
					new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
						new Date(Date.UTC(2024, 0, 1 + i))
					)
				)
			: Array.from({ length: 12 }, (_, i) =>
					new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
						new Date(Date.UTC(2024, i, 15))
					)
				);
	nameCache.set(key, result);
	return result;
}

function joinList(items: string[], words: Words): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${words.and} ${items[items.length - 1]}`;
}

function describeDay(day: DaySelector, locale: ScheduleLocale): string {
	const words = WORDS[locale];
	if (day.kind === 'holiday') return words.holidays;
	const weekdays = names(locale, 'weekday');
	const from = weekdays[day.from] ?? '';
	if (day.nth) return words.nth(joinList(day.nth.map(words.ordinal), words), from);
	if (day.from === day.to) return from;
	if ((day.to - day.from + 7) % 7 === 6) return words.everyDay;
	// Two days read better as a pair than as a range ("Saturday and Sunday").
	if ((day.to - day.from + 7) % 7 === 1) return `${from} ${words.and} ${weekdays[day.to] ?? ''}`;
	return words.range(from, weekdays[day.to] ?? '');
}

function describeMonths(months: MonthRange[], locale: ScheduleLocale): string {
	const monthNames = names(locale, 'month');
	const words = WORDS[locale];
	return joinList(
		months.map(({ from, to }) =>
			from === to
				? (monthNames[from - 1] ?? '')
				: words.monthRange(monthNames[from - 1] ?? '', monthNames[to - 1] ?? '')
		),
		words
	);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function describeDate(date: RuleDate, locale: ScheduleLocale): string {
	const key = `${locale}:${date.year === null ? '' : 'y'}`;
	let format = dateFormats.get(key);
	if (!format) {
		// British English writes the day before the month, as French and Dutch do.
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
			day: 'numeric',
			month: 'long',
			...(date.year === null ? {} : { year: 'numeric' }),
			timeZone: 'UTC'
		});
		dateFormats.set(key, format);
	}
	// A leap year, so that 29 February reads as written.
	return format.format(new Date(Date.UTC(date.year ?? 2024, date.month - 1, date.day)));
}

function describeDates(dates: DateRange[], locale: ScheduleLocale): string[] {
	const words = WORDS[locale];
	return dates.map(({ from, to }) =>
		from.year === to.year && from.month === to.month && from.day === to.day
			? describeDate(from, locale)
			: words.dateRange(describeDate(from, locale), describeDate(to, locale))
	);
}

function describeWeeks(weeks: WeekRange[], locale: ScheduleLocale): string {
	const words = WORDS[locale];
	const items = weeks.map(({ from, to }) =>
		from === to ? String(from) : words.weekRange(from, to)
	);
	return words.weeks(joinList(items, words), weeks.length > 1 || weeks[0]?.from !== weeks[0]?.to);
}

function describeTime(span: TimeSpan, words: Words): string {
	const clock = (minutes: number) => {
		// Past-midnight ends are shown as the clock reads them (26:00 → 2:00).
		const wrapped = minutes % 1440 === 0 && minutes > 0 ? 1440 : minutes % 1440;
		return words.clock(Math.floor(wrapped / 60), wrapped % 60);
	};
	return `${clock(span.startMinutes)}–${clock(span.endMinutes)}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function describeRule(rule: ScheduleRule, locale: ScheduleLocale): string {
	const words = WORDS[locale];
	const selectors: string[] = [];
	if (rule.months.length > 0 || rule.dates.length > 0) {
		const months = rule.months.length > 0 ? [describeMonths(rule.months, locale)] : [];
		selectors.push(joinList([...months, ...describeDates(rule.dates, locale)], words));
	}
	if (rule.weeks.length > 0) selectors.push(describeWeeks(rule.weeks, locale));
	if (rule.days.length > 0) {
		selectors.push(
			joinList(
				rule.days.map((d) => describeDay(d, locale)),
				words
			)
		);
	}
	let what: string;
	if (rule.state === 'closed') what = words.closed;
	else if (rule.state === 'unknown') what = rule.comment === null ? words.unknown : '';
	else if (rule.times.length > 0)
		what = joinList(
			rule.times.map((t) => describeTime(t, words)),
			words
		);
	else what = selectors.length === 0 ? words.alwaysOpen : words.allDay;
	const comment = rule.comment === null ? '' : `“${rule.comment}”`;
	const text = [selectors.join(', '), what, comment].filter((part) => part !== '').join(', ');
	return capitalise(text);
}

/**
 * One human sentence per rule, in French, Dutch or English.
 *
 * @example describeSchedule(parsed('Mo-Fr 09:00-12:00,13:30-17:00'), 'en')
 * // ['Monday to Friday, 9:00–12:00 and 13:30–17:00']
 * @example describeSchedule(parsed('Mo-Fr 09:00-12:00,13:30-17:00'), 'fr')
 * // ['Du lundi au vendredi, 9h00–12h00 et 13h30–17h00']
 */
export function describeSchedule(schedule: Schedule, locale: ScheduleLocale): string[] {
	return schedule.rules.map((rule) => describeRule(rule, locale));
}
