// The SMTP mailer against a real SMTP server (smtp-server) on 127.0.0.1: clear, STARTTLS and
// implicit TLS, with and without AUTH, checking what the server received once parsed back.
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { resolve } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { composeMail } from './mailer.ts';
import { SmtpMailer } from './smtp.ts';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/smtp');
// A self-signed certificate for localhost and 127.0.0.1, for these tests only.
const key = readFileSync(resolve(fixtures, 'key.pem'));
const cert = readFileSync(resolve(fixtures, 'cert.pem'));
const trustTestCa = { tls: { ca: cert } };

type Received = {
	raw: string;
	parsed: ParsedMail;
	secure: boolean;
	user: string | undefined;
	envelope: { from: string; to: string[] };
};

const servers: { close(callback: () => void): void }[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** Starts an SMTP server on a free port; `received` fills as messages arrive. */
async function startServer(
	options: SMTPServerOptions & { credentials?: { user: string; pass: string } }
): Promise<{ port: number; received: Received[] }> {
	const received: Received[] = [];
	const { credentials, ...rest } = options;
	const server = new SMTPServer({
		key,
		cert,
		logger: false,
		authOptional: credentials === undefined,
		...rest,
		onAuth(auth, _session, callback) {
			if (credentials && auth.username === credentials.user && auth.password === credentials.pass) {
				callback(null, { user: auth.username });
			} else {
				callback(new Error('Invalid username or password'));
			}
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				void simpleParser(raw).then((parsed) => {
					received.push({
						raw,
						parsed,
						secure: session.secure,
						user: typeof session.user === 'string' ? session.user : undefined,
						envelope: {
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							to: session.envelope.rcptTo.map((r) => r.address)
						}
					});
					callback();
				}, callback);
			});
		}
	});
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const port = (server.server.address() as AddressInfo).port;
	return { port, received };
}

const LONG_SUBJECT =
	'Votre entrée « Maison de quartier Saint-Gilles — Entraide des aînés » est publiée sur Nabij, merci !';

function aMail(to = 'groupe@example.test') {
	return composeMail({
		to,
		subject: LONG_SUBJECT,
		paragraphs: ['Bonjour, votre entrée est publiée. Dank u — ça marche ✓'],
		links: [{ label: 'Gérer', href: 'https://nabij.example/fr/manage?x=1&y=2' }]
	});
}

function fromOf(parsed: ParsedMail): AddressObject['value'][number] | undefined {
	return parsed.from?.value[0];
}

describe('SmtpMailer', () => {
	it('delivers in clear with tls=off: decoded headers, folded lines, text and HTML bodies', async () => {
		const { port, received } = await startServer({ disabledCommands: ['STARTTLS'] });
		const mailer = new SmtpMailer(
			`smtp://127.0.0.1:${port}?tls=off`,
			'Nabij – Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest <no-reply@nabij.example>'
		);
		expect(await mailer.send(aMail())).toBe(true);
		expect(received).toHaveLength(1);
		const [mail] = received;
		expect(mail?.secure).toBe(false);
		expect(mail?.envelope).toEqual({
			from: 'no-reply@nabij.example',
			to: ['groupe@example.test']
		});
		expect(mail?.parsed.subject).toBe(LONG_SUBJECT);
		expect(fromOf(mail!.parsed)).toEqual({
			name: 'Nabij – Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest',
			address: 'no-reply@nabij.example'
		});
		expect(mail?.parsed.text?.trim()).toBe(
			'Bonjour, votre entrée est publiée. Dank u — ça marche ✓\n\nGérer: https://nabij.example/fr/manage?x=1&y=2'
		);
		expect(mail?.parsed.html).toContain('href="https://nabij.example/fr/manage?x=1&amp;y=2"');
		// On the wire: 7-bit header lines no longer than 78 characters, non-ASCII as encoded words.
		const head = mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n'));
		for (const line of head.split('\r\n')) {
			expect(line.length).toBeLessThanOrEqual(78);
			expect(line).toMatch(/^[\x20-\x7e\t]*$/);
		}
		expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
		expect(head).toMatch(/^From: =\?UTF-8\?[QB]\?/m);
	});

	it('refuses to send in clear when the URL does not allow it (STARTTLS is required)', async () => {
		const { port, received } = await startServer({ disabledCommands: ['STARTTLS'] });
		const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@nabij.example');
		expect(await mailer.send(aMail())).toBe(false);
		expect(received).toHaveLength(0);
	});

	it('upgrades with STARTTLS and authenticates with a percent-encoded password', async () => {
		const credentials = { user: 'nabij', pass: 'p@ss:wörd/1' };
		const { port, received } = await startServer({ credentials });
		const mailer = new SmtpMailer(
			`smtp://nabij:${encodeURIComponent(credentials.pass)}@localhost:${port}`,
			'Nabij <no-reply@nabij.example>',
			trustTestCa
		);
		expect(await mailer.send(aMail('amina@example.test'))).toBe(true);
		expect(received).toHaveLength(1);
		expect(received[0]?.secure).toBe(true);
		expect(received[0]?.user).toBe('nabij');
		expect(received[0]?.envelope.to).toEqual(['amina@example.test']);
		expect(received[0]?.parsed.subject).toBe(LONG_SUBJECT);
	});

	it('reports false on wrong credentials', async () => {
		const { port, received } = await startServer({ credentials: { user: 'nabij', pass: 'right' } });
		const mailer = new SmtpMailer(
			`smtp://nabij:wrong@localhost:${port}`,
			'no-reply@nabij.example',
			trustTestCa
		);
		expect(await mailer.send(aMail())).toBe(false);
		expect(received).toHaveLength(0);
	});

	it('speaks TLS from the first byte with smtps://', async () => {
		const { port, received } = await startServer({ secure: true });
		const mailer = new SmtpMailer(
			`smtps://localhost:${port}`,
			'no-reply@nabij.example',
			trustTestCa
		);
		expect(await mailer.send(aMail())).toBe(true);
		expect(received[0]?.secure).toBe(true);
	});

	it('checks the certificate: an untrusted one is refused', async () => {
		const { port, received } = await startServer({});
		const mailer = new SmtpMailer(`smtp://localhost:${port}`, 'no-reply@nabij.example');
		expect(await mailer.send(aMail())).toBe(false);
		expect(received).toHaveLength(0);
	});

	it('gives up on a server that never greets', async () => {
		const silent: Server = createTcpServer(() => undefined);
		servers.push(silent);
		await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
		const port = (silent.address() as AddressInfo).port;
		const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}?tls=off`, 'no-reply@nabij.example', {
			timeouts: { greetingTimeout: 200 }
		});
		const started = Date.now();
		expect(await mailer.send(aMail())).toBe(false);
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
