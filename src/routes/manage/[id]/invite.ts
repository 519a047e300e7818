// Inviting a co-editor: an invitation recorded by the database (owners only) and a signed,
// expiring link e-mailed to the invitee in the inviter's language.
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { config, publicOrigin } from '#lib/server/config.ts';
import * as members from '#lib/server/db/members.ts';
import { getMailer } from '#lib/server/mail/index.ts';
import { inviteMail } from '#lib/server/mail/templates.ts';
import { createSignedToken } from '#lib/server/signed-links.ts';

const INVITE_DAYS = 14;

/** Records the invitation and mails the link; throws a DataError when the caller is no owner. */
export async function sendInvite(
	event: { locals: App.Locals },
	input: { organization: { id: string; name: string }; email: string; inviter: string }
): Promise<void> {
	const supabase = event.locals.supabase;
	const nonce = await members.invite(supabase, {
		organization_id: input.organization.id,
		email: input.email
	});
	const token = createSignedToken({
		secret: config().NABIJ_LINK_SECRET,
		purpose: 'invite',
		payload: { n: nonce },
		expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000)
	});
	const link = new URL(localizeHref('/account/invite'), publicOrigin());
	link.searchParams.set('token', token);
	await getMailer(supabase).send(
		inviteMail(
			{ email: input.email, email_language: getLocale() },
			{ name: input.organization.name, inviter: input.inviter, link: link.href }
		)
	);
}
