import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

describe('safeNext', () => {
	it.each([
		['/fr/moderate?tab=queue', '/fr/moderate?tab=queue'],
		[null, '/fr/account'],
		['//evil.test/x', '/fr/account'],
		['https://evil.test', '/fr/account'],
		['/\\evil.test', '/fr/account'],
		['/fr/\nx', '/fr/account']
	])('%j → %j', (raw, expected) => {
		expect(safeNext(raw, '/fr/account')).toBe(expected);
	});
});
