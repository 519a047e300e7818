import { describe, expect, it } from 'vitest';
import { placeName, tidyName } from './place-name.ts';

describe('place names', () => {
	it('turns names in capitals to title case and keeps mixed case', () => {
		expect(tidyName('GROTE MARKT')).toBe('Grote Markt');
		expect(tidyName('SINT-JOOST-TEN-NODE')).toBe('Sint-Joost-Ten-Node');
		expect(tidyName('Grand Place')).toBe('Grand Place');
		expect(tidyName("Quartier de l'Europe")).toBe("Quartier de l'Europe");
	});

	it('picks Dutch for nl and French otherwise', () => {
		const place = { name_fr: 'Grand Place', name_nl: 'GROTE MARKT' };
		expect(placeName(place, 'nl')).toBe('Grote Markt');
		expect(placeName(place, 'fr')).toBe('Grand Place');
		expect(placeName(place, 'en')).toBe('Grand Place');
	});
});
