// A hand-written parser and formatter for the part of the OSM `opening_hours` syntax that small
// organisations use. User input never throws: every failure is a typed error with a position.

import { memo } from '../memo.ts';
import type {
	DateRange,
	DaySelector,
	Month,
	MonthRange,
	Schedule,
	ScheduleErrorCode,
	ScheduleParseResult,
	RuleDate,
	ScheduleRule,
	TimeSpan,
	WeekRange,
	Weekday
} from './types.ts';

/** OSM weekday abbreviations, index = {@link Weekday}. */
export const WEEKDAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
/** OSM month abbreviations, index + 1 = {@link Month}. */
export const MONTH_CODES = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
] as const;

/** Latest end time accepted, in minutes (48:00, the OSM limit for extended times). */
export const MAX_END_MINUTES = 48 * 60;

const WEEKDAY_BY_WORD = new Map<string, Weekday>(
	WEEKDAY_CODES.map((code, index) => [code.toLowerCase(), index as Weekday])
);
const MONTH_BY_WORD = new Map<string, Month>(
	MONTH_CODES.map((code, index) => [code.toLowerCase(), (index + 1) as Month])
);
// Sticky patterns, matched at the cursor without copying the rest of the text.
const WORD = /[A-Za-z]+/y;
const WORD_AFTER_COMMA = /,\s*([A-Za-z]+)/y;
const INTEGER = /-?\d+/y;
const CLOCK = /(\d{1,2}):(\d{2})/y;
const CLOCK_JUNK = /[\d:]+/y;
const COMMA_THEN_RULE = /,\s*(?:[A-Za-z"]|24\/7|\d{4}\s+[A-Za-z])/y;
const STATE_WORDS = new Set(['open', 'off', 'closed', 'unknown']);
// Recognised OSM words outside the subset: reported as unsupported rather than as typos.
const UNSUPPORTED_WORDS = new Set(['sh', 'easter', 'sunrise', 'sunset', 'dawn', 'dusk']);

class ParseFailure {
	code: ScheduleErrorCode;
	position: number;
	found: string;
	constructor(code: ScheduleErrorCode, position: number, found: string) {
		this.code = code;
		this.position = position;
		this.found = found;
	}
}

class Cursor {
	text: string;
	pos = 0;
	constructor(text: string) {
		this.text = text;
	}
	skipSpaces() {
		while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
	}
	/** Matches a sticky regular expression at the cursor without consuming. */
	match(pattern: RegExp): RegExpExecArray | null {
		pattern.lastIndex = this.pos;
		return pattern.exec(this.text);
	}
	peek(): string {
		return this.text[this.pos] ?? '';
	}
	atEnd() {
		return this.pos >= this.text.length;
	}
	/** The letters starting at the cursor, lower-cased, without consuming them. */
	peekWord(): string {
		const match = this.match(WORD);
		return match ? match[0].toLowerCase() : '';
	}
	fail(code: ScheduleErrorCode, position = this.pos, length = 1): never {
		throw new ParseFailure(code, position, this.text.slice(position, position + length));
	}
}

// A month word, optionally after a four-digit year: where a month or date selector starts.
const YEAR_THEN_MONTH = /(\d{4})\s+([A-Za-z]+)/y;
// A day of the month after a month word; not the hour of a time span (`Jan 10:00-12:00`).
const DAY_OF_MONTH = /\s*(\d{1,2})(?![\d:])/y;
const WEEK_NUMBER = /0?(\d{1,2})/y;

/** True when a month or date selector starts at the cursor (`Jul`, `2026 Dec`). */
function atMonthOrDate(cursor: Cursor): boolean {
	if (MONTH_BY_WORD.has(cursor.peekWord())) return true;
	const match = cursor.match(YEAR_THEN_MONTH);
	return match !== null && MONTH_BY_WORD.has(match[2]?.toLowerCase() ?? '');
}

function daysInMonth(year: number | null, month: Month): number {
	// A date that comes back every year may be 29 February.
	return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

/** Reads `[YYYY] Mon` at the cursor; the year is null when absent. */
function parseYearMonth(cursor: Cursor): { year: number | null; month: Month } {
	let year: number | null = null;
	const withYear = cursor.match(YEAR_THEN_MONTH);
	if (withYear && MONTH_BY_WORD.has(withYear[2]?.toLowerCase() ?? '')) {
		year = Number(withYear[1]);
		cursor.pos += withYear[0].length - (withYear[2]?.length ?? 0);
	}
	const word = cursor.peekWord();
	const month = MONTH_BY_WORD.get(word);
	if (month === undefined || word.length !== 3) {
		cursor.fail('unknown_keyword', cursor.pos, word.length || 1);
	}
	cursor.pos += 3;
	return { year, month };
}

/** Reads the day after a month word, or null when none follows. */
function parseDayOfMonth(cursor: Cursor, year: number | null, month: Month): number | null {
	const match = cursor.match(DAY_OF_MONTH);
	if (!match) return null;
	const day = Number(match[1]);
	if (day < 1 || day > daysInMonth(year, month)) {
		cursor.fail('invalid_date', cursor.pos, match[0].length);
	}
	cursor.pos += match[0].length;
	return day;
}

function dateKey(date: RuleDate): number {
	return (date.year ?? 0) * 10_000 + date.month * 100 + date.day;
}

/** Reads a comma list of whole months (`Jul-Aug`) and dates (`Dec 24`, `Jul 15-Aug 15`). */
function parseMonthsAndDates(cursor: Cursor): { months: MonthRange[]; dates: DateRange[] } {
	const start = cursor.pos;
	const result = parseMonthAndDateList(cursor);
	// The standard syntax has a dated range on its own, not in a list (`2026 Dec 24,Jan`).
	if (
		result.dates.some((d) => d.from.year !== null) &&
		result.months.length + result.dates.length > 1
	) {
		cursor.fail('unsupported_syntax', start, cursor.pos - start);
	}
	return result;
}

function parseMonthAndDateList(cursor: Cursor): { months: MonthRange[]; dates: DateRange[] } {
	const months: MonthRange[] = [];
	const dates: DateRange[] = [];
	for (;;) {
		const itemStart = cursor.pos;
		const start = parseYearMonth(cursor);
		const day = parseDayOfMonth(cursor, start.year, start.month);
		if (day === null) {
			if (start.year !== null) cursor.fail('unsupported_syntax', itemStart, cursor.pos - itemStart);
			let to = start.month;
			if (cursor.peek() === '-') {
				cursor.pos++;
				const end = parseYearMonth(cursor);
				if (end.year !== null || cursor.match(DAY_OF_MONTH)) {
					cursor.fail('invalid_date', itemStart, cursor.pos - itemStart);
				}
				to = end.month;
			}
			months.push({ from: start.month, to });
		} else {
			const from: RuleDate = { year: start.year, month: start.month, day };
			let to = from;
			if (cursor.peek() === '-') {
				cursor.pos++;
				if (/\d/.test(cursor.peek()) && !atMonthOrDate(cursor)) {
					// `Dec 24-26`: the end is in the same month.
					to = { ...from, day: parseDayOfMonth(cursor, from.year, from.month) ?? 0 };
					if (to.day === 0) cursor.fail('invalid_date', itemStart, cursor.pos - itemStart);
				} else {
					const end = parseYearMonth(cursor);
					const endDay = parseDayOfMonth(cursor, end.year ?? from.year, end.month);
					if (endDay === null) cursor.fail('invalid_date', itemStart, cursor.pos - itemStart);
					// A year on one end only: the other end is in the same year.
					to = { year: end.year ?? from.year, month: end.month, day: endDay };
				}
			}
			const dated = from.year !== null || to.year !== null;
			if (dated && from.year === null)
				cursor.fail('invalid_date', itemStart, cursor.pos - itemStart);
			// A range may wrap over the new year, but not from late in a month to early in the same one.
			const backwards = !dated && from.month === to.month && from.day > to.day;
			if ((dated && dateKey(from) > dateKey(to)) || backwards) {
				cursor.fail('invalid_date', itemStart, cursor.pos - itemStart);
			}
			dates.push({ from, to });
		}
		if (cursor.peek() !== ',') return { months, dates };
		const comma = cursor.pos;
		cursor.pos++;
		cursor.skipSpaces();
		if (!atMonthOrDate(cursor)) {
			cursor.pos = comma;
			return { months, dates };
		}
	}
}

/** Reads `week 1-26` (the keyword included): a comma list of ISO week numbers and ranges. */
function parseWeeks(cursor: Cursor): WeekRange[] {
	cursor.pos += 4;
	cursor.skipSpaces();
	const weeks: WeekRange[] = [];
	const number = () => {
		const start = cursor.pos;
		const match = cursor.match(WEEK_NUMBER);
		if (!match) cursor.fail('invalid_week');
		const value = Number(match[1]);
		if (value < 1 || value > 53) cursor.fail('invalid_week', start, match[0].length);
		cursor.pos += match[0].length;
		return value;
	};
	for (;;) {
		const from = number();
		let to = from;
		if (cursor.peek() === '-') {
			cursor.pos++;
			to = number();
		}
		if (cursor.peek() === '/') cursor.fail('unsupported_syntax');
		weeks.push({ from, to });
		if (cursor.peek() !== ',' || !/\d/.test(cursor.text[cursor.pos + 1] ?? '')) return weeks;
		cursor.pos++;
	}
}

function peekWordAfterComma(cursor: Cursor): string {
	const match = cursor.match(WORD_AFTER_COMMA);
	return match?.[1]?.toLowerCase() ?? '';
}

function parseInteger(cursor: Cursor): number {
	const match = cursor.match(INTEGER);
	if (!match) cursor.fail('invalid_nth');
	cursor.pos += match[0].length;
	return Number(match[0]);
}

function parseNth(cursor: Cursor): number[] {
	const start = cursor.pos;
	cursor.pos++; // '['
	const values = new Set<number>();
	for (;;) {
		cursor.skipSpaces();
		const itemStart = cursor.pos;
		const first = parseInteger(cursor);
		let last = first;
		if (cursor.peek() === '-' && first > 0) {
			cursor.pos++;
			last = parseInteger(cursor);
		}
		const valid = (n: number) => n !== 0 && n >= -5 && n <= 5;
		if (!valid(first) || !valid(last) || (first > 0 && last < first)) {
			cursor.fail('invalid_nth', itemStart, cursor.pos - itemStart);
		}
		for (let n = first; n <= last; n++) values.add(n);
		cursor.skipSpaces();
		if (cursor.peek() === ',') {
			cursor.pos++;
			continue;
		}
		if (cursor.peek() === ']') {
			cursor.pos++;
			break;
		}
		cursor.fail(
			cursor.atEnd() ? 'invalid_nth' : 'unexpected_character',
			cursor.atEnd() ? start : cursor.pos
		);
	}
	// Positive occurrences first, then counted from the end: one canonical order for round trips.
	return [...values].sort((a, b) => (a > 0 === b > 0 ? Math.abs(a) - Math.abs(b) : b - a));
}

function parseDays(cursor: Cursor): DaySelector[] {
	const days: DaySelector[] = [];
	for (;;) {
		const word = cursor.peekWord();
		const wordStart = cursor.pos;
		if (word === 'ph') {
			cursor.pos += 2;
			days.push({ kind: 'holiday' });
		} else {
			const from = WEEKDAY_BY_WORD.get(word);
			if (from === undefined) {
				cursor.fail(
					UNSUPPORTED_WORDS.has(word) ? 'unsupported_syntax' : 'unknown_keyword',
					wordStart,
					word.length || 1
				);
			}
			cursor.pos += 2;
			let to = from;
			let nth: number[] | null = null;
			if (cursor.peek() === '-' && /[A-Za-z]/.test(cursor.text[cursor.pos + 1] ?? '')) {
				cursor.pos++;
				const endWord = cursor.peekWord();
				const end = WEEKDAY_BY_WORD.get(endWord);
				if (end === undefined) cursor.fail('unknown_keyword', cursor.pos, endWord.length);
				cursor.pos += 2;
				to = end;
			}
			if (cursor.peek() === '[') {
				if (to !== from) cursor.fail('nth_needs_single_weekday', wordStart, cursor.pos - wordStart);
				nth = parseNth(cursor);
			}
			days.push({ kind: 'weekday', from, to, nth });
		}
		const next = peekWordAfterComma(cursor);
		if (cursor.peek() !== ',' || !(next === 'ph' || WEEKDAY_BY_WORD.has(next))) return days;
		cursor.pos++;
		cursor.skipSpaces();
	}
}

function parseClock(cursor: Cursor, maxMinutes: number): number {
	const start = cursor.pos;
	const match = cursor.match(CLOCK);
	if (!match) {
		const junk = cursor.match(CLOCK_JUNK);
		cursor.fail('invalid_time', start, junk ? junk[0].length : 1);
	}
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	if (Number(match[2]) > 59 || minutes > maxMinutes)
		cursor.fail('invalid_time', start, match[0].length);
	cursor.pos += match[0].length;
	return minutes;
}

function parseTimes(cursor: Cursor): TimeSpan[] {
	const spans: TimeSpan[] = [];
	for (;;) {
		const spanStart = cursor.pos;
		// A span starts before 24:00; only its end may use extended times up to 48:00.
		const startMinutes = parseClock(cursor, 24 * 60 - 1);
		if (cursor.peek() === '+') cursor.fail('unsupported_syntax');
		if (cursor.peek() !== '-')
			cursor.fail(cursor.atEnd() ? 'invalid_time' : 'unexpected_character');
		cursor.pos++;
		const endMinutes = parseClock(cursor, MAX_END_MINUTES);
		if (endMinutes === startMinutes || endMinutes - startMinutes > 24 * 60) {
			cursor.fail('empty_time_span', spanStart, cursor.pos - spanStart);
		}
		spans.push({ startMinutes, endMinutes });
		cursor.skipSpaces();
		// A comma followed by a word, a comment, 24/7 or a year starts an additional rule, not a time
		// span.
		if (cursor.peek() !== ',' || cursor.match(COMMA_THEN_RULE)) return spans;
		cursor.pos++;
		cursor.skipSpaces();
	}
}

function parseRule(cursor: Cursor, additional: boolean): ScheduleRule | null {
	cursor.skipSpaces();
	const ruleStart = cursor.pos;
	const rule: ScheduleRule = {
		additional,
		months: [],
		dates: [],
		weeks: [],
		days: [],
		times: [],
		state: 'open',
		comment: null
	};
	let keyword: string | null = null;
	if (cursor.text.startsWith('24/7', cursor.pos)) {
		cursor.pos += 4;
		keyword = 'open';
	} else {
		if (atMonthOrDate(cursor)) {
			Object.assign(rule, parseMonthsAndDates(cursor));
			cursor.skipSpaces();
		}
		if (cursor.peekWord() === 'week') {
			rule.weeks = parseWeeks(cursor);
			cursor.skipSpaces();
		}
		const word = cursor.peekWord();
		if (word && !STATE_WORDS.has(word)) {
			rule.days = parseDays(cursor);
			cursor.skipSpaces();
		}
		// "Mo-Fr: 09:00-12:00" is a frequent way of writing it; accept the colon.
		if (cursor.peek() === ':' && cursor.pos > ruleStart) {
			cursor.pos++;
			cursor.skipSpaces();
		}
		if (/\d/.test(cursor.peek())) rule.times = parseTimes(cursor);
	}
	cursor.skipSpaces();
	const word = cursor.peekWord();
	if (STATE_WORDS.has(word) && keyword === null) {
		keyword = word;
		if (rule.times.length > 0 && keyword !== 'open') {
			cursor.fail('times_with_closed', cursor.pos, word.length);
		}
		cursor.pos += word.length;
		cursor.skipSpaces();
	} else if (word) {
		cursor.fail(
			UNSUPPORTED_WORDS.has(word) ? 'unsupported_syntax' : 'unknown_keyword',
			cursor.pos,
			word.length
		);
	}
	if (cursor.peek() === '"') {
		const close = cursor.text.indexOf('"', cursor.pos + 1);
		if (close < 0) cursor.fail('unterminated_comment', cursor.pos, cursor.text.length - cursor.pos);
		rule.comment = cursor.text.slice(cursor.pos + 1, close);
		cursor.pos = close + 1;
		cursor.skipSpaces();
	}
	if (cursor.text.startsWith('||', cursor.pos)) cursor.fail('unsupported_syntax', cursor.pos, 2);
	const end = cursor.peek();
	if (!cursor.atEnd() && end !== ';' && end !== ',') cursor.fail('unexpected_character');
	if (cursor.pos === ruleStart) {
		// An empty rule is harmless after a semicolon, but a dangling comma is a typo.
		if (additional || end === ',') cursor.fail('unexpected_character');
		return null;
	}
	if (keyword === 'off' || keyword === 'closed') rule.state = 'closed';
	else if (keyword === 'unknown') rule.state = 'unknown';
	else if (keyword === null && rule.comment !== null && rule.times.length === 0) {
		// OSM: a rule that only carries a comment ("by appointment") has an unknown state.
		rule.state = 'unknown';
	}
	return rule;
}

/**
 * The schedule a stored opening-hours text describes, or `null` when it does not parse; each
 * distinct text is parsed once (a results page reads the same few texts on every request).
 *
 * @example scheduleOfText('Mo-Fr 09:00-12:00')?.rules.length // 1
 */
export const scheduleOfText = memo(
	(text: string) => text,
	(text: string): Schedule | null => {
		const parsed = parseOpeningHours(text);
		return parsed.ok ? parsed.schedule : null;
	}
);

/**
 * Parses an OSM `opening_hours` string of the supported subset. Never throws on user input.
 *
 * Supported: weekday ranges and lists (`Mo-Fr`, `Mo,We`, `Fr-Mo`), nth weekday of the month
 * (`We[1,3]`, `Sa[-1]`), public holidays (`PH`), month ranges (`Sep-Jun`), dates and date ranges
 * (`Dec 24`, `Jul 15-Aug 15`, `Dec 24-26`, `2026 Dec 24-2027 Jan 2`), ISO weeks (`week 1-26`),
 * times and lists of times
 * (`09:00-12:00,13:30-17:00`), past midnight (`20:00-02:00`, `20:00-26:00`), `24/7`, `off`/`closed`,
 * `open`, `unknown`, comments (`"by appointment"`), rules separated by `;` and additional rules
 * after `,` (`Mo 10:00-12:00, We 14:00-16:00`).
 *
 * @example parseOpeningHours('Mo-Fr 09:00-12:00; PH off')
 * // { ok: true, schedule: { rules: [
 *   { days: [{ kind: 'weekday', from: 0, to: 4, nth: null }], … }, … ] } }
 * @example parseOpeningHours('Mo-Fr 25:00-26:00')
 * // { ok: false, error: { code: 'invalid_time', position: 6, found: '25:00' } }
 */
export function parseOpeningHours(text: string): ScheduleParseResult {
	// En and em dashes are what word processors put between times; treat them as hyphens.
	const cursor = new Cursor(text.replace(/[\u2013\u2014]/g, '-'));
	try {
		const rules: ScheduleRule[] = [];
		let additional = false;
		for (;;) {
			const rule = parseRule(cursor, additional && rules.length > 0);
			if (rule) rules.push(rule);
			if (cursor.atEnd()) break;
			additional = cursor.peek() === ',';
			cursor.pos++; // ';' or ','
		}
		if (rules.length === 0) return { ok: false, error: { code: 'empty', position: 0, found: '' } };
		return { ok: true, schedule: { rules } };
	} catch (failure) {
		if (failure instanceof ParseFailure) {
			const { code, position, found } = failure;
			return { ok: false, error: { code, position, found } };
		}
		throw failure;
	}
}

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}

/**
 * Formats minutes after midnight as `HH:MM` (`26:00` for extended times).
 *
 * @example formatClock(810) // '13:30'
 */
export function formatClock(minutes: number): string {
	return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function formatDay(day: DaySelector): string {
	if (day.kind === 'holiday') return 'PH';
	const range =
		day.from === day.to
			? WEEKDAY_CODES[day.from]
			: `${WEEKDAY_CODES[day.from]}-${WEEKDAY_CODES[day.to]}`;
	if (!day.nth) return range;
	const parts: string[] = [];
	const positives = day.nth.filter((n) => n > 0);
	// Collapse runs of consecutive positive occurrences into ranges (`[1-3]`).
	for (let i = 0; i < positives.length;) {
		let j = i;
		while (j + 1 < positives.length && positives[j + 1] === (positives[j] ?? 0) + 1) j++;
		parts.push(j > i + 1 ? `${positives[i]}-${positives[j]}` : positives.slice(i, j + 1).join(','));
		i = j + 1;
	}
	parts.push(...day.nth.filter((n) => n < 0).map(String));
	return `${range}[${parts.join(',')}]`;
}

function formatDate(date: RuleDate): string {
	return `${date.year === null ? '' : `${date.year} `}${MONTH_CODES[date.month - 1]} ${date.day}`;
}

function formatDateRange({ from, to }: DateRange): string {
	if (dateKey(from) === dateKey(to)) return formatDate(from);
	if (from.year === to.year && from.month === to.month) return `${formatDate(from)}-${to.day}`;
	// Both ends carry the year when there is one: `2026 Jul 15-Aug 15` is not standard syntax.
	return `${formatDate(from)}-${formatDate(to)}`;
}

function formatRule(rule: ScheduleRule, beforeAdditional: boolean): string {
	const parts: string[] = [];
	const wide = [
		...rule.months.map(({ from, to }) =>
			from === to ? MONTH_CODES[from - 1] : `${MONTH_CODES[from - 1]}-${MONTH_CODES[to - 1]}`
		),
		...rule.dates.map(formatDateRange)
	];
	if (wide.length > 0) parts.push(wide.join(','));
	if (rule.weeks.length > 0) {
		const weeks = rule.weeks.map(({ from, to }) => (from === to ? `${from}` : `${from}-${to}`));
		parts.push(`week ${weeks.join(',')}`);
	}
	if (rule.days.length > 0) parts.push(rule.days.map(formatDay).join(','));
	// After a comma, a rule starting with a time would read as one more time span.
	if (rule.additional && parts.length === 0 && rule.times.length > 0) parts.push('Mo-Su');
	const hasSelectors = parts.length > 0;
	if (rule.times.length > 0) {
		parts.push(
			rule.times.map((t) => `${formatClock(t.startMinutes)}-${formatClock(t.endMinutes)}`).join(',')
		);
	} else if (rule.state === 'open') {
		// A bare selector means open all day, but a comment alone would make the rule unknown, and
		// a comma after a bare selector would read as a longer list (`Mo, We 10:00-12:00`).
		if (!hasSelectors) parts.push('24/7');
		else if (rule.comment !== null || beforeAdditional) parts.push('open');
	} else if (rule.state === 'closed') {
		parts.push('off');
	} else if (rule.comment === null) {
		parts.push('unknown');
	}
	if (rule.comment !== null) parts.push(`"${rule.comment}"`);
	return parts.join(' ');
}

/**
 * Writes a schedule back as an OSM `opening_hours` string; `parseOpeningHours` of the result gives
 * the same structure. Limits: comments must not contain a double quote; the first rule is never
 * additional; an additional rule with times but no selector is written with `Mo-Su`.
 *
 * @example formatOpeningHours(schedule) // 'Mo-Fr 09:00-12:00,13:30-17:00; Sa 10:00-12:00; PH off'
 */
export function formatOpeningHours(schedule: Schedule): string {
	return schedule.rules
		.map((rule, index) => {
			const text = formatRule(rule, schedule.rules[index + 1]?.additional === true);
			if (index === 0) return text;
			return `${rule.additional ? ', ' : '; '}${text}`;
		})
		.join('');
}
