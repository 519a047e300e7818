// Belgian public holidays. Only the ten legal holidays that apply nationwide are counted: regional
// and community days (8 May, 11 July, 27 September, 15 November) close public offices only, so a
// `PH off` rule should not close a self-organisation on those days.

/**
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 *
 * @example easterSunday(2026) // { year: 2026, month: 4, day: 5 }
 */
export function easterSunday(year: number): { year: number; month: number; day: number } {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return { year, month, day };
}

function isoDate(year: number, month: number, day: number): string {
	// Date.UTC normalises overflowing days (Easter + 50) into the right month.
	return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

const cache = new Map<number, ReadonlySet<string>>();

/**
 * The Belgian legal public holidays of a year as `YYYY-MM-DD` dates: New Year, Easter Monday,
 * Labour Day, Ascension, Whit Monday, National Day, Assumption, All Saints, Armistice, Christmas.
 *
 * @example belgianPublicHolidays(2026).has('2026-04-06') // true (Easter Monday)
 */
export function belgianPublicHolidays(year: number): ReadonlySet<string> {
	const cached = cache.get(year);
	if (cached) return cached;
	const easter = easterSunday(year);
	const holidays = new Set([
		isoDate(year, 1, 1),
		isoDate(year, easter.month, easter.day + 1),
		isoDate(year, 5, 1),
		isoDate(year, easter.month, easter.day + 39),
		isoDate(year, easter.month, easter.day + 50),
		isoDate(year, 7, 21),
		isoDate(year, 8, 15),
		isoDate(year, 11, 1),
		isoDate(year, 11, 11),
		isoDate(year, 12, 25)
	]);
	cache.set(year, holidays);
	return holidays;
}

/**
 * Whether a calendar date (as written on a Brussels calendar) is a Belgian public holiday.
 *
 * @example isBelgianPublicHoliday({ year: 2026, month: 7, day: 21 }) // true
 */
export function isBelgianPublicHoliday(date: {
	year: number;
	month: number;
	day: number;
}): boolean {
	return belgianPublicHolidays(date.year).has(isoDate(date.year, date.month, date.day));
}
