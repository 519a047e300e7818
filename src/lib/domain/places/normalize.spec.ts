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
		expect(foldText('Rue `Haute`')).toBe("rue 'haute'");
		expect(foldText('İSTANBUL ÇARŞI')).toBe('istanbul carsi');
	});

	it('counts edits with a bound', () => {
		expect(boundedEditDistance({ from: 'chausee', to: 'chaussee', maxEdits: 2 })).toBe(1);
		expect(boundedEditDistance({ from: 'wvare', to: 'wavre', maxEdits: 1 })).toBe(1); // adjacent swap
		expect(boundedEditDistance({ from: 'royale', to: 'royale', maxEdits: 1 })).toBe(0);
		expect(boundedEditDistance({ from: 'wavre', to: 'waterloo', maxEdits: 2 })).toBe(3);
		expect(boundedEditDistance({ from: 'abc', to: 'xyz', maxEdits: 1 })).toBe(2);
	});

	it('rules out distant words by their letter sets', () => {
		expect(bitCount(letterSet('wavre') ^ letterSet('waver'))).toBe(0);
		expect(bitCount(letterSet('abc') ^ letterSet('abd'))).toBe(2);
	});
});
