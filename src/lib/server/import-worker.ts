// Runs confirmed import jobs in the background of this server process, batch by batch, as the
// moderator who confirmed them. Progress lives in the database (import_jobs), so a page reload
// reads it, and a job left running by a restarted server is picked up again by the next page
// load that sees it (ensureRunning).
import type { Db } from './db/client.ts';
import * as imports from './db/imports.ts';
import { log } from './log.ts';

/** Rows per request: small enough that progress moves visibly, large enough to be quick. */
const BATCH_ROWS = 50;

const running = new Set<string>();

/**
 * Starts working through `jobId` unless this process already is. Returns at once; failures are
 * logged and leave the job resumable (its progress is what the last batch saved).
 */
export function ensureRunning(supabase: Db, jobId: string): void {
	if (running.has(jobId)) return;
	running.add(jobId);
	imports
		.runToEnd(supabase, jobId, BATCH_ROWS)
		.catch((err: unknown) => log.error({ err, jobId }, 'import job stopped'))
		.finally(() => running.delete(jobId));
}
