import { describe, expect, it } from 'vitest';
import { quartierName } from './measures.ts';

describe('quartierName', () => {
	// The city's Dutch quartier names are all in capitals.
	const q = { nameFr: 'Grand-Place', nameNl: 'GROTE MARKT' };

	it('reads the Dutch name as a name, and the French one as it is', () => {
		expect(quartierName(q, 'nl')).toBe('Grote Markt');
		expect(quartierName(q, 'fr')).toBe('Grand-Place');
		expect(quartierName(q, 'en')).toBe('Grand-Place');
	});
});
