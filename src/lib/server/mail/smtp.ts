// A minimal SMTP client for production mail (RFC 5321): EHLO, STARTTLS when offered on smtp://,
// implicit TLS on smtps://, AUTH PLAIN when the URL carries credentials, one message per
// connection, UTF-8 subject and base64 MIME bodies (multipart/alternative text + HTML).
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { Mail, Mailer } from './mailer.ts';

type Reply = { code: number; lines: string[] };

class Conversation {
	#socket: Socket | TLSSocket;
	#buffer = '';
	#waiting: ((reply: Reply) => void) | null = null;
	#failed: ((error: Error) => void) | null = null;

	constructor(socket: Socket | TLSSocket) {
		this.#socket = socket;
		this.#listen();
	}

	#listen(): void {
		this.#socket.setEncoding('utf8');
		this.#socket.on('data', (chunk: string) => {
			this.#buffer += chunk;
			this.#drain();
		});
		this.#socket.on('error', (error) => this.#failed?.(error));
		this.#socket.on('close', () => this.#failed?.(new Error('SMTP connection closed')));
	}

	#drain(): void {
		// A reply ends with a line "NNN text" (space after the code); "NNN-text" lines continue.
		const lines = this.#buffer.split('\r\n');
		const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line));
		if (last === -1 || !this.#waiting) return;
		const replyLines = lines.slice(0, last + 1);
		this.#buffer = lines.slice(last + 1).join('\r\n');
		const resolve = this.#waiting;
		this.#waiting = null;
		resolve({ code: Number(replyLines[last]?.slice(0, 3)), lines: replyLines });
	}

	read(): Promise<Reply> {
		return new Promise((resolve, reject) => {
			this.#waiting = resolve;
			this.#failed = reject;
			this.#drain();
		});
	}

	async command(line: string, expect: number[]): Promise<Reply> {
		this.#socket.write(`${line}\r\n`);
		const reply = await this.read();
		if (!expect.includes(reply.code)) {
			throw new Error(`SMTP ${line.split(' ')[0]} answered ${reply.lines.join(' | ')}`);
		}
		return reply;
	}

	upgrade(host: string): Promise<void> {
		return new Promise((resolve, reject) => {
			this.#socket.removeAllListeners('data');
			this.#socket.removeAllListeners('error');
			this.#socket.removeAllListeners('close');
			const secure = connectTls({ socket: this.#socket, servername: host }, () => resolve());
			secure.once('error', reject);
			this.#socket = secure;
			this.#buffer = '';
			this.#listen();
		});
	}

	end(): void {
		this.#socket.end();
	}
}

function encodeHeader(value: string): string {
	const clean = value.replace(/[\r\n]+/g, ' ');
	return /^[\x20-\x7e]*$/.test(clean)
		? clean
		: `=?UTF-8?B?${Buffer.from(clean).toString('base64')}?=`;
}

function base64Lines(text: string): string {
	return (
		Buffer.from(text)
			.toString('base64')
			.match(/.{1,76}/g) ?? []
	).join('\r\n');
}

/** The RFC 5322 message for `mail`, with CRLF line ends. */
export function formatMessage(from: string, mail: Mail, date = new Date()): string {
	const boundary = `nabij-${crypto.randomUUID()}`;
	return [
		`From: ${encodeHeader(from)}`,
		`To: ${encodeHeader(mail.to)}`,
		`Subject: ${encodeHeader(mail.subject)}`,
		`Date: ${date.toUTCString()}`,
		`Message-ID: <${crypto.randomUUID()}@nabij>`,
		'MIME-Version: 1.0',
		`Content-Type: multipart/alternative; boundary="${boundary}"`,
		'',
		`--${boundary}`,
		'Content-Type: text/plain; charset=utf-8',
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(mail.text),
		`--${boundary}`,
		'Content-Type: text/html; charset=utf-8',
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(mail.html),
		`--${boundary}--`,
		''
	].join('\r\n');
}

function address(value: string): string {
	const match = /<([^<>\s]+)>\s*$/.exec(value);
	return match?.[1] ?? value.trim();
}

export class SmtpMailer implements Mailer {
	readonly #url: URL;
	readonly #from: string;

	/** `smtpUrl` like `smtps://user:password@host:465` or `smtp://host:25`. */
	constructor(smtpUrl: string, from: string) {
		this.#url = new URL(smtpUrl);
		this.#from = from;
	}

	async send(mail: Mail): Promise<boolean> {
		try {
			await this.#deliver(mail);
			return true;
		} catch (error) {
			console.error(`[mail] SMTP delivery to ${mail.to} failed:`, error);
			return false;
		}
	}

	async #deliver(mail: Mail): Promise<void> {
		const host = this.#url.hostname;
		const implicitTls = this.#url.protocol === 'smtps:';
		const port = Number(this.#url.port) || (implicitTls ? 465 : 587);
		const socket = await new Promise<Socket | TLSSocket>((resolve, reject) => {
			const s = implicitTls
				? connectTls({ host, port, servername: host }, () => resolve(s))
				: connectTcp({ host, port }, () => resolve(s));
			s.once('error', reject);
			s.setTimeout(30_000, () => s.destroy(new Error('SMTP timeout')));
		});
		const smtp = new Conversation(socket);
		try {
			const greeting = await smtp.read();
			if (greeting.code !== 220) throw new Error(`SMTP greeting ${greeting.lines.join(' ')}`);
			let ehlo = await smtp.command('EHLO nabij', [250]);
			if (!implicitTls && ehlo.lines.some((l) => /^250[- ]STARTTLS/i.test(l))) {
				await smtp.command('STARTTLS', [220]);
				await smtp.upgrade(host);
				ehlo = await smtp.command('EHLO nabij', [250]);
			}
			if (this.#url.username) {
				const user = decodeURIComponent(this.#url.username);
				const password = decodeURIComponent(this.#url.password);
				const plain = Buffer.from(`\0${user}\0${password}`).toString('base64');
				await smtp.command(`AUTH PLAIN ${plain}`, [235]);
			}
			await smtp.command(`MAIL FROM:<${address(this.#from)}>`, [250]);
			await smtp.command(`RCPT TO:<${address(mail.to)}>`, [250, 251]);
			await smtp.command('DATA', [354]);
			await smtp.command(`${formatMessage(this.#from, mail)}\r\n.`, [250]);
			await smtp.command('QUIT', [221]).catch(() => undefined);
		} finally {
			smtp.end();
		}
	}
}
