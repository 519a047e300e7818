// Moderation: the organization history, change requests, error reports and editors' contacts.
import { z } from 'zod';
import { jsonObject, type Db, type JsonObject } from './client.ts';
import type { Json } from './database.types.ts';
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

// Statuses and languages the schema's check constraints allow (the columns are text).
const changeStatus = z.enum(['pending', 'applied', 'rejected', 'withdrawn']);
const reportStatus = z.enum(['open', 'resolved', 'dismissed']);
const emailLanguage = z.enum(['fr', 'nl', 'en']);

export type ChangeRequest = {
	id: string;
	organization_id: string;
	requested_by: string | null;
	changes: Record<string, unknown>;
	note: string | null;
	status: z.infer<typeof changeStatus>;
	created_at: string;
};

export type ErrorReport = {
	id: string;
	organization_id: string;
	kind: string;
	message: string | null;
	status: z.infer<typeof reportStatus>;
	created_at: string;
};

/** An organization's history, newest first (members and moderators). */
export async function history(supabase: Db, organizationId: string): Promise<HistoryEntry[]> {
	const rows =
		orThrow(
			await supabase
				.from('organization_history')
				.select('id, organization_id, actor_id, action, diff, note, created_at')
				.eq('organization_id', organizationId)
				.order('created_at', { ascending: false })
				.order('id', { ascending: false })
		) ?? [];
	return rows.map((row) => ({ ...row, diff: jsonObject(row.diff, 'organization_history.diff') }));
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

function toChangeRequest(
	row: Omit<ChangeRequest, 'changes' | 'status'> & { changes: Json; status: string }
): ChangeRequest {
	return {
		...row,
		changes: jsonObject(row.changes, 'change_requests.changes'),
		status: changeStatus.parse(row.status)
	};
}

/** Pending change requests, oldest first; for one organization when `organizationId` is given. */
export async function pendingChanges(
	supabase: Db,
	organizationId?: string
): Promise<ChangeRequest[]> {
	let query = supabase.from('change_requests').select(CHANGE_COLUMNS).eq('status', 'pending');
	if (organizationId) query = query.eq('organization_id', organizationId);
	return (orThrow(await query.order('created_at').limit(100)) ?? []).map(toChangeRequest);
}

/** One change request the caller may read, or null. */
export async function getChange(supabase: Db, id: string): Promise<ChangeRequest | null> {
	const row = orThrow(
		await supabase.from('change_requests').select(CHANGE_COLUMNS).eq('id', id).maybeSingle()
	);
	return row && toChangeRequest(row);
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
			.single()
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
	const rows =
		orThrow(
			await supabase
				.from('error_reports')
				.select('id, organization_id, kind, message, status, created_at')
				.eq('status', 'open')
				.order('created_at')
				.limit(100)
		) ?? [];
	return rows.map((row) => ({ ...row, status: reportStatus.parse(row.status) }));
}

export type EditorContact = {
	email: string;
	email_language: z.infer<typeof emailLanguage>;
	display_name: string | null;
};

/** E-mail addresses and languages of an organization's editors (moderators only). */
export async function editorContacts(
	supabase: Db,
	organizationId: string
): Promise<EditorContact[]> {
	const rows = orThrow(
		await supabase.rpc('organization_editor_contacts', { p_organization_id: organizationId })
	);
	return (rows ?? []).map((row) => ({
		email: row.email,
		email_language: emailLanguage.parse(row.email_language),
		// Generated return columns are never nullable; the profile's name may be unset (null).
		display_name: row.display_name ?? null
	}));
}
