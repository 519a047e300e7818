// The mailer for this server: SMTP when SMTP_URL is set, else the local gateway's mailbox.
import type { SupabaseClient } from '@supabase/supabase-js';
import { config } from '../config.ts';
import { LocalMailboxMailer } from './local.ts';
import type { Mailer } from './mailer.ts';
import { SmtpMailer } from './smtp.ts';

export type { Mail, Mailer } from './mailer.ts';
export { composeMail, escapeHtml } from './mailer.ts';

/**
 * The mailer to use: SMTP in production, the local mailbox (through `supabase`, the caller's
 * client) in development and tests.
 */
export function getMailer(supabase: SupabaseClient): Mailer {
	const { SMTP_URL, NABIJ_MAIL_FROM } = config();
	return SMTP_URL ? new SmtpMailer(SMTP_URL, NABIJ_MAIL_FROM) : new LocalMailboxMailer(supabase);
}
