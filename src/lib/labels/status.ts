// Status names in the reader's language.
import { m } from '#lib/paraglide/messages.js';

const LABELS: Record<string, () => string> = {
	pending: m.account_status_pending,
	active: m.account_status_active,
	paused: m.account_status_paused,
	dormant: m.account_status_dormant,
	closed: m.account_status_closed,
	rejected: m.account_status_rejected,
	archived: m.account_status_archived
};

/** The translated name of an organization status. */
export function statusLabel(status: string): string {
	return (LABELS[status] ?? (() => status))();
}
