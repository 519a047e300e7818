// Production mail through an SMTP relay, with nodemailer. SMTP_URL (see smtp-url.ts) chooses
// implicit TLS, required STARTTLS (the default for smtp://), opportunistic STARTTLS or none.
// nodemailer writes the MIME message: RFC 2047 encoded words for non-ASCII display names and
// subjects, folded header lines, quoted-printable or base64 bodies, multipart text + HTML.
import { createTransport, type Transporter } from 'nodemailer';
import type { ConnectionOptions } from 'node:tls';
import type { Mail, Mailer } from './mailer.ts';
import { parseSmtpUrl, type SmtpSettings } from './smtp-url.ts';

/** How long to wait for the TCP (and TLS) connection, for the 220 greeting, and on a silent socket. */
export const SMTP_TIMEOUTS = {
	connectionTimeout: 10_000,
	greetingTimeout: 10_000,
	socketTimeout: 30_000
} as const;

/** What tests may change: trust their own certificate authority, shorten the timeouts. */
export type SmtpOverrides = {
	tls?: ConnectionOptions;
	timeouts?: Partial<Record<keyof typeof SMTP_TIMEOUTS, number>>;
};

/** The nodemailer transport options for `settings`. */
export function transportOptions(settings: SmtpSettings, overrides: SmtpOverrides = {}) {
	return {
		host: settings.host,
		port: settings.port,
		secure: settings.tls === 'implicit',
		requireTLS: settings.tls === 'required',
		ignoreTLS: settings.tls === 'off',
		...(settings.auth ? { auth: settings.auth } : {}),
		...SMTP_TIMEOUTS,
		...overrides.timeouts,
		// Certificates are always checked; TLS below 1.2 is refused.
		tls: { servername: settings.host, minVersion: 'TLSv1.2' as const, ...overrides.tls },
		name: 'nabij'
	};
}

export class SmtpMailer implements Mailer {
	readonly #transport: Transporter;
	readonly #from: string;

	/**
	 * `smtpUrl` as in smtp-url.ts; `from` like `Nabij <no-reply@nabij.example>` (a non-ASCII name
	 * is encoded). `overrides` are for tests.
	 */
	constructor(smtpUrl: string, from: string, overrides: SmtpOverrides = {}) {
		this.#transport = createTransport(transportOptions(parseSmtpUrl(smtpUrl), overrides));
		this.#from = from;
	}

	async send(mail: Mail): Promise<boolean> {
		try {
			await this.#transport.sendMail({
				from: this.#from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html
			});
			return true;
		} catch (error) {
			// The relay's answer says why (refused recipient, bad credentials, no STARTTLS…);
			// the address stays out of the log.
			const reason = error instanceof Error ? error.message : String(error);
			console.error(`[mail] SMTP delivery failed: ${reason}`);
			return false;
		}
	}
}
