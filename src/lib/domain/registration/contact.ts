// Contact channels: how people reach an organization, each shown publicly or not.
import { z } from 'zod';
import { normalisePhone } from '../phone.ts';
import { codePoints, textIssue } from './text.ts';

export const CHANNEL_KINDS = ['phone', 'email', 'website', 'whatsapp', 'relay'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

// Phone numbers must also pass the contact_channels check constraint (`^\+?[0-9][0-9 ./()-]{5,24}$`),
// which their E.164 form always does.
const PHONE_CHARACTERS = /^\+?[0-9][0-9 ./()-]*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The issue code for a channel value of the given kind, or null when it is valid. */
export function channelValueIssue(kind: ChannelKind, value: string): string | null {
	if (value === '') return 'required';
	if (codePoints(value) > 300) return 'too_long';
	switch (kind) {
		case 'phone':
		case 'whatsapp':
			// Only what people write in a number: the parser would skip invisible marks and letters.
			return PHONE_CHARACTERS.test(value) && normalisePhone(value) ? null : 'invalid_phone';
		case 'email':
			return EMAIL.test(value) && !/[<>"'()\\,;:]/.test(value) && codePoints(value) <= 254
				? null
				: 'invalid_email';
		case 'website':
			return isWebAddress(value) ? null : 'invalid_url';
		case 'relay':
			return textIssue(value, 3, 300);
	}
}

/** True for an absolute http(s) address without spaces, credentials or markup. */
export function isWebAddress(value: string): boolean {
	if (!/^https?:\/\/[^\s<>"']+$/i.test(value)) return false;
	try {
		const url = new URL(value);
		return (
			(url.protocol === 'http:' || url.protocol === 'https:') &&
			url.hostname.includes('.') &&
			url.username === '' &&
			url.password === ''
		);
	} catch {
		return false;
	}
}

export const channelSchema = z
	.object({
		kind: z.enum(CHANNEL_KINDS, { error: 'invalid_choice' }),
		value: z.string({ error: 'invalid' }).transform((v) => v.normalize('NFC').trim()),
		public: z.boolean()
	})
	.superRefine((channel, ctx) => {
		const issue = channelValueIssue(channel.kind, channel.value);
		if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['value'] });
	})
	// Phone numbers are stored in E.164 (`0470 12 34 56` → `+32470123456`).
	.transform((channel) =>
		channel.kind === 'phone' || channel.kind === 'whatsapp'
			? { ...channel, value: normalisePhone(channel.value) ?? channel.value }
			: channel
	);

export type Channel = z.infer<typeof channelSchema>;
