import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextOpening, stateAt } from '../schedule/evaluate.ts';
import { parseOpeningHours } from '../schedule/parse.ts';
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

describe('describeResults over time', () => {
	// The state and next opening are kept per text and minute; whatever the order of the
	// instants asked (same minute, the next one, back in time, across a change of clocks), each
	// answer must be the one evaluating the schedule at that very instant gives.
	const texts = [
		'Mo-Fr 09:00-12:00,13:30-17:00',
		'Tu 10:00-10:01',
		'Sa 23:30-00:30',
		'Su[1] 14:00-18:00; PH off',
		'24/7',
		'Mo-Su 02:00-03:30'
	];
	const [base] = brusselsResources();
	if (!base) throw new Error('fixtures');
	// A walk in time around the spring change of 2026 (29 March, 02:00 → 03:00): steps within a
	// minute, onto the minute, to the next minutes and back, so consecutive instants often share
	// a minute and often straddle an opening or closing.
	const start = Date.UTC(2026, 2, 28, 0, 0);
	const step = fc.constantFrom(0, 1, -1, 29_999, 60_000, -60_000, 7 * 60_000, -13 * 60_000);
	const walk = fc
		.tuple(
			fc.integer({ min: 0, max: 3 * 24 * 60 }),
			fc.array(step, { minLength: 1, maxLength: 60 })
		)
		.map(([minute, steps]) => {
			let at = start + minute * 60_000;
			return steps.map((delta) => new Date((at += delta)));
		});

	it('answers every instant as evaluating it afresh does', () => {
		fc.assert(
			fc.property(walk, (instants) => {
				for (const at of instants) {
					const rows = texts.map((schedules) => ({
						...base,
						schedule_kind: 'hours' as const,
						schedules,
						distance_m: null,
						relevance: 0
					}));
					describeResults(rows, at).forEach((result, index) => {
						const parsed = parseOpeningHours(texts[index] ?? '');
						if (!parsed.ok) throw new Error(`fixture ${texts[index]}`);
						const state = stateAt(parsed.schedule, at);
						expect(result.openNow).toBe(state === 'unknown' ? null : state === 'open');
						expect(result.nextOpening).toEqual(nextOpening(parsed.schedule, at));
					});
				}
			}),
			{ numRuns: 500 }
		);
	});
});
