// Moderation decisions: telling an entry's editors what was decided (each in their own e-mail
// language). Applying a change request is one database function (moderation.decideChange).
import { publicOrigin } from '#lib/server/config.ts';
import * as moderation from '#lib/server/db/moderation.ts';
import { getMailer } from '#lib/server/mail/index.ts';
import { approvalMail, changesRequestedMail, rejectionMail } from '#lib/server/mail/templates.ts';

/** Mails every editor of `organization` about a decision. */
export async function notifyEditors(
	event: { locals: App.Locals },
	organization: { id: string; name: string },
	decision: 'approved' | 'changes' | 'rejected',
	message = ''
): Promise<void> {
	const supabase = event.locals.supabase;
	const mailer = getMailer(supabase);
	const origin = publicOrigin();
	const entry = { name: organization.name, origin };
	for (const editor of await moderation.editorContacts(supabase, organization.id)) {
		const mail =
			decision === 'approved'
				? approvalMail(editor, entry)
				: decision === 'changes'
					? changesRequestedMail(editor, { ...entry, message })
					: rejectionMail(editor, { ...entry, reason: message });
		await mailer.send(mail);
	}
}
