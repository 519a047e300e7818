// Dates and times as the finder shows them, always in Brussels time.

import { BRUSSELS_TIME_ZONE as TIME_ZONE } from '../schedule/brussels-time.ts';

/** The Intl locale for an interface locale: Belgian French and Dutch, British English. */
export function intlLocale(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale === 'nl' ? 'nl-BE' : locale === 'fr' ? 'fr-BE' : locale;
}

// Building an Intl formatter costs far more than using one, and a results page formats a date
// or time per card: one formatter per locale and kind, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, kind: string, options: Intl.DateTimeFormatOptions) {
	const key = `${locale} ${kind}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, found);
	}
	return found;
}

/**
 * When an opening period starts, relative to `now`: a time today, else weekday and time.
 *
 * @example openingText(new Date('2026-11-24T09:00:00Z'), new Date('2026-11-23T12:00:00Z'), 'fr')
 * // 'mardi 10:00'
 */
export function openingText(opensAt: Date, now: Date, locale: string): string {
	const days = formatter('en-CA', 'day', { timeZone: TIME_ZONE });
	const time = formatter(intlLocale(locale), 'time', {
		timeZone: TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit'
	}).format(opensAt);
	if (days.format(opensAt) === days.format(now)) return time;
	const weekday = formatter(intlLocale(locale), 'weekday', {
		timeZone: TIME_ZONE,
		weekday: 'long'
	}).format(opensAt);
	return `${weekday} ${time}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) in words.
 *
 * @example dateText('2026-03-05', 'nl') // '5 maart 2026'
 */
export function dateText(isoDate: string, locale: string): string {
	const [year = 1970, month = 1, day = 1] = isoDate.slice(0, 10).split('-').map(Number);
	return formatter(intlLocale(locale), 'date', {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date(Date.UTC(year, month - 1, day)));
}
