import { describe, expect, it } from 'vitest';
import { brusselsResources, emptyQuery } from './fixtures.ts';
import { describeResults, openScheduleTexts } from './results.ts';

// Tuesday 7 April 2026, 10:30 in Brussels.
const { now } = emptyQuery();

describe('openScheduleTexts', () => {
	it('keeps the texts open at the moment, dropping closed and unreadable ones', () => {
		expect(
			openScheduleTexts(
				['Mo-Fr 09:00-12:00', 'Sa 10:00-12:00', 'not a schedule', 'Tu 10:00-11:00'],
				now
			)
		).toEqual(['Mo-Fr 09:00-12:00', 'Tu 10:00-11:00']);
	});
});

describe('describeResults', () => {
	it('adds open now, the next opening and the walk, keeping the order', () => {
		const [a, b] = brusselsResources();
		if (!a || !b) throw new Error('fixtures');
		const rows = [
			{
				...a,
				schedule_kind: 'hours' as const,
				schedules: 'Tu 10:00-12:00',
				distance_m: 323,
				relevance: 0
			},
			{ ...b, schedule_kind: 'irregular' as const, schedules: null, distance_m: null, relevance: 1 }
		];
		const [first, second] = describeResults(rows, now);
		expect(first).toMatchObject({
			id: a.id,
			openNow: true,
			distanceMeters: 323,
			walkingMinutes: 6
		});
		expect(first?.nextOpening?.closesAt.toISOString()).toBe('2026-04-07T10:00:00.000Z');
		expect(second).toMatchObject({
			id: b.id,
			openNow: null,
			nextOpening: null,
			walkingMinutes: null
		});
		expect(first).not.toHaveProperty('distance_m');
	});
});
