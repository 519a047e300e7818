import { error, json } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import { config, publicOrigin } from '#lib/server/config.ts';
import { livenessSettings, runLivenessJob } from '#lib/server/mail/liveness-job.ts';
import { getMailer } from '#lib/server/mail/index.ts';
import type { RequestHandler } from './$types';

function bearerMatches(header: string | null, token: string): boolean {
	const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
	const expected = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

// Run by a scheduler (cron) with the jobs token: POST /api/jobs/liveness.
export const POST: RequestHandler = async ({ request, locals }) => {
	const settings = config();
	if (!bearerMatches(request.headers.get('authorization'), settings.NABIJ_JOBS_TOKEN)) {
		error(401, 'Unauthorized');
	}
	const report = await runLivenessJob(
		locals.supabase,
		getMailer(locals.supabase),
		livenessSettings(publicOrigin())
	);
	return json(report);
};
