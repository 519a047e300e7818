import { describe, expect, it } from 'vitest';
import { decodeDraft, encodeDraft } from './draft.ts';
import { readStep } from './form.ts';
import { fieldErrors, stepSchemas, type Step } from './schema.ts';
import { slotsToOpeningHours } from './schedule.ts';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

function errorsOf(step: Step, entries: [string, string][]) {
	const result = stepSchemas[step].safeParse(readStep(step, form(entries)));
	return result.success ? {} : fieldErrors(result.error);
}

describe('who', () => {
	const valid: [string, string][] = [
		['name', '  Amicale Tamazight  '],
		['category', 'self_organisation'],
		['description_fr', 'Un groupe de parole en tamazight.']
	];

	it('accepts a name, a category and one description, trimmed', () => {
		const result = stepSchemas.who.parse(readStep('who', form(valid)));
		expect(result.name).toBe('Amicale Tamazight');
		expect(result.description_nl).toBeUndefined();
		expect(result.legal_status).toBeUndefined();
	});

	it('keeps emoji, RTL text and 4-byte characters that people write in names', () => {
		const result = stepSchemas.who.parse(
			readStep('who', form([...valid.slice(1), ['name', 'جمعية الأمل 🌻 𝒜']]))
		);
		expect(result.name).toBe('جمعية الأمل 🌻 𝒜');
	});

	it.each([
		['', 'required'],
		['\u200d\u200d\u200f', 'required'],
		['x', 'too_short'],
		['a'.repeat(201), 'too_long'],
		['🌻'.repeat(201), 'too_long'],
		['<script>alert(1)</script>', 'markup'],
		['Amicale \u202eevil', 'control_characters'],
		['Amicale\u0007', 'control_characters']
	])('refuses the name %j with %s', (name, code) => {
		expect(errorsOf('who', [...valid.slice(1), ['name', name]]).name).toEqual([code]);
	});

	it('asks for a description in at least one language', () => {
		expect(errorsOf('who', valid.slice(0, 2)).description).toEqual(['description_required']);
	});

	it('refuses an unknown legal status', () => {
		expect(errorsOf('who', [...valid, ['legal_status', 'sprl']]).legal_status).toBeDefined();
	});
});

describe('offer', () => {
	const base: [string, string][] = [
		['support_kinds', 'social_contact'],
		['languages', 'ar'],
		['languages', 'fr'],
		['cost', 'free'],
		['accepting_new', 'open']
	];

	it('accepts lists from repeated names', () => {
		const result = stepSchemas.offer.parse(readStep('offer', form(base)));
		expect(result.languages).toEqual(['ar', 'fr']);
		expect(result.target_groups).toEqual([]);
	});

	it('refuses no support kind, unknown languages and a wrong cost', () => {
		const errors = errorsOf('offer', [
			['languages', 'xx'],
			['cost', 'expensive'],
			['accepting_new', 'open']
		]);
		expect(errors.support_kinds).toEqual(['required']);
		expect(errors.languages).toEqual(['invalid_choice']);
		expect(errors.cost).toEqual(['invalid_choice']);
	});
});

describe('when', () => {
	it('writes slots as opening hours, one rule per day', () => {
		expect(
			slotsToOpeningHours([
				{ day: '2', from: '18:00', to: '20:00' },
				{ day: '0', from: '09:00', to: '12:00' },
				{ day: '2', from: '14:00', to: '16:00' }
			])
		).toBe('Mo 09:00-12:00; We 14:00-16:00,18:00-20:00');
	});

	it('writes the first Sunday of the month and the months and holidays without meetings', () => {
		expect(
			slotsToOpeningHours(
				[
					{ day: '6', week: '1', from: '10:00', to: '12:00' },
					{ day: '2', week: '', from: '14:00', to: '17:00' },
					{ day: '5', week: '-1', from: '09:00', to: '11:00' }
				],
				{ months: ['8', '7', '12'], holidays: true }
			)
		).toBe('We 14:00-17:00; Sa[-1] 09:00-11:00; Su[1] 10:00-12:00; Jul-Aug,Dec off; PH off');
		expect(slotsToOpeningHours([{ day: '6', week: '7', from: '10:00', to: '12:00' }])).toBeNull();
		expect(
			slotsToOpeningHours([{ day: '6', from: '10:00', to: '12:00' }], { months: ['13'] })
		).toBeNull();
		const when = stepSchemas.when.parse(
			readStep(
				'when',
				form([
					['schedule_kind', 'hours'],
					['slot_day_0', '6'],
					['slot_week_0', '1'],
					['slot_from_0', '10:00'],
					['slot_to_0', '12:00'],
					['closed_months', '7'],
					['closed_months', '8'],
					['closed_holidays', 'on']
				])
			)
		);
		expect(when.opening_hours).toBe('Su[1] 10:00-12:00; Jul-Aug off; PH off');
	});

	it('needs valid hours when the kind is hours', () => {
		expect(errorsOf('when', [['schedule_kind', 'hours']]).opening_hours).toEqual([
			'invalid_schedule'
		]);
		expect(
			errorsOf('when', [
				['schedule_kind', 'hours'],
				['slot_day_0', '1'],
				['slot_from_0', '17:00'],
				['slot_to_0', '09:00']
			]).slots
		).toEqual(['invalid_schedule']);
	});

	it('accepts by appointment without hours', () => {
		expect(errorsOf('when', [['schedule_kind', 'by_appointment']])).toEqual({});
	});
});

describe('where', () => {
	it('drops an address for a quartier-only meeting', () => {
		const result = stepSchemas.where.parse(
			readStep(
				'where',
				form([
					['place_kind', 'quartier'],
					['mdrc', '12'],
					['address', 'Rue privée 1']
				])
			)
		);
		expect(result.address).toBeUndefined();
		expect(result.mdrc).toBe(12);
	});

	it('needs the partner venue name for a partner venue', () => {
		expect(
			errorsOf('where', [
				['place_kind', 'partner'],
				['mdrc', '12']
			]).partner_venue_name
		).toEqual(['required']);
	});
});

describe('contact', () => {
	it.each([
		['phone', '02 345 67 89', null],
		['phone', '📞 0234', 'invalid_phone'],
		['phone', '0470 12 34 56', null],
		['phone', '0470 12 34', 'invalid_phone'],
		['phone', '02 123 45 67', 'invalid_phone'],
		['whatsapp', '\u202e+32 470 12 34 56', 'invalid_phone'],
		['whatsapp', '0033 6 12 34 56 78', null],
		['email', 'groupe@example.test', null],
		['email', 'a@b', 'invalid_email'],
		['website', 'javascript:alert(1)', 'invalid_url'],
		['website', 'https://example.test/groupe', null],
		['whatsapp', '+32 470 12 34 56', null]
	])('%s %j', (kind, value, code) => {
		const errors = errorsOf('contact', [
			['channel_kind_0', kind],
			['channel_value_0', value]
		]);
		expect(errors['channels.0.value']).toEqual(code ? [code] : undefined);
	});

	it('needs at least one channel and keeps the public switch', () => {
		expect(errorsOf('contact', []).channels).toEqual(['channel_required']);
		const result = stepSchemas.contact.parse(
			readStep(
				'contact',
				form([
					['channel_kind_1', 'phone'],
					['channel_value_1', '02 345 67 89'],
					['channel_public_1', 'on']
				])
			)
		);
		expect(result.channels).toEqual([{ kind: 'phone', value: '+3223456789', public: true }]);
	});
});

describe('draft', () => {
	it('round-trips unicode and ignores tampering', () => {
		const draft = { who: { name: 'Groupe 🌻 ‏عربي' } };
		expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
		expect(decodeDraft('not base64 !!')).toEqual({});
		expect(decodeDraft(encodeDraft({ who: { a: 1 } }).slice(0, 5))).toEqual({});
	});
});

describe('edit and pause', () => {
	it('needs hours that parse when the kind is hours', async () => {
		const { editSchema } = await import('./schema.ts');
		const base = { name: 'Groupe', description_fr: 'Texte', accepting_new: 'open' };
		expect(
			editSchema.safeParse({ ...base, schedule_kind: 'hours', opening_hours: 'Xx' }).success
		).toBe(false);
		expect(
			editSchema.safeParse({ ...base, schedule_kind: 'hours', opening_hours: 'We 14:00-17:00' })
				.success
		).toBe(true);
	});

	it('accepts a return date after today and within a year', async () => {
		const { pauseSchema } = await import('./schema.ts');
		const schema = pauseSchema('2026-11-23');
		expect(schema.safeParse({ paused_until: '2026-12-01' }).success).toBe(true);
		expect(schema.safeParse({ paused_until: '2026-11-23' }).success).toBe(false);
		expect(schema.safeParse({ paused_until: '2028-01-01' }).success).toBe(false);
		expect(schema.safeParse({ paused_until: '2026-13-45' }).success).toBe(false);
	});
});
