// Outgoing mail. The app talks to a Mailer; production uses SMTP (SMTP_URL), development and
// tests the local gateway's mailbox. Sending never breaks the action that triggered it: failures
// are logged and reported as false.

export type Mail = { to: string; subject: string; text: string; html: string };

export interface Mailer {
	/** Sends one mail; resolves to false (after logging) when it could not be sent. */
	send(mail: Mail): Promise<boolean>;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/**
 * A plain mail from paragraphs and an optional call to action, as text and HTML.
 *
 * @example composeMail({ to, subject: 'Welcome', paragraphs: ['Hello'], link: { label: 'Open', href } })
 */
export function composeMail(options: {
	to: string;
	subject: string;
	paragraphs: string[];
	links?: { label: string; href: string }[];
}): Mail {
	const links = options.links ?? [];
	const text = [...options.paragraphs, ...links.map((link) => `${link.label}: ${link.href}`)].join(
		'\n\n'
	);
	const html = [
		...options.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		...links.map((l) => `<p><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></p>`)
	].join('\n');
	return { to: options.to, subject: options.subject, text, html };
}
