// Imports: the dry run's view of the directory, import jobs and their progress, and the
// provenance of imported entries. Writes go through the SECURITY DEFINER functions of the
// imports migration, which check that the caller is a moderator.
import { z } from 'zod';
import type { ExistingEntry, ImportEntry, RowOutcome } from '#lib/domain/import/index.ts';
import type { Db } from './client.ts';
import type { Json } from './database.types.ts';
import { orThrow } from './errors.ts';

/** Where imported entries come from, as every entry of a job records it. */
export const importSourceSchema = z.object({
	name: z.string().trim().min(2).max(100),
	url: z.union([z.url({ protocol: /^https?$/ }).max(500), z.null()]),
	licence: z.string().trim().min(2).max(100),
	attribution: z.union([z.string().trim().min(2).max(300), z.null()]),
	retrieved_on: z.iso.date()
});
export type ImportSource = z.infer<typeof importSourceSchema>;

const progressSchema = z.object({
	status: z.enum(['draft', 'running', 'done', 'cancelled']),
	done: z.number().int(),
	total: z.number().int(),
	failed: z.number().int()
});
export type ImportProgress = z.infer<typeof progressSchema>;

/** What run_import_batch records per row. */
const rowResultSchema = z.object({
	row: z.number().int(),
	outcome: z.enum(['created', 'updated', 'unchanged', 'change_request', 'failed']),
	organization_id: z.string().optional(),
	code: z.string().optional(),
	reason: z.string().nullable().optional(),
	message: z.string().optional()
});
export type ImportRowResult = z.infer<typeof rowResultSchema>;

export type ImportJob = ImportProgress & {
	id: string;
	format: string;
	source: ImportSource;
	report: RowOutcome[];
	results: ImportRowResult[];
	created_at: string;
};

const PAGE = 1000;
const contactsSchema = z.array(z.object({ kind: z.string(), value: z.string() })).nullable();

/**
 * The published directory as the dry run compares rows with it: every entry's name, point and
 * contacts, and the external id of those that came from `sourceName`.
 */
export async function existingEntries(supabase: Db, sourceName: string): Promise<ExistingEntry[]> {
	const sources = new Map<string, string>();
	for (let from = 0; ; from += PAGE) {
		const rows =
			orThrow(
				await supabase
					.from('organization_sources')
					.select('organization_id, external_id')
					.eq('source_name', sourceName)
					.order('id')
					.range(from, from + PAGE - 1)
			) ?? [];
		for (const r of rows) sources.set(r.organization_id, r.external_id);
		if (rows.length < PAGE) break;
	}
	const entries: ExistingEntry[] = [];
	for (let from = 0; ; from += PAGE) {
		const rows =
			orThrow(
				await supabase
					.from('resource_index')
					.select('id, organization_id, organization_name, lon, lat, contacts')
					.order('id')
					.range(from, from + PAGE - 1)
			) ?? [];
		for (const r of rows) {
			if (!r.organization_id || r.lon === null || r.lat === null) continue;
			const contacts = contactsSchema.parse(r.contacts) ?? [];
			entries.push({
				organization_id: r.organization_id,
				name: r.organization_name ?? '',
				lon: r.lon,
				lat: r.lat,
				phones: contacts.filter((c) => c.kind === 'phone').map((c) => c.value),
				websites: contacts.filter((c) => c.kind === 'website').map((c) => c.value),
				external_id: sources.get(r.organization_id) ?? null
			});
		}
		if (rows.length < PAGE) break;
	}
	return entries;
}

/** JSON per request when a job is stored in parts: under the API's request size limit. */
const PART_BYTES = 400_000;

/** Consecutive slices of `items` whose JSON stays under `bytes` each (one item at least). */
function parts<T>(items: T[], bytes: number): T[][] {
	const result: T[][] = [];
	let current: T[] = [];
	let size = 0;
	for (const item of items) {
		const itemSize = JSON.stringify(item).length + 1;
		if (current.length > 0 && size + itemSize > bytes) {
			result.push(current);
			current = [];
			size = 0;
		}
		current.push(item);
		size += itemSize;
	}
	result.push(current);
	return result;
}

/**
 * Stores a dry run as a draft job (not imported until started) and returns its id. A large dry
 * run is sent in parts, each under the API's request size limit.
 */
export async function createJob(
	supabase: Db,
	job: { source: ImportSource; format: string; entries: ImportEntry[]; report: RowOutcome[] }
): Promise<string> {
	const rows = parts(job.entries, PART_BYTES);
	const report = parts(job.report, PART_BYTES);
	const id = orThrow(
		await supabase.rpc('create_import_job', {
			p_source: job.source as Json,
			p_format: job.format,
			p_rows: rows[0] as Json,
			p_report: report[0] as unknown as Json
		})
	);
	if (!id) throw new Error('create_import_job returned no id');
	for (let i = 1; i < Math.max(rows.length, report.length); i++) {
		orThrow(
			await supabase.rpc('append_import_job', {
				p_job_id: id,
				p_rows: (rows[i] ?? []) as Json,
				p_report: (report[i] ?? []) as unknown as Json
			})
		);
	}
	return id;
}

/** Confirms a draft job; batches may run from now on. */
export async function start(supabase: Db, jobId: string): Promise<void> {
	orThrow(await supabase.rpc('start_import_job', { p_job_id: jobId }));
}

/** Imports the next `size` rows of a running job; returns the job's progress after them. */
export async function runBatch(supabase: Db, jobId: string, size = 50): Promise<ImportProgress> {
	return progressSchema.parse(
		orThrow(await supabase.rpc('run_import_batch', { p_job_id: jobId, p_size: size }))
	);
}

/** Runs batches until the job is done; for the seed and for a server resuming a job. */
export async function runToEnd(supabase: Db, jobId: string, size = 50): Promise<ImportProgress> {
	let progress = await runBatch(supabase, jobId, size);
	while (progress.status === 'running') progress = await runBatch(supabase, jobId, size);
	return progress;
}

/** A job with its dry-run report and per-row results, or null when the caller cannot see it. */
export async function get(supabase: Db, jobId: string): Promise<ImportJob | null> {
	const row = orThrow(
		await supabase
			.from('import_jobs')
			.select('id, format, source, status, done, total, failed, report, outcomes, created_at')
			.eq('id', jobId)
			.maybeSingle()
	);
	if (!row) return null;
	return {
		...progressSchema.parse(row),
		id: row.id,
		format: row.format,
		source: importSourceSchema.parse(row.source),
		// Written by this module from the domain's RowOutcome list.
		report: row.report as unknown as RowOutcome[],
		results: z.array(rowResultSchema).parse(row.outcomes),
		created_at: row.created_at
	};
}

/** The latest jobs, newest first, for the import page. */
export async function listRecent(supabase: Db, limit = 10) {
	const rows =
		orThrow(
			await supabase
				.from('import_jobs')
				.select('id, format, source, status, done, total, failed, created_at')
				.order('created_at', { ascending: false })
				.limit(limit)
		) ?? [];
	return rows.map((r) => ({
		...progressSchema.parse(r),
		id: r.id,
		format: r.format,
		source_name: importSourceSchema.shape.name.parse((r.source as { name?: unknown }).name),
		created_at: r.created_at
	}));
}

/** Where an imported organization came from, or null for entries registered here. */
export async function sourceOf(supabase: Db, organizationId: string) {
	const rows =
		orThrow(
			await supabase
				.from('organization_sources')
				.select('source_name, source_url, licence, attribution, retrieved_on')
				.eq('organization_id', organizationId)
				.order('created_at')
				.limit(1)
		) ?? [];
	return rows[0] ?? null;
}
