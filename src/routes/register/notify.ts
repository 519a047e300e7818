// Tells the moderators' address that a new registration waits in the queue.
import type { SupabaseClient } from '@supabase/supabase-js';
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { config } from '#lib/server/config.ts';
import { composeMail, getMailer } from '#lib/server/mail/index.ts';

/** Mails the moderation address about a new registration (in French, the base locale). */
export async function notifyModerators(
	supabase: SupabaseClient,
	entry: { name: string; origin: string }
): Promise<void> {
	const locale = 'fr';
	const href = new URL(localizeHref('/moderate', { locale }), entry.origin).href;
	await getMailer(supabase).send(
		composeMail({
			to: config().NABIJ_MODERATION_EMAIL,
			subject: m.account_mail_new_subject({ name: entry.name }, { locale }),
			paragraphs: [m.account_mail_new_text({ name: entry.name }, { locale })],
			links: [{ label: m.account_mail_new_link({}, { locale }), href }]
		})
	);
}
