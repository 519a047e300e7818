import { describe, expect, it } from 'vitest';
import { derivedId, isUuid } from './ids.ts';
import { TermIndex, termId } from './taxonomy.ts';
import type { OurTaxonomy, OurTerm } from './types.ts';

const term = (code: string, parent_code: string | null = null): OurTerm => ({
	code,
	parent_code,
	label_fr: `${code} fr`,
	label_nl: `${code} nl`,
	label_en: `${code} en`,
	definition_fr: 'd fr',
	definition_nl: 'd nl',
	definition_en: 'd en'
});

const taxonomy: OurTaxonomy = {
	categories: [term('self_organisation')],
	supportKinds: [term('social_contact'), term('home_visits', 'social_contact')],
	targetGroups: [term('older_people')],
	languages: ['fr', 'ar'],
	crosswalk: [
		{
			our_type: 'support_kind',
			our_code: 'home_visits',
			sk_rubric_code: '',
			sk_rubric_nl: 'Vrijwilligerswerk',
			sk_match: 'broad',
			bs_category_id: '',
			bs_label_fr: '',
			bs_match: '',
			oe_id: '1306',
			oe_term: 'Care > Support Network > Home Visiting',
			oe_match: 'close'
		}
	]
};

describe('derivedId', () => {
	it('is a stable version 5 UUID per name', () => {
		const id = derivedId('taxonomy_term', 'support_kinds', 'home_visits');
		expect(isUuid(id)).toBe(true);
		expect(id[14]).toBe('5');
		expect(derivedId('taxonomy_term', 'support_kinds', 'home_visits')).toBe(id);
		expect(derivedId('taxonomy_term', 'target_groups', 'home_visits')).not.toBe(id);
	});
});

describe('TermIndex', () => {
	const index = new TermIndex(taxonomy, 'nl');

	it('writes terms in the asked locale with their parent', () => {
		expect(index.of('support_kinds', 'home_visits')).toMatchObject({
			name: 'home_visits nl',
			parent_id: termId('support_kinds', 'social_contact'),
			language: 'nl'
		});
		expect(index.of('languages', 'ar').name).toBe('Arabisch');
	});

	it('carries the crosswalk as metadata, code first, label where the scheme has no code', () => {
		const found = index.terms.find((t) => t.code === 'home_visits') as { metadata?: unknown[] };
		expect(found.metadata).toEqual([
			expect.objectContaining({
				field_name: 'open_eligibility',
				replacement_value: '1306',
				last_action_type: 'crosswalk_close'
			}),
			expect.objectContaining({
				field_name: 'sociale_kaart',
				replacement_value: 'Vrijwilligerswerk',
				last_action_type: 'crosswalk_broad'
			})
		]);
	});

	it('filters a group by itself and its kinds', () => {
		const group = index.byId(termId('support_kinds', 'social_contact'))!;
		expect(index.codesFor(group)).toEqual(['social_contact', 'home_visits']);
		expect(index.byId(derivedId('nothing'))).toBeUndefined();
	});
});
