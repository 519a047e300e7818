import type { SupabaseClient } from '@supabase/supabase-js';
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

/** Files a report as the caller (anonymous or signed in); reporters cannot read it back. */
export async function create(supabase: SupabaseClient, report: ErrorReportInput): Promise<void> {
	orThrow(await supabase.from('error_reports').insert(report));
}
