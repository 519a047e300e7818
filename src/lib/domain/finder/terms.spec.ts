import { describe, expect, it } from 'vitest';
import { placeName } from '../places/place-name.ts';
import { quartiersIn, termsIn } from './terms.ts';

const term = (code: string, fr: string, nl: string, en: string) => ({
	code,
	label_fr: fr,
	label_nl: nl,
	label_en: en
});
const taxonomy = {
	categories: [
		term('other', 'Autre', 'Andere', 'Other'),
		term('seniors', 'Aînés', 'Ouderen', 'Older')
	],
	supportKinds: [
		{ ...term('contact', 'Contact', 'Contact', 'Contact'), parent_code: null },
		{ ...term('visits', 'Visites', 'Bezoeken', 'Visits'), parent_code: 'contact' }
	],
	targetGroups: [term('everyone', 'Tout le monde', 'Iedereen', 'Everyone')]
};

describe('termsIn', () => {
	it('keeps each term, in order, with the label of the language asked for', () => {
		expect(termsIn(taxonomy, 'nl')).toEqual({
			categories: [
				{ code: 'other', label: 'Andere' },
				{ code: 'seniors', label: 'Ouderen' }
			],
			supportKinds: [
				{ code: 'contact', label: 'Contact', parent_code: null },
				{ code: 'visits', label: 'Bezoeken', parent_code: 'contact' }
			],
			targetGroups: [{ code: 'everyone', label: 'Iedereen' }]
		});
		expect(termsIn(taxonomy, 'en').categories.map((t) => t.label)).toEqual(['Other', 'Older']);
		expect(termsIn(taxonomy, 'fr').targetGroups).toEqual([
			{ code: 'everyone', label: 'Tout le monde' }
		]);
	});
});

describe('quartiersIn', () => {
	it('names each quartier as placeName does in that language', () => {
		const quartiers = [
			{ mdrc: 1, name_fr: 'Anneessens', name_nl: 'ANNEESSENS' },
			{ mdrc: 3, name_fr: 'Saint-Gilles centre', name_nl: 'Sint-Gillis centrum' }
		];
		for (const locale of ['fr', 'nl', 'en']) {
			expect(quartiersIn(quartiers, locale)).toEqual(
				quartiers.map((q) => ({ mdrc: q.mdrc, name: placeName(q, locale) }))
			);
		}
		expect(quartiersIn(quartiers, 'nl')[1]).toEqual({ mdrc: 3, name: 'Sint-Gillis centrum' });
	});

	it("lists them in the alphabetical order of that language's names", () => {
		const quartiers = [
			{ mdrc: 10, name_fr: 'Gare du Midi', name_nl: 'ZUIDSTATION' },
			{ mdrc: 20, name_fr: 'Étangs Noirs', name_nl: 'ZWARTE VIJVERS' },
			{ mdrc: 30, name_fr: 'Cureghem Bara', name_nl: 'KURIGEM BARA' }
		];
		expect(quartiersIn(quartiers, 'fr').map((q) => q.mdrc)).toEqual([30, 20, 10]);
		expect(quartiersIn(quartiers, 'nl').map((q) => q.name)).toEqual([
			'Kurigem Bara',
			'Zuidstation',
			'Zwarte Vijvers'
		]);
	});
});
