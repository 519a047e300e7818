import type { SupabaseClient } from '@supabase/supabase-js';
import { orThrow } from './errors.ts';

/** The kinds of error the public may report on an entry. */
export const ERROR_REPORT_KINDS = [
	'closed',
	'wrong_contact',
	'wrong_address',
	'wrong_schedule',
	'wrong_description',
	'other'
] as const;

/** An anonymous report that a published entry is wrong; no name, e-mail or address. */
export type ErrorReportInput = {
	organization_id: string;
	service_id: string | null;
	location_id: string | null;
	kind: (typeof ERROR_REPORT_KINDS)[number];
	message: string | null;
};

/** Files a report as the caller (anonymous or signed in); reporters cannot read it back. */
export async function create(supabase: SupabaseClient, report: ErrorReportInput): Promise<void> {
	orThrow(await supabase.from('error_reports').insert(report));
}
