// The mailer for this server: SMTP when SMTP_URL is set, else the local gateway's mailbox.
import type { Db } from '#lib/server/db/client.ts';
import { config } from '../config.ts';
import { LocalMailboxMailer } from './local.ts';
import type { Mailer } from './mailer.ts';
import { SmtpMailer } from './smtp.ts';

export type { Mail, Mailer } from './mailer.ts';
export { composeMail, escapeHtml } from './mailer.ts';

// One SMTP transport per process: nodemailer keeps no connection open between mails without
// pooling, so sharing it only saves re-reading the settings.
let smtp: { url: string; from: string; mailer: SmtpMailer } | undefined;

/**
 * The mailer to use: SMTP in production, the local mailbox (through `supabase`, the caller's
 * client) in development and tests.
 */
export function getMailer(supabase: Db): Mailer {
	const { SMTP_URL, NABIJ_MAIL_FROM } = config();
	if (!SMTP_URL) return new LocalMailboxMailer(supabase);
	if (smtp?.url !== SMTP_URL || smtp.from !== NABIJ_MAIL_FROM) {
		smtp = {
			url: SMTP_URL,
			from: NABIJ_MAIL_FROM,
			mailer: new SmtpMailer(SMTP_URL, NABIJ_MAIL_FROM)
		};
	}
	return smtp.mailer;
}
