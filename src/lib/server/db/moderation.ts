// Moderation: the organization history, change requests, error reports and editors' contacts.
import type { Db, JsonObject } from './client.ts';
import { orThrow } from './errors.ts';

export type HistoryEntry = {
	id: number;
	organization_id: string;
	actor_id: string | null;
	action: string;
	diff: Record<string, unknown>;
	note: string | null;
	created_at: string;
};

export type ChangeRequest = {
	id: string;
	organization_id: string;
	requested_by: string | null;
	changes: Record<string, unknown>;
	note: string | null;
	status: 'pending' | 'applied' | 'rejected' | 'withdrawn';
	created_at: string;
};

export type ErrorReport = {
	id: string;
	organization_id: string;
	kind: string;
	message: string | null;
	status: 'open' | 'resolved' | 'dismissed';
	created_at: string;
};

/** An organization's history, newest first (members and moderators). */
export async function history(supabase: Db, organizationId: string): Promise<HistoryEntry[]> {
	return (
		orThrow(
			await supabase
				.from('organization_history')
				.select('id, organization_id, actor_id, action, diff, note, created_at')
				.eq('organization_id', organizationId)
				.order('created_at', { ascending: false })
				.order('id', { ascending: false })
				.returns<HistoryEntry[]>()
		) ?? []
	);
}

/** Writes a moderator's entry to an organization's history, in their own name. */
export async function addHistory(
	supabase: Db,
	entry: {
		organization_id: string;
		actor_id: string;
		action: 'note' | 'change_requested';
		note: string;
		diff?: JsonObject;
	}
): Promise<void> {
	orThrow(await supabase.from('organization_history').insert({ ...entry, diff: entry.diff ?? {} }));
}

const CHANGE_COLUMNS = 'id, organization_id, requested_by, changes, note, status, created_at';

/** Pending change requests, oldest first; for one organization when `organizationId` is given. */
export async function pendingChanges(
	supabase: Db,
	organizationId?: string
): Promise<ChangeRequest[]> {
	let query = supabase.from('change_requests').select(CHANGE_COLUMNS).eq('status', 'pending');
	if (organizationId) query = query.eq('organization_id', organizationId);
	return orThrow(await query.order('created_at').limit(100).returns<ChangeRequest[]>()) ?? [];
}

/** One change request the caller may read, or null. */
export async function getChange(supabase: Db, id: string): Promise<ChangeRequest | null> {
	return orThrow(
		await supabase
			.from('change_requests')
			.select(CHANGE_COLUMNS)
			.eq('id', id)
			.maybeSingle<ChangeRequest>()
	);
}

/**
 * Proposes changes to a published entry (a member) or asks for them (a moderator). `changes`
 * holds only field values; the service changed is `service_id` (the database keeps it within
 * the organization). A request cannot be edited afterwards, only withdrawn.
 */
export async function requestChange(
	supabase: Db,
	input: {
		organization_id: string;
		requested_by: string;
		service_id?: string | null;
		changes: JsonObject;
		note?: string | null;
	}
): Promise<string> {
	const row = orThrow(
		await supabase
			.from('change_requests')
			.insert({ ...input, service_id: input.service_id ?? null, note: input.note ?? null })
			.select('id')
			.single<{ id: string }>()
	);
	if (!row) throw new Error('the insert returned no row');
	return row.id;
}

/**
 * A moderator applies a pending change request exactly as submitted, or rejects it; the
 * database derives what changes from the request's own organization (decide_change_request).
 */
export async function decideChange(
	supabase: Db,
	input: { id: string; apply: boolean }
): Promise<void> {
	orThrow(
		await supabase.rpc('decide_change_request', {
			p_change_request_id: input.id,
			p_apply: input.apply
		})
	);
}

/** The requester withdraws their own pending change request. */
export async function withdrawChange(supabase: Db, id: string): Promise<void> {
	orThrow(await supabase.rpc('withdraw_change_request', { p_change_request_id: id }));
}

/** Open error reports, oldest first. */
export async function openErrorReports(supabase: Db): Promise<ErrorReport[]> {
	return (
		orThrow(
			await supabase
				.from('error_reports')
				.select('id, organization_id, kind, message, status, created_at')
				.eq('status', 'open')
				.order('created_at')
				.limit(100)
				.returns<ErrorReport[]>()
		) ?? []
	);
}

export type EditorContact = {
	email: string;
	email_language: 'fr' | 'nl' | 'en';
	display_name: string | null;
};

/** E-mail addresses and languages of an organization's editors (moderators only). */
export async function editorContacts(
	supabase: Db,
	organizationId: string
): Promise<EditorContact[]> {
	const rows: unknown = orThrow(
		await supabase.rpc('organization_editor_contacts', { p_organization_id: organizationId })
	);
	return (rows ?? []) as EditorContact[];
}
