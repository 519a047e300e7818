import { describe, expect, it } from 'vitest';
import { assertServerSettings, checkServerSettings, usesLocalGateway } from './config.ts';

describe('usesLocalGateway', () => {
	it('is true only for a Supabase API on this machine', () => {
		expect(usesLocalGateway('http://127.0.0.1:54321')).toBe(true);
		expect(usesLocalGateway('http://localhost:54321')).toBe(true);
		expect(usesLocalGateway('http://[::1]:54321')).toBe(true);
		expect(usesLocalGateway('https://abcd.example.test')).toBe(false);
		expect(usesLocalGateway('http://127.0.0.1.example.test')).toBe(false);
		expect(usesLocalGateway(undefined)).toBe(false);
		expect(usesLocalGateway('not a url')).toBe(false);
	});
});

describe('checkServerSettings', () => {
	const local = {
		PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
		PUBLIC_SUPABASE_ANON_KEY: 'a-local-anon-key-long-enough'
	};

	it('accepts the local gateway with nothing else set (local defaults)', () => {
		expect(checkServerSettings(local)).toEqual([]);
	});

	it('names each missing variable once, on its own line', () => {
		const problems = checkServerSettings({ PUBLIC_SUPABASE_URL: 'https://api.example.org' });
		expect(problems).toHaveLength(5);
		expect(problems.join('\n')).toMatch(/SMTP_URL is required/);
		expect(problems.join('\n')).toMatch(/ORIGIN must be the public address/);
		expect(problems.join('\n')).toMatch(/PUBLIC_SUPABASE_ANON_KEY must be set/);
		expect(problems.join('\n')).toMatch(/NABIJ_LINK_SECRET is required/);
		expect(problems.join('\n')).toMatch(/NABIJ_JOBS_TOKEN is required/);
	});

	it('explains wrong values, naming the variable', () => {
		const problems = checkServerSettings({
			...local,
			ORIGIN: 'nabij.example.org',
			XFF_DEPTH: 'two',
			PORT: '80000',
			LOG_LEVEL: 'loud',
			SMTP_URL: 'mail.example.org',
			NABIJ_COMPRESSION: 'no',
			NABIJ_WORKERS: 'many'
		});
		expect(problems).toHaveLength(7);
		expect(problems.join('\n')).toMatch(/NABIJ_COMPRESSION must be on or off/);
		expect(problems.join('\n')).toMatch(/NABIJ_WORKERS must be auto or a whole number/);
		for (const name of [
			'ORIGIN',
			'XFF_DEPTH',
			'PORT',
			'LOG_LEVEL',
			'SMTP_URL',
			'NABIJ_COMPRESSION',
			'NABIJ_WORKERS'
		]) {
			expect(problems.filter((line) => line.includes(name))).toHaveLength(1);
		}
	});

	it('requires real secrets against a real project and accepts them', () => {
		const real = {
			PUBLIC_SUPABASE_URL: 'https://api.example.org',
			PUBLIC_SUPABASE_ANON_KEY: 'a-real-anon-key-long-enough',
			NABIJ_JOBS_TOKEN: 'short'
		};
		expect(checkServerSettings(real).join('\n')).toMatch(/NABIJ_JOBS_TOKEN must be at least 16/);
		expect(
			checkServerSettings({
				...real,
				NABIJ_JOBS_TOKEN: 'a-token-of-sixteen-or-more',
				NABIJ_LINK_SECRET: 'x'.repeat(32),
				SMTP_URL: 'smtp://user:secret@mail.example.org:587',
				ORIGIN: 'https://nabij.example.org',
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			})
		).toEqual([]);
	});

	it('stops start-up with every problem in one message', () => {
		expect(() => assertServerSettings({})).toThrow(/PUBLIC_SUPABASE_URL[\s\S]*\n- /);
	});
});
