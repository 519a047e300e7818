// SMTP_URL, the one setting that says how the server reaches its mail relay:
//
//   smtps://user:password@host[:465]        TLS from the first byte (implicit TLS)
//   smtp://user:password@host[:587]         STARTTLS, required: refuses to send in clear
//   smtp://host:25?tls=opportunistic        STARTTLS when the relay offers it, else clear
//   smtp://127.0.0.1:25?tls=off             never TLS (a relay on this machine or a sidecar)
//
// User and password are percent-encoded in the URL (`p%40ss` for `p@ss`). Credentials are refused
// with `tls=off` or `tls=opportunistic` unless the host is a loopback address, so a typo cannot
// send the relay's password over the network in clear.
import { z } from 'zod';

export type SmtpTlsMode = 'implicit' | 'required' | 'opportunistic' | 'off';

export type SmtpSettings = {
	host: string;
	port: number;
	tls: SmtpTlsMode;
	auth?: { user: string; pass: string };
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const tlsParam = z.enum(['required', 'opportunistic', 'off']);

/**
 * Reads SMTP_URL into connection settings, or throws one clear message saying what is wrong.
 *
 * @example parseSmtpUrl('smtp://user:p%40ss@mail.example:587') // STARTTLS required, AUTH user/p@ss
 */
export function parseSmtpUrl(value: string): SmtpSettings {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error('SMTP_URL is not a URL: expected smtp(s)://user:password@host:port');
	}
	if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
		throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
	}
	if (!url.hostname) throw new Error('SMTP_URL has no host');
	const implicit = url.protocol === 'smtps:';
	for (const key of url.searchParams.keys()) {
		if (key !== 'tls') throw new Error(`SMTP_URL: unknown parameter "${key}" (only "tls")`);
	}
	const rawTls = url.searchParams.get('tls');
	let tls: SmtpTlsMode = implicit ? 'implicit' : 'required';
	if (rawTls !== null) {
		if (implicit) throw new Error('SMTP_URL: smtps:// is always TLS; drop the "tls" parameter');
		const parsed = tlsParam.safeParse(rawTls);
		if (!parsed.success) {
			throw new Error(`SMTP_URL: tls must be required, opportunistic or off, not "${rawTls}"`);
		}
		tls = parsed.data;
	}
	const auth = url.username
		? {
				user: decodeURIComponent(url.username),
				pass: decodeURIComponent(url.password)
			}
		: undefined;
	if (auth && (tls === 'off' || tls === 'opportunistic') && !LOOPBACK.has(url.hostname)) {
		throw new Error(
			`SMTP_URL: a password may go in clear only to this machine; use tls=required or smtps:// for ${url.hostname}`
		);
	}
	const port = url.port ? Number(url.port) : implicit ? 465 : 587;
	return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, tls, ...(auth ? { auth } : {}) };
}
