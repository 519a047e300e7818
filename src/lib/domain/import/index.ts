// Imports: read a file, check every row, compare with the directory. Pure; the database writes
// live in src/lib/server/db/imports.ts.
import { validateRecord, type ImportEntry, type ValidationContext } from './entry.ts';
import { matchRows, type ExistingEntry, type RowOutcome } from './match.ts';
import type { ImportRecord } from './read.ts';

export * from './columns.ts';
export * from './csv.ts';
export * from './entry.ts';
export * from './match.ts';
export * from './read.ts';

/** The dry run of some records: one outcome per row, and the entries an import would write. */
export type DryRun = { outcomes: RowOutcome[]; entries: ImportEntry[] };

/**
 * What importing `records` would do: each row validated, then compared with `existing`. Only
 * new rows and updates become entries to import; duplicates and invalid rows are reported.
 *
 * @example dryRun(readImportFile(bytes).records, context, existing).outcomes[0].outcome // 'new'
 */
export function dryRun(
	records: ImportRecord[],
	context: ValidationContext,
	existing: ExistingEntry[]
): DryRun {
	const validated = records.map((record) => ({
		row: record.row,
		name: (record.values.name ?? '').slice(0, 120),
		...validateRecord(record, context)
	}));
	const outcomes = matchRows(validated, existing);
	const entries = outcomes.flatMap((o, i) =>
		o.outcome === 'new' || o.outcome === 'update' ? [validated[i]!.entry!] : []
	);
	return { outcomes, entries };
}
