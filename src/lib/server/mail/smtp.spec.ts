import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { composeMail } from './mailer.ts';
import { SmtpMailer } from './smtp.ts';

let server: Server | undefined;
afterEach(() => server?.close());

/** A tiny SMTP server on 127.0.0.1 that records the conversation. */
async function fakeSmtp(): Promise<{ port: number; transcript: string[] }> {
	const transcript: string[] = [];
	server = createServer((socket) => {
		let inData = false;
		let buffer = '';
		socket.write('220 fake ready\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let index: number;
			while ((index = buffer.indexOf('\r\n')) !== -1) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				transcript.push(line);
				if (inData) {
					if (line === '.') {
						inData = false;
						socket.write('250 queued\r\n');
					}
				} else if (line.startsWith('EHLO')) socket.write('250-fake\r\n250 AUTH PLAIN\r\n');
				else if (line.startsWith('AUTH')) socket.write('235 ok\r\n');
				else if (line === 'DATA') {
					inData = true;
					socket.write('354 go\r\n');
				} else if (line === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('250 ok\r\n');
			}
		});
	});
	await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	return { port: typeof address === 'object' && address ? address.port : 0, transcript };
}

describe('SmtpMailer', () => {
	it('authenticates and delivers a UTF-8 multipart message', async () => {
		const { port, transcript } = await fakeSmtp();
		const mailer = new SmtpMailer(
			`smtp://user:p%40ss@127.0.0.1:${port}`,
			'Nabij <no-reply@x.test>'
		);
		const sent = await mailer.send(
			composeMail({ to: 'groupe@x.test', subject: 'Entrée publiée ✓', paragraphs: ['Bonjour'] })
		);
		expect(sent).toBe(true);
		expect(transcript).toContain('MAIL FROM:<no-reply@x.test>');
		expect(transcript).toContain('RCPT TO:<groupe@x.test>');
		expect(transcript).toContain(`AUTH PLAIN ${Buffer.from('\0user\0p@ss').toString('base64')}`);
		expect(transcript.some((l) => l.startsWith('Subject: =?UTF-8?B?'))).toBe(true);
		expect(transcript).toContain(Buffer.from('Bonjour').toString('base64'));
	});

	it('reports false when the server refuses', async () => {
		const mailer = new SmtpMailer('smtp://127.0.0.1:1', 'no-reply@x.test');
		expect(await mailer.send(composeMail({ to: 'a@x.test', subject: 's', paragraphs: [] }))).toBe(
			false
		);
	});
});
