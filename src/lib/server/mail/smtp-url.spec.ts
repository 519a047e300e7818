import { describe, expect, it } from 'vitest';
import { parseSmtpUrl } from './smtp-url.ts';

describe('parseSmtpUrl', () => {
	it('requires STARTTLS on smtp:// and defaults to the submission port', () => {
		expect(parseSmtpUrl('smtp://user:p%40ss@mail.example')).toEqual({
			host: 'mail.example',
			port: 587,
			tls: 'required',
			auth: { user: 'user', pass: 'p@ss' }
		});
	});

	it('uses implicit TLS on smtps:// (port 465 by default)', () => {
		expect(parseSmtpUrl('smtps://mail.example')).toEqual({
			host: 'mail.example',
			port: 465,
			tls: 'implicit'
		});
	});

	it('accepts tls=opportunistic and tls=off', () => {
		expect(parseSmtpUrl('smtp://relay.internal:25?tls=opportunistic').tls).toBe('opportunistic');
		expect(parseSmtpUrl('smtp://127.0.0.1:25?tls=off')).toEqual({
			host: '127.0.0.1',
			port: 25,
			tls: 'off'
		});
	});

	it('allows a password in clear only to this machine', () => {
		expect(parseSmtpUrl('smtp://u:p@localhost:25?tls=off').auth).toEqual({ user: 'u', pass: 'p' });
		expect(() => parseSmtpUrl('smtp://u:p@relay.example:25?tls=off')).toThrow(/in clear/);
		expect(() => parseSmtpUrl('smtp://u:p@relay.example:25?tls=opportunistic')).toThrow(/in clear/);
	});

	it('says what is wrong with a bad URL', () => {
		expect(() => parseSmtpUrl('mail.example:587')).toThrow(/smtp:\/\/ or smtps:\/\//);
		expect(() => parseSmtpUrl('not a url')).toThrow(/not a URL/);
		expect(() => parseSmtpUrl('http://mail.example')).toThrow(/smtp:\/\/ or smtps:\/\//);
		expect(() => parseSmtpUrl('smtp://mail.example?tls=maybe')).toThrow(/tls must be/);
		expect(() => parseSmtpUrl('smtps://mail.example?tls=off')).toThrow(/always TLS/);
		expect(() => parseSmtpUrl('smtp://mail.example?secure=1')).toThrow(/unknown parameter/);
	});
});
