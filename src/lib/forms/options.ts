// Choice lists shared by the registration steps and the edit page, labelled in the interface
// language.
import { m } from '#lib/paraglide/messages.js';

/** Whether the service takes new people: open, waiting list or full. */
export function acceptingOptions(): { value: string; label: string }[] {
	return [
		{ value: 'open', label: m.account_accepting_open() },
		{ value: 'waitlist', label: m.account_accepting_waitlist() },
		{ value: 'full', label: m.account_accepting_full() }
	];
}

/** How opening times are given: weekly hours, by appointment, or irregular. */
export function scheduleKindOptions(): { value: string; label: string }[] {
	return [
		{ value: 'hours', label: m.account_schedule_hours() },
		{ value: 'by_appointment', label: m.account_schedule_by_appointment() },
		{ value: 'irregular', label: m.account_schedule_irregular() }
	];
}
