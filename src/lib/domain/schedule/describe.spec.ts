import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe.ts';
import { parseOpeningHours } from './parse.ts';
import type { Schedule } from './types.ts';

function parsed(text: string): Schedule {
	const result = parseOpeningHours(text);
	if (!result.ok) throw new Error(`${text}: ${result.error.code}`);
	return result.schedule;
}

describe('describeSchedule', () => {
	const office = parsed('Mo-Fr 09:00-12:00,13:30-17:00; Sa 10:00-12:00; PH off');

	it('writes English, French and Dutch sentences', () => {
		expect(describeSchedule(office, 'en')).toEqual([
			'Monday to Friday, 9:00–12:00 and 13:30–17:00',
			'Saturday, 10:00–12:00',
			'Public holidays, closed'
		]);
		expect(describeSchedule(office, 'fr')).toEqual([
			'Du lundi au vendredi, 9h00–12h00 et 13h30–17h00',
			'Samedi, 10h00–12h00',
			'Jours fériés, fermé'
		]);
		expect(describeSchedule(office, 'nl')).toEqual([
			'Maandag tot vrijdag, 9.00–12.00 en 13.30–17.00',
			'Zaterdag, 10.00–12.00',
			'Feestdagen, gesloten'
		]);
	});

	it('describes nth weekdays, months, lists, 24/7 and comments', () => {
		expect(describeSchedule(parsed('We[1,3] 14:00-16:00'), 'en')).toEqual([
			'First and third Wednesday of the month, 14:00–16:00'
		]);
		expect(describeSchedule(parsed('Sa[-1] 10:00-12:00'), 'fr')).toEqual([
			'Dernier samedi du mois, 10h00–12h00'
		]);
		expect(describeSchedule(parsed('Sep-Jun Mo,We 10:00-12:00'), 'nl')).toEqual([
			'September tot juni, maandag en woensdag, 10.00–12.00'
		]);
		expect(describeSchedule(parsed('24/7'), 'en')).toEqual(['Open 24 hours a day, 7 days a week']);
		expect(describeSchedule(parsed('Mo-Su 08:00-20:00'), 'en')).toEqual(['Every day, 8:00–20:00']);
		expect(describeSchedule(parsed('Sa-Su 10:00-12:00'), 'fr')).toEqual([
			'Samedi et dimanche, 10h00–12h00'
		]);
		expect(describeSchedule(parsed('Mo 10:00-12:00, We 14:00-16:00'), 'nl')).toEqual([
			'Maandag, 10.00–12.00',
			'Woensdag, 14.00–16.00'
		]);
		expect(describeSchedule(parsed('"sur rendez-vous"'), 'fr')).toEqual(['“sur rendez-vous”']);
		expect(describeSchedule(parsed('Fr 20:00-26:00'), 'en')).toEqual(['Friday, 20:00–2:00']);
	});
});
