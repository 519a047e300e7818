// Moderation codes (trust tiers, history actions, changed fields) in the reader's language.
import { m } from '#lib/paraglide/messages.js';

const TRUST: Record<string, () => string> = {
	self_declared: m.account_trust_self_declared,
	vouched: m.account_trust_vouched,
	verified: m.account_trust_verified
};

const ACTIONS: Record<string, () => string> = {
	created: m.account_history_created,
	status_changed: m.account_history_status_changed,
	trust_changed: m.account_history_trust_changed,
	note: m.account_history_note,
	change_requested: m.account_history_change_requested,
	confirmed: m.account_history_confirmed
};

const FIELDS: Record<string, () => string> = {
	name: m.account_field_org_name,
	description_fr: () => `${m.account_field_description()} (FR)`,
	description_nl: () => `${m.account_field_description()} (NL)`,
	description_en: () => `${m.account_field_description()} (EN)`,
	accepting_new: m.account_field_accepting_new,
	eligibility_description: m.account_field_eligibility,
	schedules: m.account_manage_opening_hours,
	schedule_kind: m.account_field_schedule_kind
};

const lookup = (table: Record<string, () => string>, code: string) =>
	(table[code] ?? (() => code))();

/** A trust tier's name. */
export const trustLabel = (code: string) => lookup(TRUST, code);
/** A history action's name. */
export const actionLabel = (code: string) => lookup(ACTIONS, code);
/** A changed field's name (the code itself when unknown). */
export const fieldLabel = (code: string) => lookup(FIELDS, code);
