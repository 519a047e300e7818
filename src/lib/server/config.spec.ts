import { describe, expect, it } from 'vitest';
import { usesLocalGateway } from './config.ts';

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
