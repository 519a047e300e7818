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

	it('describes dated and seasonal closures, weeks and the first Sunday in three languages', () => {
		const text =
			'Su[1] 10:00-12:00; Dec 24 off; Jul 15-Aug 15 off; PH off; 2026 Dec 24-2027 Jan 2 off; week 1-26 Mo 09:00-12:00; Jul-Aug off';
		expect(describeSchedule(parsed(text), 'en')).toEqual([
			'First Sunday of the month, 10:00–12:00',
			'24 December, closed',
			'15 July to 15 August, closed',
			'Public holidays, closed',
			'24 December 2026 to 2 January 2027, closed',
			'Weeks 1 to 26, Monday, 9:00–12:00',
			'July to August, closed'
		]);
		expect(describeSchedule(parsed(text), 'fr')).toEqual([
			'Premier dimanche du mois, 10h00–12h00',
			'24 décembre, fermé',
			'Du 15 juillet au 15 août, fermé',
			'Jours fériés, fermé',
			'Du 24 décembre 2026 au 2 janvier 2027, fermé',
			'Semaines 1 à 26, lundi, 9h00–12h00',
			'De juillet à août, fermé'
		]);
		expect(describeSchedule(parsed(text), 'nl')).toEqual([
			'Eerste zondag van de maand, 10.00–12.00',
			'24 december, gesloten',
			'15 juli tot 15 augustus, gesloten',
			'Feestdagen, gesloten',
			'24 december 2026 tot 2 januari 2027, gesloten',
			'Weken 1 tot 26, maandag, 9.00–12.00',
			'Juli tot augustus, gesloten'
		]);
		expect(describeSchedule(parsed('Jul,Dec 24 week 5,7 off'), 'en')).toEqual([
			'July and 24 December, weeks 5 and 7, closed'
		]);
	});
});
