import { describe, expect, it } from 'vitest';
import { dateText, openingText } from './format.ts';

describe('openingText', () => {
	const now = new Date('2026-11-23T12:00:00Z'); // Monday 13:00 in Brussels

	it('shows only the time for an opening later today (Brussels time)', () => {
		expect(openingText(new Date('2026-11-23T15:30:00Z'), now, 'fr')).toBe('16:30');
	});

	it('adds the weekday for another day', () => {
		expect(openingText(new Date('2026-11-24T09:00:00Z'), now, 'fr')).toBe('mardi 10:00');
		expect(openingText(new Date('2026-11-24T09:00:00Z'), now, 'nl')).toBe('dinsdag 10:00');
	});

	it('reads the same opening by the day it is read on', () => {
		const opens = new Date('2026-11-24T09:00:00Z');
		expect(openingText(opens, now, 'en')).toBe('Tuesday 10:00');
		// Tuesday 00:30 in Brussels, still Monday in UTC: the same day in Brussels.
		expect(openingText(opens, new Date('2026-11-23T23:30:00Z'), 'en')).toBe('10:00');
		expect(openingText(opens, now, 'en')).toBe('Tuesday 10:00');
	});
});

describe('dateText', () => {
	it('writes a date in words in the locale', () => {
		expect(dateText('2026-03-05', 'nl')).toBe('5 maart 2026');
		expect(dateText('2026-03-05', 'en')).toBe('5 March 2026');
		expect(dateText('2026-03-05', 'fr')).toBe('5 mars 2026');
	});
});
