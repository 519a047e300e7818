// What the public will see of a registration draft: name, place (never a home address), times
// and only the channels marked public.
import { placeName } from '#lib/domain/places/place-name.ts';
import { m } from '#lib/paraglide/messages.js';
import { slotsToOpeningHours, type Draft } from '#lib/domain/registration/index.ts';

export type PublicPreview = {
	name: string;
	where: string;
	when: string;
	publicContacts: string[];
	hiddenContacts: number;
};

type Quartier = { mdrc: number; name_fr: string; name_nl: string };

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The public view of `draft`, with quartier names from `quartiers`. */
export function publicPreview(draft: Draft, quartiers: Quartier[], locale: string): PublicPreview {
	const who = draft.who ?? {};
	const where = draft.where ?? {};
	const when = draft.when ?? {};
	const quartier = quartiers.find((q) => String(q.mdrc) === String(where.mdrc));
	const quartierName = quartier ? placeName(quartier, locale) : '';
	const place =
		where.place_kind === 'partner'
			? m.account_preview_at_partner({
					venue: str(where.partner_venue_name),
					quartier: quartierName
				})
			: where.place_kind === 'address'
				? `${str(where.address)} (${quartierName})`
				: m.account_preview_in_quartier({ quartier: quartierName });
	const schedule =
		when.schedule_kind === 'by_appointment'
			? m.account_schedule_by_appointment()
			: when.schedule_kind === 'irregular'
				? m.account_schedule_irregular()
				: str(when.opening_hours) ||
					(Array.isArray(when.slots)
						? slotsToOpeningHours(when.slots as never, {
								months: Array.isArray(when.closed_months) ? (when.closed_months as never) : [],
								holidays: when.closed_holidays === true
							})
						: null) ||
					m.account_preview_weekly_slots();
	const channels = Array.isArray(draft.contact?.channels)
		? (draft.contact.channels as { kind?: unknown; value?: unknown; public?: unknown }[])
		: [];
	return {
		name: str(who.name),
		where: place,
		when: schedule,
		publicContacts: channels.filter((c) => c.public === true).map((c) => str(c.value)),
		hiddenContacts: channels.filter((c) => c.public !== true).length
	};
}
