import { describe, expect, it } from 'vitest';
import { inSentence, offerLine } from './offer.ts';

describe('offerLine', () => {
	it('keeps the first sentence', () => {
		expect(offerLine('Visites chez vous, une fois par semaine. Sans frais.')).toBe(
			'Visites chez vous, une fois par semaine.'
		);
		expect(offerLine('Bezoek aan huis!\nGratis.')).toBe('Bezoek aan huis!');
	});

	it('cuts a long sentence at a word, with an ellipsis', () => {
		const line = offerLine('Un très long texte sans point qui continue encore', 20);
		expect(line).toBe('Un très long texte…');
		expect((line ?? '').length).toBeLessThanOrEqual(21);
	});

	it('does not split decimals or initials into a sentence when there is no space after', () => {
		expect(offerLine('Ouvert de 9.30 à 12h')).toBe('Ouvert de 9.30 à 12h');
	});

	it('gives null for nothing', () => {
		expect(offerLine(null)).toBeNull();
		expect(offerLine('   \n ')).toBeNull();
	});
});

describe('inSentence', () => {
	it('lower-cases language names in French only', () => {
		expect(inSentence('Arabe', 'fr')).toBe('arabe');
		expect(inSentence('Arabisch', 'nl')).toBe('Arabisch');
		expect(inSentence('Arabic', 'en')).toBe('Arabic');
	});
});
