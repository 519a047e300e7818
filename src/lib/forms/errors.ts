// Field error codes from the registration schemas, in the reader's language.
import { m } from '#lib/paraglide/messages.js';
import type { DataError } from '#lib/server/db/errors.ts';

const TEXTS: Record<string, () => string> = {
	required: m.account_error_required,
	too_short: m.account_error_too_short,
	too_long: m.account_error_too_long,
	invalid: m.account_error_invalid,
	markup: m.account_error_markup,
	control_characters: m.account_error_control_characters,
	invalid_phone: m.account_error_invalid_phone,
	invalid_email: m.account_error_invalid_email,
	invalid_url: m.account_error_invalid_url,
	invalid_choice: m.account_error_invalid_choice,
	too_many: m.account_error_too_many,
	invalid_schedule: m.account_error_invalid_schedule,
	description_required: m.account_error_description_required,
	channel_required: m.account_error_channel_required,
	consent_required: m.account_error_consent_required,
	invalid_date: m.account_error_invalid_date,
	rate_limited: m.account_error_rate_limited,
	// Rules the database enforces, named in its errors (DataError.reason).
	moderation_required: m.account_error_moderation_required,
	confirmation_required: m.account_error_confirmation_required,
	own_organization: m.account_error_own_organization,
	admin_only: m.account_error_admin_only,
	vouch_own_only: m.account_error_vouch_own_only,
	change_not_pending: m.account_error_change_not_pending,
	not_requester: m.account_error_not_requester,
	not_published: m.account_error_not_published,
	invalid_change: m.account_error_invalid_change,
	forbidden: m.account_error_forbidden
};

/** The translated text of an error code; unknown codes read as "invalid". */
export function errorText(code: string): string {
	return (TEXTS[code] ?? m.account_error_invalid)();
}

/** The translated text of a database refusal: the rule it names, else its kind. */
export function dataErrorText(failure: DataError): string {
	return errorText(failure.reason ?? failure.kind);
}

/** Translates every field's first error code. */
export function translateErrors(errors: Record<string, string[]>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, codes] of Object.entries(errors)) {
		const first = codes[0];
		if (first) out[field] = errorText(first);
	}
	return out;
}
