// The scheduled job: asks the editors of entries not confirmed for a while whether they are
// still active (one signed, expiring link per entry), marks entries not confirmed for much
// longer as dormant, and sends the moderators one digest of the submissions that arrived since
// its last run; it also deletes error reports closed longer ago than the retention period. The
// privileged part runs in security-definer SQL functions that check the
// job token; this code only uses the anon key.
import type { Locale } from '#lib/i18n/locales.ts';
import { z } from 'zod';
import type { Db } from '#lib/server/db/client.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import { createSignedToken } from '../signed-links.ts';
import { config } from '../config.ts';
import type { Mailer } from './mailer.ts';
import { livenessMail, moderationDigestMail } from './templates.ts';

export type LivenessSettings = {
	jobToken: string;
	linkSecret: string;
	confirmAfterDays: number;
	dormantAfterDays: number;
	linkValidDays: number;
	/** Days a closed error report is kept before the job deletes it. */
	reportRetentionDays: number;
	/** Where the moderation digest goes (the moderators' shared address). */
	moderationEmail: string;
	/** Public origin of the app, for links: `https://nabij.example` (no trailing slash). */
	origin: string;
};

export type LivenessReport = {
	checks: number;
	mailsSent: number;
	mailsFailed: number;
	dormant: number;
	/** Submissions announced in this run's moderation digest (0: no digest sent). */
	digestEntries: number;
	/** Closed error reports deleted after the retention period. */
	reportsPurged: number;
};

// profiles.email_language is text with a check constraint.
const emailLanguage = z.enum(['fr', 'nl', 'en']);

/** The job's settings from the server configuration, with the app's public origin for links. */
export function livenessSettings(origin: string): LivenessSettings {
	const settings = config();
	return {
		jobToken: settings.NABIJ_JOBS_TOKEN,
		linkSecret: settings.NABIJ_LINK_SECRET,
		confirmAfterDays: settings.NABIJ_LIVENESS_CONFIRM_DAYS,
		dormantAfterDays: settings.NABIJ_LIVENESS_DORMANT_DAYS,
		linkValidDays: settings.NABIJ_LIVENESS_LINK_DAYS,
		reportRetentionDays: settings.NABIJ_REPORT_RETENTION_DAYS,
		moderationEmail: settings.NABIJ_MODERATION_EMAIL,
		origin
	};
}

/** The link an editor clicks: `/{locale}/liveness?token=…`, signed and expiring. */
export function livenessLink(
	settings: Pick<LivenessSettings, 'linkSecret' | 'origin'>,
	input: { nonce: string; expiresAt: Date; locale: Locale }
): string {
	const token = createSignedToken({
		secret: settings.linkSecret,
		purpose: 'liveness',
		payload: { n: input.nonce },
		expiresAt: input.expiresAt
	});
	const url = new URL(localizeHref('/liveness', { locale: input.locale }), settings.origin);
	url.searchParams.set('token', token);
	return url.href;
}

/** Runs the job once: e-mails due checks, then marks long-silent entries dormant. */
export async function runLivenessJob(
	supabase: Db,
	mailer: Mailer,
	settings: LivenessSettings
): Promise<LivenessReport> {
	const collected = await supabase.rpc('liveness_collect', {
		p_job_token: settings.jobToken,
		p_confirm_after_days: settings.confirmAfterDays,
		p_link_valid_days: settings.linkValidDays
	});
	if (collected.error) throw new Error(`liveness_collect: ${collected.error.message}`);
	const rows = (collected.data ?? []).map((row) => ({
		...row,
		email_language: emailLanguage.parse(row.email_language)
	}));
	let mailsSent = 0;
	let mailsFailed = 0;
	for (const row of rows) {
		const expiresAt = new Date(row.expires_at);
		const link = livenessLink(settings, {
			nonce: row.nonce,
			expiresAt,
			locale: row.email_language
		});
		const sent = await mailer.send(
			livenessMail(row, { name: row.organization_name, link, expiresAt })
		);
		if (sent) mailsSent += 1;
		else mailsFailed += 1;
	}
	const dormant = await supabase.rpc('liveness_mark_dormant', {
		p_job_token: settings.jobToken,
		p_dormant_after_days: settings.dormantAfterDays
	});
	if (dormant.error) throw new Error(`liveness_mark_dormant: ${dormant.error.message}`);

	const digest = await supabase.rpc('moderation_digest', { p_job_token: settings.jobToken });
	if (digest.error) throw new Error(`moderation_digest: ${digest.error.message}`);
	const submissions = digest.data ?? [];
	if (submissions.length > 0) {
		const sent = await mailer.send(
			moderationDigestMail({
				to: settings.moderationEmail,
				entries: submissions.map((row) => ({ name: row.organization_name })),
				waiting: submissions[0]?.waiting ?? submissions.length,
				origin: settings.origin
			})
		);
		if (sent) mailsSent += 1;
		else mailsFailed += 1;
	}
	const purged = await supabase.rpc('purge_closed_error_reports', {
		p_job_token: settings.jobToken,
		p_retention_days: settings.reportRetentionDays
	});
	if (purged.error) throw new Error(`purge_closed_error_reports: ${purged.error.message}`);
	return {
		checks: new Set(rows.map((r) => r.organization_id)).size,
		mailsSent,
		mailsFailed,
		dormant: Number(dormant.data ?? 0),
		digestEntries: submissions.length,
		reportsPurged: Number(purged.data ?? 0)
	};
}
