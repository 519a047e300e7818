import { describe, expect, it } from 'vitest';
import {
	bitCount,
	boundedEditDistance,
	compactText,
	foldText,
	letterSet,
	textTokens
} from './normalize.ts';

describe('text folding', () => {
	it('removes case, accents, ligatures and curly apostrophes', () => {
		expect(foldText('Chaussée d’Ixelles')).toBe("chaussee d'ixelles");
		expect(foldText('ŒUVRE Straße')).toBe('oeuvre strasse');
		expect(textTokens("Chaussée d'Ixelles - Elsensesteenweg")).toEqual([
			'chaussee',
			'd',
			'ixelles',
			'elsensesteenweg'
		]);
		expect(compactText('Saint-Gilles')).toBe('saintgilles');
	});

	it('counts edits with a bound', () => {
		expect(boundedEditDistance('chausee', 'chaussee', 2)).toBe(1);
		expect(boundedEditDistance('wvare', 'wavre', 1)).toBe(1); // adjacent swap
		expect(boundedEditDistance('royale', 'royale', 1)).toBe(0);
		expect(boundedEditDistance('wavre', 'waterloo', 2)).toBe(3);
		expect(boundedEditDistance('abc', 'xyz', 1)).toBe(2);
	});

	it('rules out distant words by their letter sets', () => {
		expect(bitCount(letterSet('wavre') ^ letterSet('waver'))).toBe(0);
		expect(bitCount(letterSet('abc') ^ letterSet('abd'))).toBe(2);
	});
});
