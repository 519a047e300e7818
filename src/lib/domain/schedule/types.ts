// The structure behind an OSM `opening_hours` string, restricted to the subset small organisations
// write. It is plain data so that an editor can build it and `formatOpeningHours` can write it back.

/** Day of the week in OSM order: 0 = Monday … 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Month of the year, 1 = January … 12 = December. */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * A time span in minutes after local midnight. `endMinutes` is at most 2880 (48:00). A span whose
 * end is not after its start (`20:00-02:00`) or whose end passes 24:00 (`20:00-26:00`) runs past
 * midnight into the next day. Both forms are kept as written so that formatting round-trips.
 */
export interface TimeSpan {
	startMinutes: number;
	endMinutes: number;
}

/** An inclusive month range; `from > to` wraps over the new year (`Sep-Jun`). */
export interface MonthRange {
	from: Month;
	to: Month;
}

/** A calendar date in a rule; `year` is null for a date that comes back every year (`Dec 24`). */
export interface RuleDate {
	year: number | null;
	month: Month;
	day: number;
}

/**
 * An inclusive range of dates (`Jul 15-Aug 15`, `Dec 24`, `2026 Dec 24-2027 Jan 2`). Without years,
 * `from` after `to` wraps over the new year (`Dec 24-Jan 2`); with years, both ends carry one and
 * `from` is never after `to`.
 */
export interface DateRange {
	from: RuleDate;
	to: RuleDate;
}

/** An inclusive range of ISO 8601 week numbers (`week 1-26`), 1 … 53; `from > to` wraps. */
export interface WeekRange {
	from: number;
	to: number;
}

/**
 * A day selector: a weekday range (`Mo-Fr`, wrapping like `Fr-Mo`), optionally restricted to the nth
 * occurrences in the month (`We[1,3]`, `Sa[-1]`, only on a single weekday), or the Belgian public
 * holidays (`PH`).
 */
export type DaySelector =
	{ kind: 'weekday'; from: Weekday; to: Weekday; nth: number[] | null } | { kind: 'holiday' };

/**
 * One rule between semicolons. `state` is `open` when times are given or when the rule is a bare
 * selector (open all day); `closed` for `off`/`closed`; `unknown` for a rule that only carries a
 * comment (`"by appointment"`) or says `unknown`.
 */
export interface ScheduleRule {
	/**
	 * True when the rule follows the previous one after a comma (OSM "additional rule",
	 * `Mo 10:00-12:00, We 14:00-16:00`): it adds to the hours of the days it matches instead of
	 * replacing them. Always false for the first rule.
	 */
	additional: boolean;
	/** Whole months; together with `dates` they form one selector: a day matches either. */
	months: MonthRange[];
	dates: DateRange[];
	weeks: WeekRange[];
	days: DaySelector[];
	times: TimeSpan[];
	state: 'open' | 'closed' | 'unknown';
	comment: string | null;
}

/**
 * A parsed opening-hours string: rules in order; a later rule replaces earlier ones on the days it
 * matches, unless it is `additional`.
 */
export interface Schedule {
	rules: ScheduleRule[];
}

/** Stable codes for parse errors, to be translated by the UI. */
export type ScheduleErrorCode =
	| 'empty'
	| 'unexpected_character'
	| 'unknown_keyword'
	| 'invalid_time'
	| 'empty_time_span'
	| 'invalid_nth'
	| 'invalid_date'
	| 'invalid_week'
	| 'nth_needs_single_weekday'
	| 'unterminated_comment'
	| 'times_with_closed'
	| 'unsupported_syntax';

/** A parse error: a code to translate and the 0-based character offset where it was found. */
export interface ScheduleParseError {
	code: ScheduleErrorCode;
	position: number;
	/** The offending text, for display next to the translated message. */
	found: string;
}

export type ScheduleParseResult =
	{ ok: true; schedule: Schedule } | { ok: false; error: ScheduleParseError };

/** An opening period as real instants. */
export interface OpeningPeriod {
	opensAt: Date;
	closesAt: Date;
}
