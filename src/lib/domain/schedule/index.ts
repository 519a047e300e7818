// Opening hours: parse, evaluate on Brussels time, describe and write back.

export * from './types.ts';
export {
	parseOpeningHours,
	formatOpeningHours,
	formatClock,
	WEEKDAY_CODES,
	MONTH_CODES
} from './parse.ts';
export {
	stateAt,
	isOpenAt,
	nextOpening,
	nextChange,
	LOOKAHEAD_DAYS,
	type ScheduleState
} from './evaluate.ts';
export { describeSchedule, type ScheduleLocale } from './describe.ts';
export { belgianPublicHolidays, isBelgianPublicHoliday, easterSunday } from './holidays.ts';
export { brusselsWallClock, brusselsInstant, BRUSSELS_TIME_ZONE } from './brussels-time.ts';
