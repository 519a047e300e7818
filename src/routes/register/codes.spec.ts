import { describe, expect, it } from 'vitest';
import { unknownCodes } from './codes.ts';

const known = {
	categories: new Set(['self_organisation']),
	supportKinds: new Set(['social_contact']),
	targetGroups: new Set(['older_people']),
	quartiers: new Set([1, 2])
};

describe('unknownCodes', () => {
	it('accepts known codes', () => {
		expect(unknownCodes('who', { category: 'self_organisation' }, known)).toEqual({});
		expect(
			unknownCodes('offer', { support_kinds: ['social_contact'], target_groups: [] }, known)
		).toEqual({});
		expect(unknownCodes('where', { mdrc: 2 }, known)).toEqual({});
	});

	it('flags unknown codes per field', () => {
		expect(unknownCodes('who', { category: 'bank' }, known)).toEqual({
			category: ['invalid_choice']
		});
		expect(
			unknownCodes('offer', { support_kinds: ['x_y'], target_groups: ['older_people', 'z'] }, known)
		).toEqual({ support_kinds: ['invalid_choice'], target_groups: ['invalid_choice'] });
		expect(unknownCodes('where', { mdrc: 999 }, known)).toEqual({ mdrc: ['invalid_choice'] });
	});
});
