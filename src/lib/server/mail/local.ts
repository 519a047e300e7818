// Development and test mail: stored in the local gateway's developer mailbox (readable at its
// /mailbox page and /mailbox.json) through the local_mailbox_deposit function, which exists only
// on the local gateway.
import type { Db } from '#lib/server/db/client.ts';
import type { Mail, Mailer } from './mailer.ts';

export class LocalMailboxMailer implements Mailer {
	readonly #supabase: Db;

	constructor(supabase: Db) {
		this.#supabase = supabase;
	}

	async send(mail: Mail): Promise<boolean> {
		const { error } = await this.#supabase.rpc('local_mailbox_deposit', {
			p_to: mail.to,
			p_subject: mail.subject,
			p_text: mail.text,
			p_html: mail.html
		});
		if (error) {
			console.error(`[mail] local mailbox refused mail to ${mail.to}: ${error.message}`);
			return false;
		}
		return true;
	}
}
