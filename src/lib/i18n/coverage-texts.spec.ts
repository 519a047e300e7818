import { describe, expect, it } from 'vitest';
import { loadCoverageCatalog } from '#lib/domain/coverage/fixtures.ts';
import { coverageCatalog } from './coverage-texts.ts';

describe('coverageCatalog', () => {
	it('gives every measure and source its words from messages/coverage in fr, nl and en', () => {
		expect(coverageCatalog()).toEqual(loadCoverageCatalog());
	});

	it('keeps the facts beside the words', () => {
		const { measures, sources } = coverageCatalog();
		expect(measures.gap_index).toMatchObject({
			id: 'gap_index',
			unit: 'z',
			label: { nl: 'Kloofindex' }
		});
		expect(sources.urbis_quartiers.caveat).toBeNull();
		expect(sources.ibsa_households.caveat?.en).toContain('Reference year not stated');
	});
});
