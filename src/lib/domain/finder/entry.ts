// How an entry's schedule and contact channels are shown on the detail page and the slip.
import type { Locale } from '#lib/i18n/locales.ts';
import { displayPhone, phoneForLink } from '../phone.ts';
import { describeSchedule } from '../schedule/describe.ts';
import { parseOpeningHours } from '../schedule/parse.ts';

/**
 * The schedule in sentences for a locale; empty when there are no fixed hours (by appointment,
 * irregular) or the text cannot be read.
 *
 * @example scheduleLines({ schedule_kind: 'hours', schedules: 'Tu 14:00-17:00' }, 'en')
 * // ['Tuesday, 14:00–17:00']
 */
export function scheduleLines(
	entry: { schedule_kind: 'hours' | 'by_appointment' | 'irregular'; schedules: string | null },
	locale: Locale
): string[] {
	if (entry.schedule_kind !== 'hours' || !entry.schedules) return [];
	const parsed = parseOpeningHours(entry.schedules);
	return parsed.ok ? describeSchedule(parsed.schedule, locale) : [];
}

/** A contact channel as stored. */
export type Contact = {
	kind: 'phone' | 'email' | 'website' | 'whatsapp' | 'relay';
	value: string;
	label: string | null;
	public: boolean;
};

/**
 * A link for a contact channel, or null when it is not something to link (a relay person).
 * Only http(s) websites are linked; phone numbers are linked in E.164, WhatsApp with its digits.
 *
 * @example contactHref({ kind: 'phone', value: '0470 12 34 56' }) // 'tel:+32470123456'
 * @example contactHref({ kind: 'whatsapp', value: '+32470123456' }) // 'https://wa.me/32470123456'
 */
export function contactHref(contact: Pick<Contact, 'kind' | 'value'>): string | null {
	switch (contact.kind) {
		case 'phone':
			return `tel:${phoneForLink(contact.value)}`;
		case 'whatsapp':
			return `https://wa.me/${phoneForLink(contact.value).replace(/^\+/, '')}`;
		case 'email':
			return `mailto:${contact.value}`;
		case 'website':
			return /^https?:\/\//i.test(contact.value) ? contact.value : null;
		default:
			return null;
	}
}

/**
 * A contact channel's value as people read it: phone numbers in their national (Belgian) or
 * international form, everything else as stored.
 *
 * @example contactText({ kind: 'phone', value: '+32470123456' }) // '0470 12 34 56'
 */
export function contactText(contact: Pick<Contact, 'kind' | 'value'>): string {
	return contact.kind === 'phone' || contact.kind === 'whatsapp'
		? displayPhone(contact.value)
		: contact.value;
}

/** Public channels only, whatever the caller's rights let the database return. */
export function publicContacts<C extends Pick<Contact, 'public'>>(contacts: readonly C[]): C[] {
	return contacts.filter((contact) => contact.public);
}
