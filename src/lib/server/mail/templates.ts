// The e-mails Nabij sends to editors, each in the recipient's e-mail language, and the
// moderation digest (in French, the base locale, to the moderators' shared address).
import { BRUSSELS_TIME_ZONE } from '#lib/domain/schedule/brussels-time.ts';
import type { Locale } from '#lib/i18n/locales.ts';
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { composeMail, type Mail } from './mailer.ts';

export type Recipient = { email: string; email_language: Locale };

function href(origin: string, path: string, locale: Recipient['email_language']): string {
	return new URL(localizeHref(path, { locale }), origin).href;
}

/** "Your entry is published." */
export function approvalMail(to: Recipient, entry: { name: string; origin: string }): Mail {
	const locale = to.email_language;
	return composeMail({
		to: to.email,
		subject: m.account_mail_approved_subject({ name: entry.name }, { locale }),
		paragraphs: [m.account_mail_approved_text({ name: entry.name }, { locale })],
		links: [
			{
				label: m.account_mail_manage_link({}, { locale }),
				href: href(entry.origin, '/manage', locale)
			}
		]
	});
}

/** "A moderator asks for changes", with the moderator's message. */
export function changesRequestedMail(
	to: Recipient,
	entry: { name: string; message: string; origin: string }
): Mail {
	const locale = to.email_language;
	return composeMail({
		to: to.email,
		subject: m.account_mail_changes_subject({ name: entry.name }, { locale }),
		paragraphs: [m.account_mail_changes_text({ name: entry.name }, { locale }), entry.message],
		links: [
			{
				label: m.account_mail_manage_link({}, { locale }),
				href: href(entry.origin, '/manage', locale)
			}
		]
	});
}

/** "Your registration was not published", with the reason. */
export function rejectionMail(
	to: Recipient,
	entry: { name: string; reason: string; origin: string }
): Mail {
	const locale = to.email_language;
	return composeMail({
		to: to.email,
		subject: m.account_mail_rejected_subject({ name: entry.name }, { locale }),
		paragraphs: [m.account_mail_rejected_text({ name: entry.name }, { locale }), entry.reason]
	});
}

/** "Is your entry still active?" with the one-click link (valid until `expiresAt`). */
export function livenessMail(
	to: Recipient,
	entry: { name: string; link: string; expiresAt: Date }
): Mail {
	const locale = to.email_language;
	const date = entry.expiresAt.toLocaleDateString(locale === 'en' ? 'en-GB' : `${locale}-BE`, {
		timeZone: BRUSSELS_TIME_ZONE
	});
	return composeMail({
		to: to.email,
		subject: m.account_mail_liveness_subject({ name: entry.name }, { locale }),
		paragraphs: [
			m.account_mail_liveness_text({ name: entry.name }, { locale }),
			m.account_mail_liveness_expiry({ date }, { locale })
		],
		links: [{ label: m.account_mail_liveness_link({}, { locale }), href: entry.link }]
	});
}

/** "You are invited to co-edit", with the link to accept (the invitee signs in first). */
export function inviteMail(
	to: Recipient,
	entry: { name: string; inviter: string; link: string }
): Mail {
	const locale = to.email_language;
	return composeMail({
		to: to.email,
		subject: m.account_mail_invite_subject({ name: entry.name }, { locale }),
		paragraphs: [
			m.account_mail_invite_text({ name: entry.name, inviter: entry.inviter }, { locale })
		],
		links: [{ label: m.account_mail_invite_link({}, { locale }), href: entry.link }]
	});
}

/**
 * The moderation digest: the submissions that arrived since the last one, and how many entries
 * wait in the queue in all. One mail per job run, so moderators are not sent one per submission.
 */
export function moderationDigestMail(input: {
	to: string;
	entries: { name: string }[];
	waiting: number;
	origin: string;
}): Mail {
	const locale = 'fr';
	return composeMail({
		to: input.to,
		subject: m.account_mail_digest_subject({ count: input.entries.length }, { locale }),
		paragraphs: [
			m.account_mail_digest_text(
				{ count: input.entries.length, waiting: input.waiting },
				{ locale }
			),
			input.entries.map((entry) => `• ${entry.name}`).join('\n')
		],
		links: [
			{
				label: m.account_mail_digest_link({}, { locale }),
				href: href(input.origin, '/moderate', locale)
			}
		]
	});
}
