// Reads one step of the registration form from posted FormData into the plain input its schema
// expects. Repeated names give lists; numbered names give slots and channels; a checkbox is
// 'on' when ticked. Unknown names are ignored, so a tampered form can add nothing.
import { MAX_CHANNELS, MAX_SLOTS, type Step } from './schema.ts';

type Input = Record<string, unknown>;

function text(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
}

function texts(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** The raw input of `step` in `form`, shaped for that step's schema. */
export function readStep(step: Step, form: FormData): Input {
	const fields = readFields(step, form);
	if (step !== 'contact') return fields;
	// Rows left empty are not channels.
	const channels = fields.channels as Array<{ value: string }>;
	return { channels: channels.filter((c) => c.value.trim() !== '') };
}

/**
 * Every field of `step` as typed, empty contact rows included: what the form shows again after
 * an error, so that nothing moves or disappears.
 */
export function readFields(step: Step, form: FormData): Input {
	switch (step) {
		case 'who':
			return pick(form, [
				'name',
				'category',
				'legal_status',
				'description_fr',
				'description_nl',
				'description_en'
			]);
		case 'offer':
			return {
				...pick(form, ['cost', 'cost_note', 'accepting_new', 'eligibility_description']),
				support_kinds: texts(form, 'support_kinds'),
				target_groups: texts(form, 'target_groups'),
				languages: texts(form, 'languages')
			};
		case 'when':
			return {
				...pick(form, ['schedule_kind', 'opening_hours']),
				slots: Array.from({ length: MAX_SLOTS }, (_, i) => ({
					day: text(form, `slot_day_${i}`) ?? '',
					week: text(form, `slot_week_${i}`) ?? '',
					from: text(form, `slot_from_${i}`) ?? '',
					to: text(form, `slot_to_${i}`) ?? ''
				})),
				closed_months: texts(form, 'closed_months'),
				closed_holidays: text(form, 'closed_holidays') === 'on'
			};
		case 'where':
			return pick(form, ['place_kind', 'mdrc', 'location_name', 'partner_venue_name', 'address']);
		case 'contact':
			return {
				channels: Array.from({ length: MAX_CHANNELS }, (_, i) => ({
					kind: text(form, `channel_kind_${i}`) ?? '',
					value: text(form, `channel_value_${i}`) ?? '',
					public: text(form, `channel_public_${i}`) === 'on'
				}))
			};
		case 'review':
			return { consent: text(form, 'consent') === 'on', terms: text(form, 'terms') === 'on' };
	}
}

function pick(form: FormData, names: string[]): Input {
	const input: Input = {};
	for (const name of names) {
		const value = text(form, name);
		if (value !== undefined) input[name] = value;
	}
	return input;
}
