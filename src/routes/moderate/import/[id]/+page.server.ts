import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/i18n/href.ts';
import * as imports from '#lib/server/db/imports.ts';
import { requireRole } from '#lib/server/guards.ts';
import { ensureRunning } from '#lib/server/import-worker.ts';
import { summarise } from './summary.ts';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.uuid();
const outcomeSchema = z.enum(['all', 'new', 'update', 'duplicate', 'invalid']).catch('all');
/** Report rows shown at once; the filter reaches the others. */
const SHOWN = 500;

async function jobOr404(locals: App.Locals, rawId: string) {
	const id = idSchema.safeParse(rawId);
	const job = id.success ? await imports.get(locals.supabase, id.data) : null;
	if (!job) error(404, m.error_not_found_title());
	return job;
}

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ['moderator']);
	const job = await jobOr404(event.locals, event.params.id);
	// A job confirmed before a restart carries on as soon as someone looks at it.
	if (job.status === 'running') ensureRunning(event.locals.supabase, job.id);
	const outcome = outcomeSchema.parse(event.url.searchParams.get('outcome'));
	const rows = job.report.filter((r) => outcome === 'all' || r.outcome === outcome);
	return {
		job: {
			id: job.id,
			status: job.status,
			done: job.done,
			total: job.total,
			failed: job.failed,
			source: job.source
		},
		outcome,
		rows: rows.slice(0, SHOWN),
		matching: rows.length,
		summary: summarise(job.report, job.results)
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		await requireRole(event, ['moderator']);
		const job = await jobOr404(event.locals, event.params.id);
		await imports.start(event.locals.supabase, job.id);
		ensureRunning(event.locals.supabase, job.id);
		redirect(303, localizeHref(`/moderate/import/${job.id}`));
	}
};
