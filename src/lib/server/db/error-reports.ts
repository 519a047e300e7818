import type { Db } from './client.ts';
import type { REPORT_KINDS } from '#lib/domain/finder/report.ts';
import { orThrow } from './errors.ts';

/** An anonymous report that a published entry is wrong; no name, e-mail or address. */
export type ErrorReportInput = {
	organization_id: string;
	service_id: string | null;
	location_id: string | null;
	kind: (typeof REPORT_KINDS)[number];
	message: string | null;
};

/**
 * Files one report as the caller (anonymous or signed in) through `report_error`, which limits
 * how many reports a source files per entry and hour (a DataError of kind `too_many` beyond
 * that); reporters cannot read it back.
 */
export async function create(supabase: Db, report: ErrorReportInput): Promise<void> {
	orThrow(
		await supabase.rpc('report_error', {
			p_organization_id: report.organization_id,
			p_kind: report.kind,
			p_message: report.message ?? undefined,
			p_service_id: report.service_id ?? undefined,
			p_location_id: report.location_id ?? undefined
		})
	);
}

/** Answers an open report about the caller's organization (members and moderators). */
export async function answer(supabase: Db, id: string, reply: string): Promise<void> {
	orThrow(await supabase.rpc('answer_error_report', { p_report_id: id, p_reply: reply }));
}

/** Closes an open report as resolved or dismissed (moderators only, checked by the database). */
export async function close(
	supabase: Db,
	id: string,
	status: 'resolved' | 'dismissed'
): Promise<void> {
	orThrow(await supabase.rpc('close_error_report', { p_report_id: id, p_status: status }));
}
