// Dates and times as the finder shows them, always in Brussels time.

import { memo } from '../memo.ts';
import { brusselsWallClock, BRUSSELS_TIME_ZONE as TIME_ZONE } from '../schedule/brussels-time.ts';

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
	const opens = brusselsWallClock(opensAt);
	const today = brusselsWallClock(now);
	const sameDay =
		opens.year === today.year && opens.month === today.month && opens.day === today.day;
	return openingWords(opensAt.getTime(), sameDay, locale);
}

// The cards of a page, and the pages after it, open at the same few moments.
const openingWords = memo(
	(at: number, sameDay: boolean, locale: string) => `${locale} ${at} ${sameDay}`,
	(at: number, sameDay: boolean, locale: string) => {
		const time = formatter(intlLocale(locale), 'time', {
			timeZone: TIME_ZONE,
			hour: '2-digit',
			minute: '2-digit'
		}).format(at);
		if (sameDay) return time;
		const weekday = formatter(intlLocale(locale), 'weekday', {
			timeZone: TIME_ZONE,
			weekday: 'long'
		}).format(at);
		return `${weekday} ${time}`;
	}
);

/**
 * A calendar date (`YYYY-MM-DD`) in words.
 *
 * @example dateText('2026-03-05', 'nl') // '5 maart 2026'
 */
export function dateText(isoDate: string, locale: string): string {
	return dateWords(isoDate.slice(0, 10), locale);
}

const dateWords = memo(
	(iso: string, locale: string) => `${locale} ${iso}`,
	(iso: string, locale: string) => {
		const [year = 1970, month = 1, day = 1] = iso.split('-').map(Number);
		return formatter(intlLocale(locale), 'date', {
			timeZone: 'UTC',
			day: 'numeric',
			month: 'long',
			year: 'numeric'
		}).format(new Date(Date.UTC(year, month - 1, day)));
	}
);
