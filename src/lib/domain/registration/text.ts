// Free-text rules shared by every registration field: what people type in their own words is
// kept, but invisible-only text, control characters, direction overrides and markup are refused.
import { z } from 'zod';

/** Error codes a field can carry; the UI translates them (`account_error_<code>`). */
export type FieldErrorCode =
	| 'required'
	| 'too_short'
	| 'too_long'
	| 'invalid'
	| 'markup'
	| 'control_characters'
	| 'invalid_phone'
	| 'invalid_email'
	| 'invalid_url'
	| 'invalid_choice'
	| 'too_many'
	| 'invalid_schedule'
	| 'description_required'
	| 'channel_required'
	| 'consent_required'
	| 'invalid_date';

// Embedding, override and isolate controls can make a name read differently from what is stored.
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const MARKUP = /<\s*\/?\s*[a-z!?]/iu;
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/** Length in Unicode code points, as PostgreSQL's char_length counts. */
export function codePoints(value: string): number {
	let count = 0;
	for (const _ of value) count++;
	return count;
}

/** The issue code for a free text, or null when it is acceptable. Empty text is 'required'. */
export function textIssue(value: string, min: number, max: number): FieldErrorCode | null {
	if (value.replace(INVISIBLE, '') === '') return 'required';
	if (CONTROL_CHARACTERS.test(value) || DIRECTION_CONTROLS.test(value)) return 'control_characters';
	if (MARKUP.test(value)) return 'markup';
	const length = codePoints(value);
	if (length > max) return 'too_long';
	if (length < min) return 'too_short';
	return null;
}

function normalize(value: string): string {
	return value.normalize('NFC').trim();
}

/**
 * A required free text of `min`..`max` code points, trimmed and NFC-normalised.
 *
 * @example requiredText(2, 200).parse('  Amicale Tamazight ') // 'Amicale Tamazight'
 */
export function requiredText(min: number, max: number) {
	return z
		.string({ error: 'required' })
		.transform(normalize)
		.superRefine((value, ctx) => {
			const issue = textIssue(value, min, max);
			if (issue) ctx.addIssue({ code: 'custom', message: issue });
		});
}

/** Like {@link requiredText}, but empty (or absent) input becomes undefined. */
export function optionalText(max: number) {
	return z
		.string({ error: 'invalid' })
		.optional()
		.transform((value) => (value === undefined ? '' : normalize(value)))
		.superRefine((value, ctx) => {
			if (value === '') return;
			const issue = textIssue(value, 1, max);
			if (issue) ctx.addIssue({ code: 'custom', message: issue });
		})
		.transform((value) => (value === '' ? undefined : value));
}

/** One of `values`, with the 'invalid_choice' code otherwise. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values, { error: 'invalid_choice' });
}
