// How an entry's schedule and contact channels are shown on the detail page and the slip.
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
	locale: 'fr' | 'nl' | 'en'
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
 * Only http(s) websites are linked; phone numbers keep their digits and a leading +.
 *
 * @example contactHref({ kind: 'phone', value: '+32 2 123 45 67', … }) // 'tel:+3221234567'
 */
export function contactHref(contact: Pick<Contact, 'kind' | 'value'>): string | null {
	const digits = contact.value.replace(/[^\d+]/g, '');
	switch (contact.kind) {
		case 'phone':
			return `tel:${digits}`;
		case 'whatsapp':
			return `https://wa.me/${digits.replace(/^\+/, '')}`;
		case 'email':
			return `mailto:${contact.value}`;
		case 'website':
			return /^https?:\/\//i.test(contact.value) ? contact.value : null;
		default:
			return null;
	}
}

/** Public channels only, whatever the caller's rights let the database return. */
export function publicContacts<C extends Pick<Contact, 'public'>>(contacts: readonly C[]): C[] {
	return contacts.filter((contact) => contact.public);
}
