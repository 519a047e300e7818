// The public "report an error" form: what it accepts, shared by the form and the server.
import { z } from 'zod';

/** The kinds of error the public may report, as the database accepts them. */
export const REPORT_KINDS = [
	'closed',
	'wrong_contact',
	'wrong_address',
	'wrong_schedule',
	'wrong_description',
	'other'
] as const;

/** Longest message accepted, in characters (the database says the same). */
export const REPORT_MESSAGE_MAX = 1000;

/**
 * A report as submitted: a kind, an optional message (trimmed; empty means none) and the honeypot
 * field `website`, which people leave empty and simple bots fill.
 */
export const errorReportSchema = z.object({
	kind: z.enum(REPORT_KINDS, { error: 'kind' }),
	message: z
		.string()
		.optional()
		.transform((value) => value?.trim() ?? '')
		.pipe(z.string().max(REPORT_MESSAGE_MAX, { error: 'message' }))
		.transform((value) => value || null),
	website: z.string().optional().default('')
});

export type ErrorReportForm = z.infer<typeof errorReportSchema>;

/** True when the honeypot was filled in: accept silently, store nothing. */
export function isLikelyBot(form: ErrorReportForm): boolean {
	return form.website.trim() !== '';
}
