import { describe, expect, it } from 'vitest';
import { needsModeration, toChanges } from './edit.ts';

describe('needsModeration', () => {
	it.each([
		['active', 'self_declared', true],
		['paused', 'vouched', true],
		['active', 'verified', false],
		['pending', 'self_declared', false],
		['rejected', 'self_declared', false]
	])('%s %s → %s', (status, trust_tier, expected) => {
		expect(needsModeration({ status, trust_tier })).toBe(expected);
	});
});

describe('toChanges', () => {
	it('drops hours when the schedule is not weekly', () => {
		const changes = toChanges({
			name: 'G',
			description_fr: 'x',
			description_nl: undefined,
			description_en: undefined,
			accepting_new: 'full',
			eligibility_description: undefined,
			schedule_kind: 'by_appointment',
			opening_hours: 'Mo 10:00-12:00'
		});
		expect(changes.service).toEqual({
			accepting_new: 'full',
			eligibility_description: null,
			schedule_kind: 'by_appointment',
			schedules: null
		});
		expect(changes.organization.description_nl).toBeNull();
	});
});
