// The registration form, one zod schema per step, used by the browser (before posting) and by
// the server (always). Inputs are what a form posts: strings, repeated names for lists, 'on' for
// checkboxes. Error messages are codes (see FieldErrorCode), translated by the page.
import { z } from 'zod';
import { CHANNEL_KINDS, channelSchema, type Channel } from './contact.ts';
import { isLanguageCode } from '../languages.ts';
import { isOpeningHours, slotsToOpeningHours, type ScheduleSlot } from './schedule.ts';
import { choice, optionalText, requiredText } from './text.ts';

export const STEPS = ['who', 'offer', 'when', 'where', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const LEGAL_STATUSES = [
	'non_profit_association',
	'de_facto_association',
	'foundation',
	'cooperative',
	'public_body',
	'other'
] as const;
export const COSTS = ['free', 'contribution', 'paid'] as const;
export const ACCEPTING = ['open', 'waitlist', 'full'] as const;
export const SCHEDULE_KINDS = ['hours', 'by_appointment', 'irregular'] as const;
export const PLACE_KINDS = ['quartier', 'partner', 'address'] as const;
export const MAX_SLOTS = 5;
export const MAX_CHANNELS = 4;

const CODE = /^[a-z][a-z0-9_]{1,62}$/;

function codeList(max: number, min: number, valid: (code: string) => boolean) {
	return z
		.array(z.string({ error: 'invalid' }), { error: 'invalid' })
		.superRefine((codes, ctx) => {
			if (codes.length < min) ctx.addIssue({ code: 'custom', message: 'required' });
			else if (codes.length > max) ctx.addIssue({ code: 'custom', message: 'too_many' });
			else if (codes.some((code) => !valid(code)))
				ctx.addIssue({ code: 'custom', message: 'invalid_choice' });
		})
		.transform((codes) => [...new Set(codes)]);
}

export const whoSchema = z
	.object({
		name: requiredText(2, 200),
		category: z.string({ error: 'required' }).regex(CODE, 'invalid_choice'),
		legal_status: z
			.union([choice(LEGAL_STATUSES), z.literal('')], { error: 'invalid_choice' })
			.optional()
			.transform((v) => v || undefined),
		description_fr: optionalText(2000),
		description_nl: optionalText(2000),
		description_en: optionalText(2000)
	})
	.superRefine((who, ctx) => {
		if (!who.description_fr && !who.description_nl && !who.description_en) {
			ctx.addIssue({ code: 'custom', message: 'description_required', path: ['description'] });
		}
	});

export const offerSchema = z.object({
	support_kinds: codeList(20, 1, (c) => CODE.test(c)),
	target_groups: codeList(20, 0, (c) => CODE.test(c)),
	languages: codeList(30, 1, isLanguageCode),
	cost: choice(COSTS),
	cost_note: optionalText(300),
	accepting_new: choice(ACCEPTING),
	eligibility_description: optionalText(1000)
});

const slotSchema = z.object({
	day: z.string({ error: 'invalid' }).max(2, 'invalid'),
	week: z.string({ error: 'invalid' }).max(2, 'invalid').optional(),
	from: z.string({ error: 'invalid' }).max(5, 'invalid'),
	to: z.string({ error: 'invalid' }).max(5, 'invalid')
});

export const whenSchema = z
	.object({
		schedule_kind: choice(SCHEDULE_KINDS),
		slots: z.array(slotSchema).max(MAX_SLOTS, 'too_many'),
		closed_months: z
			.array(z.string({ error: 'invalid' }).max(2, 'invalid'))
			.max(12)
			.optional(),
		closed_holidays: z.boolean().optional(),
		opening_hours: optionalText(500)
	})
	.transform((when, ctx) => {
		if (when.schedule_kind !== 'hours') {
			return { schedule_kind: when.schedule_kind, slots: when.slots, opening_hours: undefined };
		}
		const fromSlots = slotsToOpeningHours(when.slots, {
			months: when.closed_months,
			holidays: when.closed_holidays
		});
		if (fromSlots === null) {
			ctx.addIssue({ code: 'custom', message: 'invalid_schedule', path: ['slots'] });
			return z.NEVER;
		}
		const text = when.opening_hours ?? fromSlots;
		if (!text || !isOpeningHours(text)) {
			ctx.addIssue({ code: 'custom', message: 'invalid_schedule', path: ['opening_hours'] });
			return z.NEVER;
		}
		return { schedule_kind: when.schedule_kind, slots: when.slots, opening_hours: text };
	});

export const whereSchema = z
	.object({
		place_kind: choice(PLACE_KINDS),
		mdrc: z.coerce
			.number({ error: 'invalid_choice' })
			.int('invalid_choice')
			.min(1, 'required')
			.max(999, 'invalid_choice'),
		location_name: optionalText(200),
		partner_venue_name: optionalText(200),
		address: optionalText(300)
	})
	.superRefine((where, ctx) => {
		if (where.place_kind === 'partner' && !where.partner_venue_name) {
			ctx.addIssue({ code: 'custom', message: 'required', path: ['partner_venue_name'] });
		}
		if (where.place_kind === 'address' && !where.address) {
			ctx.addIssue({ code: 'custom', message: 'required', path: ['address'] });
		}
	})
	.transform((where) => ({
		...where,
		// Only a public venue's street address is published; a home meeting never has one.
		address: where.place_kind === 'address' ? where.address : undefined,
		partner_venue_name: where.place_kind === 'partner' ? where.partner_venue_name : undefined
	}));

export const contactSchema = z.object({
	channels: z
		.array(channelSchema)
		.max(MAX_CHANNELS, 'too_many')
		.superRefine((channels, ctx) => {
			if (channels.length === 0) ctx.addIssue({ code: 'custom', message: 'channel_required' });
		})
});

export const reviewSchema = z.object({
	consent: z.literal(true, { error: 'consent_required' }),
	terms: z.literal(true, { error: 'consent_required' })
});

export const stepSchemas = {
	who: whoSchema,
	offer: offerSchema,
	when: whenSchema,
	where: whereSchema,
	contact: contactSchema,
	review: reviewSchema
} as const;

export type Who = z.output<typeof whoSchema>;
export type Offer = z.output<typeof offerSchema>;
export type When = z.output<typeof whenSchema>;
export type Where = z.output<typeof whereSchema>;
export type Contact = z.output<typeof contactSchema>;
export type Registration = { who: Who; offer: Offer; when: When; where: Where; contact: Contact };
export type { Channel, ScheduleSlot };
export { CHANNEL_KINDS };

/** The whole registration, every step again: what the server checks before saving anything. */
export const registrationSchema = z.object({
	who: whoSchema,
	offer: offerSchema,
	when: whenSchema,
	where: whereSchema,
	contact: contactSchema
});

/** Field errors keyed by dotted path (`name`, `channels.1.value`), each a list of codes. */
export type FieldErrors = Record<string, string[]>;

/** Turns a zod error into field errors keyed by dotted path ('' for the form as a whole). */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.map(String).join('.');
		(errors[key] ??= []).push(issue.message);
	}
	return errors;
}

/** Editing a registered entry: the fields an editor changes most, validated like registration. */
export const editSchema = z
	.object({
		name: requiredText(2, 200),
		description_fr: optionalText(2000),
		description_nl: optionalText(2000),
		description_en: optionalText(2000),
		accepting_new: choice(ACCEPTING),
		eligibility_description: optionalText(1000),
		schedule_kind: choice(SCHEDULE_KINDS),
		opening_hours: optionalText(500)
	})
	.superRefine((edit, ctx) => {
		if (!edit.description_fr && !edit.description_nl && !edit.description_en) {
			ctx.addIssue({ code: 'custom', message: 'description_required', path: ['description'] });
		}
		if (
			edit.schedule_kind === 'hours' &&
			(!edit.opening_hours || !isOpeningHours(edit.opening_hours))
		) {
			ctx.addIssue({ code: 'custom', message: 'invalid_schedule', path: ['opening_hours'] });
		}
	});

export type Edit = z.output<typeof editSchema>;

/** A pause needs a return date after today and within a year (`today` as YYYY-MM-DD). */
export function pauseSchema(today: string) {
	const max = new Date(`${today}T00:00:00Z`);
	max.setUTCDate(max.getUTCDate() + 366);
	const last = max.toISOString().slice(0, 10);
	return z.object({
		paused_until: z
			.string({ error: 'invalid_date' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
			.refine((d) => d > today && d <= last && !Number.isNaN(Date.parse(d)), 'invalid_date')
	});
}
