import { describe, expect, it } from 'vitest';
import { glyphRange, glyphRanges } from './glyphs.ts';

describe('glyphRanges', () => {
	it('lists the 256-code-point blocks the names use, Latin always', () => {
		expect(glyphRange(0x2019)).toBe('8192-8447');
		expect(glyphRanges([])).toEqual(['0-255']);
		expect(glyphRanges(['Rue de l’Église', 'Łódź'])).toEqual(['0-255', '256-511', '8192-8447']);
	});
});
