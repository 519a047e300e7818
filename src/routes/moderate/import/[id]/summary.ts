// Counts for the job page: the dry run's outcomes, and what the import did with each row.
import type { RowOutcome } from '#lib/domain/import/index.ts';
import type { ImportRowResult } from '#lib/server/db/imports.ts';

export type JobSummary = {
	outcomes: Record<RowOutcome['outcome'], number>;
	results: Record<ImportRowResult['outcome'], number>;
	/** Rows the database refused, by their row number in the file. */
	failed: { row: number; name: string; code: string }[];
};

/**
 * Counts per outcome and result. Results number the rows of the job (new rows and updates, in
 * file order); failed ones are mapped back to the file's row numbers and names.
 */
export function summarise(report: RowOutcome[], results: ImportRowResult[]): JobSummary {
	const outcomes = { new: 0, update: 0, duplicate: 0, invalid: 0 };
	for (const r of report) outcomes[r.outcome]++;
	const counts = { created: 0, updated: 0, unchanged: 0, change_request: 0, failed: 0 };
	for (const r of results) counts[r.outcome]++;
	const imported = report.filter((r) => r.outcome === 'new' || r.outcome === 'update');
	const failed = results
		.filter((r) => r.outcome === 'failed')
		.map((r) => ({
			row: imported[r.row]?.row ?? r.row + 1,
			name: imported[r.row]?.name ?? '',
			code: r.reason ?? r.code ?? ''
		}));
	return { outcomes, results: counts, failed };
}
