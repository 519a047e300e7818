// The local mailbox: the gateway "sends" mail by storing it in _local.mailbox (created by
// sql/10_auth.sql), so it persists with the database and developers and tests can read it.
// Served at /mailbox (HTML) and /mailbox.json by the auth handler.
import type { Executor, MailMessage, Query } from './types.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

function toMessage(row: Record<string, unknown>): MailMessage {
	const created = row.created_at;
	return {
		id: String(row.id),
		to: String(row.to),
		subject: String(row.subject),
		text: String(row.text),
		html: String(row.html),
		created_at: created instanceof Date ? created.toISOString() : String(created)
	};
}

/**
 * Stores one mail inside the caller's transaction (which must run as the database owner or as
 * supabase_auth_admin) and returns it, so the mail exists only if that transaction commits.
 */
export async function insertMail(q: Query, mail: OutgoingMail): Promise<MailMessage> {
	const result = await q(
		`insert into _local.mailbox ("to", subject, text, html) values ($1, $2, $3, $4)
		 returning id, "to", subject, text, html, created_at`,
		[mail.to, mail.subject, mail.text, mail.html]
	);
	const row = result.rows[0];
	if (!row) throw new Error('mailbox insert returned no row');
	return toMessage(row);
}

/** Sends (stores) one mail in its own transaction, e.g. `sendMail(executor, { to, subject, text, html })`. */
export async function sendMail(executor: Executor, mail: OutgoingMail): Promise<MailMessage> {
	return executor.admin((q) => insertMail(q, mail));
}

/** Lists stored mail, newest first; `to` keeps only mail to that address (case-insensitive). */
export async function listMail(
	executor: Executor,
	filter: { to?: string } = {}
): Promise<MailMessage[]> {
	return executor.admin(async (q) => {
		const result =
			filter.to === undefined
				? await q(
						`select id, "to", subject, text, html, created_at from _local.mailbox
						 order by created_at desc, id`
					)
				: await q(
						`select id, "to", subject, text, html, created_at from _local.mailbox
						 where lower("to") = lower($1) order by created_at desc, id`,
						[filter.to]
					);
		return result.rows.map(toMessage);
	});
}

/** Deletes every stored mail and returns how many there were. */
export async function clearMail(executor: Executor): Promise<number> {
	return executor.admin(async (q) => (await q('delete from _local.mailbox')).rowCount);
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

// Only http(s) URLs become links, so a stored `javascript:` text can never run in the page.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

function linkify(text: string): string {
	let out = '';
	let last = 0;
	for (const match of text.matchAll(URL_PATTERN)) {
		const index = match.index;
		out += escapeHtml(text.slice(last, index));
		const url = escapeHtml(match[0]);
		out += `<a href="${url}">${url}</a>`;
		last = index + match[0].length;
	}
	return out + escapeHtml(text.slice(last));
}

/**
 * The developer page at /mailbox: every message newest first, its plain text shown escaped with
 * its links clickable. The mail's own HTML is never rendered, so stored content cannot script
 * the page.
 */
export function renderMailboxPage(messages: MailMessage[]): string {
	const items = messages
		.map(
			(m) => `<article id="m-${escapeHtml(m.id)}">
<h2>${escapeHtml(m.subject)}</h2>
<p class="meta">To <strong>${escapeHtml(m.to)}</strong> · <time datetime="${escapeHtml(m.created_at)}">${escapeHtml(m.created_at)}</time></p>
<pre>${linkify(m.text)}</pre>
</article>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local mailbox (${messages.length})</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 0 1rem; margin: 1rem 0; }
pre { white-space: pre-wrap; word-break: break-all; }
.meta { color: #555; }
</style>
</head>
<body>
<h1>Local mailbox</h1>
<p>Mail sent by the local gateway, newest first. JSON: <a href="/mailbox.json">/mailbox.json</a>.</p>
${messages.length === 0 ? '<p>No messages.</p>' : items}
</body>
</html>
`;
}
