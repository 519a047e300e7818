import { describe, expect, it } from 'vitest';
import { reasonsFromCounts } from './explain.ts';

describe('reasonsFromCounts', () => {
	it('suggests the smallest wider radius that finds more, then filters, most results first', () => {
		expect(
			reasonsFromCounts({
				total: 1,
				active: ['radius', 'languages', 'accepting'],
				radiusMeters: 1000,
				counts: {
					everything: 40,
					without: { radius: 30, languages: 6, accepting: 1 },
					within: { '500': 1, '1000': 1, '2000': 1, '5000': 4, '10000': 9, '20000': 30 }
				}
			})
		).toEqual([
			{ code: 'drop_filter', filter: 'languages', resultsWithout: 6 },
			{ code: 'widen_radius', radiusMeters: 5000, resultsWithin: 4 }
		]);
	});

	it('puts a wider radius before a filter that finds as many', () => {
		const reasons = reasonsFromCounts({
			total: 0,
			active: ['radius', 'wheelchair'],
			radiusMeters: 500,
			counts: { everything: 9, without: { wheelchair: 2 }, within: { '1000': 2 } }
		});
		expect(reasons.map((r) => r.code)).toEqual(['widen_radius', 'drop_filter']);
	});

	it('names the filters together when no single change helps', () => {
		expect(
			reasonsFromCounts({
				total: 0,
				active: ['text', 'openNow'],
				radiusMeters: undefined,
				counts: { everything: 9, without: { text: 0, openNow: 0 }, within: {} }
			})
		).toEqual([{ code: 'combined_filters', filters: ['text', 'openNow'] }]);
	});

	it('says so when there is nothing at all', () => {
		expect(
			reasonsFromCounts({
				total: 0,
				active: ['languages'],
				radiusMeters: undefined,
				counts: { everything: 0, without: {}, within: {} }
			})
		).toEqual([{ code: 'no_resources' }]);
	});
});
