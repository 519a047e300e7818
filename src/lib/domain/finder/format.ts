// Dates and times as the finder shows them, always in Brussels time.

import { BRUSSELS_TIME_ZONE as TIME_ZONE } from '../schedule/brussels-time.ts';

/** The Intl locale for an interface locale: Belgian French and Dutch, British English. */
export function intlLocale(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale === 'nl' ? 'nl-BE' : locale === 'fr' ? 'fr-BE' : locale;
}

/**
 * When an opening period starts, relative to `now`: a time today, else weekday and time.
 *
 * @example openingText(new Date('2026-11-24T09:00:00Z'), new Date('2026-11-23T12:00:00Z'), 'fr')
 * // 'mardi 10:00'
 */
export function openingText(opensAt: Date, now: Date, locale: string): string {
	const day = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
	const time = opensAt.toLocaleTimeString(intlLocale(locale), {
		timeZone: TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit'
	});
	if (day(opensAt) === day(now)) return time;
	const weekday = opensAt.toLocaleDateString(intlLocale(locale), {
		timeZone: TIME_ZONE,
		weekday: 'long'
	});
	return `${weekday} ${time}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) in words.
 *
 * @example dateText('2026-03-05', 'nl') // '5 maart 2026'
 */
export function dateText(isoDate: string, locale: string): string {
	const [year = 1970, month = 1, day = 1] = isoDate.slice(0, 10).split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(intlLocale(locale), {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}
