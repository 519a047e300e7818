import { describe, expect, it } from 'vitest';
import { makeQuartier, makeResource } from './fixtures.ts';
import { ageInDays, computeSurveyStatus } from './survey.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('ageInDays', () => {
	it('counts days from UTC midnight', () => {
		expect(ageInDays('2026-11-22', NOW)).toBeCloseTo(1 + 10 / 24, 12);
		expect(ageInDays('2026-11-30', NOW)).toBeLessThan(0);
	});

	it('rejects malformed and impossible dates', () => {
		expect(ageInDays('2026-02-30', NOW)).toBeNull();
		expect(ageInDays('23/11/2026', NOW)).toBeNull();
		expect(ageInDays('', NOW)).toBeNull();
	});
});

describe('computeSurveyStatus', () => {
	const quartiers = [1, 2, 3, 4, 5, 6].map((mdrc) => makeQuartier({ mdrc }));

	const status = computeSurveyStatus({
		quartiers,
		now: NOW,
		recentDays: 180,
		surveys: [
			// 1: recently checked twice; the later check wins.
			{ mdrc: 1, checked_on: '2026-03-01', organization_name: 'LDC Aksent' },
			{ mdrc: 1, checked_on: '2026-09-15', organization_name: 'Antenne Brabant' },
			// 2: recently checked, but most entries unconfirmed.
			{ mdrc: 2, checked_on: '2026-10-01', organization_name: 'CPAS' },
			// 4: checked long ago only.
			{ mdrc: 4, checked_on: '2024-05-01', organization_name: 'LDC Aksent' },
			// 6: a broken date does not count.
			{ mdrc: 6, checked_on: 'yesterday', organization_name: 'X' }
		],
		resources: [
			makeResource({ id: 'a', mdrc: 1, assured_date: '2026-11-01' }),
			makeResource({ id: 'b', mdrc: 2, assured_date: '2026-11-01' }),
			makeResource({ id: 'c', mdrc: 2, assured_date: '2025-01-01' }),
			makeResource({ id: 'd', mdrc: 2, assured_date: null, status: 'dormant' }),
			makeResource({ id: 'e', mdrc: 3, assured_date: '2026-08-01' }),
			makeResource({ id: 'f', mdrc: 4, assured_date: '2024-05-01' })
		]
	});

	it('calls a quartier surveyed after a recent check with its entries confirmed', () => {
		expect(status.get(1)).toEqual({
			mdrc: 1,
			status: 'surveyed',
			lastSurvey: { checkedOn: '2026-09-15', organizationName: 'Antenne Brabant', ageDays: 69 },
			recentSurvey: true,
			entryCount: 1,
			recentlyConfirmedCount: 1,
			confirmedShare: 1
		});
	});

	it('calls a quartier stale when recent knowledge is partial', () => {
		expect(status.get(2)?.status).toBe('stale');
		expect(status.get(2)?.confirmedShare).toBeCloseTo(1 / 3, 12);
		// Recently confirmed entries but no recent field check.
		expect(status.get(3)?.status).toBe('stale');
		expect(status.get(3)?.recentSurvey).toBe(false);
	});

	it('calls a quartier not surveyed without a recent check or confirmation, and keeps the old check', () => {
		expect(status.get(4)?.status).toBe('not_surveyed');
		expect(status.get(4)?.lastSurvey?.checkedOn).toBe('2024-05-01');
		expect(status.get(4)?.entryCount).toBe(1);
		expect(status.get(5)).toMatchObject({
			status: 'not_surveyed',
			lastSurvey: null,
			entryCount: 0
		});
		expect(status.get(6)?.lastSurvey).toBeNull();
	});

	it('calls a recently checked quartier without entries surveyed', () => {
		const s = computeSurveyStatus({
			quartiers: [makeQuartier({ mdrc: 9 })],
			resources: [],
			surveys: [{ mdrc: 9, checked_on: '2026-11-20', organization_name: 'LDC' }],
			now: NOW
		});
		expect(s.get(9)).toMatchObject({ status: 'surveyed', entryCount: 0, confirmedShare: null });
	});

	it('moves the window with recentDays', () => {
		const s = computeSurveyStatus({
			quartiers: [makeQuartier({ mdrc: 4 })],
			resources: [],
			surveys: [{ mdrc: 4, checked_on: '2024-05-01', organization_name: 'LDC' }],
			now: NOW,
			recentDays: 1000
		});
		expect(s.get(4)?.status).toBe('surveyed');
	});
});
