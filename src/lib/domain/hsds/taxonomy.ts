// Our taxonomy as HSDS taxonomies and taxonomy terms: organization categories, support kinds
// (groups are the parents of kinds), target groups and languages. Where the crosswalk places a
// code in the Open Eligibility taxonomy, the Sociale Kaart or Bruxelles Social, the term carries
// that code as HSDS `metadata` (the only extension point the taxonomy_term schema has).
import { languageName } from '../languages.ts';
import { derivedId } from './ids.ts';
import type { CrosswalkRow, HsdsLocale, HsdsObject, OurTaxonomy, OurTerm } from './types.ts';

/** The taxonomies we publish, with the crosswalk's `our_type` for each. */
export const TAXONOMIES = [
	{ key: 'categories', crosswalk: 'category' },
	{ key: 'support_kinds', crosswalk: 'support_kind' },
	{ key: 'target_groups', crosswalk: 'target_group' },
	{ key: 'languages', crosswalk: null }
] as const;

export type TaxonomyKey = (typeof TAXONOMIES)[number]['key'];

const TAXONOMY_TEXT: Record<TaxonomyKey, Record<HsdsLocale, [string, string]>> = {
	categories: {
		fr: ['Nabij : catégories d’organisation', 'Le type d’organisation (une par organisation).'],
		nl: ['Nabij: organisatiecategorieën', 'Het soort organisatie (één per organisatie).'],
		en: ['Nabij organization categories', 'What kind of organization an entry is (one each).']
	},
	support_kinds: {
		fr: [
			'Nabij : formes de soutien',
			'Ce qu’un service offre, en deux niveaux (groupes et formes).'
		],
		nl: ['Nabij: soorten steun', 'Wat een dienst aanbiedt, in twee niveaus (groepen en soorten).'],
		en: [
			'Nabij support kinds',
			'What a service offers to people, in two levels (groups and kinds).'
		]
	},
	target_groups: {
		fr: ['Nabij : publics', 'À qui un service s’adresse ou qui il accueille en particulier.'],
		nl: [
			'Nabij: doelgroepen',
			'Voor wie een dienst bedoeld is of wie ze in het bijzonder verwelkomt.'
		],
		en: ['Nabij target groups', 'Who a service is designed for or especially welcomes.']
	},
	languages: {
		fr: [
			'Langues (ISO 639)',
			'Les langues dans lesquelles un service est offert, par code ISO 639.'
		],
		nl: ['Talen (ISO 639)', 'De talen waarin een dienst wordt aangeboden, met hun ISO 639-code.'],
		en: ['Languages (ISO 639)', 'The languages a service is offered in, by ISO 639 code.']
	}
};

/** The stable id of one of our taxonomies. */
export function taxonomyId(key: TaxonomyKey): string {
	return derivedId('taxonomy', key);
}

/** The stable id of a term (a code of one of our taxonomies). */
export function termId(key: TaxonomyKey, code: string): string {
	return derivedId('taxonomy_term', key, code);
}

/** An HSDS taxonomy object for one of ours. */
export function toTaxonomy(key: TaxonomyKey, locale: HsdsLocale): HsdsObject {
	const [name, description] = TAXONOMY_TEXT[key][locale];
	return {
		id: taxonomyId(key),
		name,
		description,
		...(key === 'languages' ? { uri: 'https://www.iso.org/iso-639-language-code' } : {}),
		version: '0.1'
	};
}

/** A term as HSDS wants it, without the crosswalk: what a service's attribute links to. */
export type HsdsTerm = {
	id: string;
	code: string;
	name: string;
	description: string;
	parent_id?: string;
	taxonomy: TaxonomyKey;
	taxonomy_id: string;
	language: HsdsLocale;
};

function fromOurTerm(key: TaxonomyKey, term: OurTerm, locale: HsdsLocale): HsdsTerm {
	return {
		id: termId(key, term.code),
		code: term.code,
		name: term[`label_${locale}`],
		description: term[`definition_${locale}`],
		...(term.parent_code ? { parent_id: termId(key, term.parent_code) } : {}),
		taxonomy: key,
		taxonomy_id: taxonomyId(key),
		language: locale
	};
}

const LANGUAGE_DESCRIPTION: Record<HsdsLocale, (name: string, code: string) => string> = {
	fr: (name, code) => `Service offert en ${name} (ISO 639 : ${code}).`,
	nl: (name, code) => `Dienst aangeboden in het ${name} (ISO 639: ${code}).`,
	en: (name, code) => `Service offered in ${name} (ISO 639: ${code}).`
};

function languageTerm(code: string, locale: HsdsLocale): HsdsTerm {
	const name = languageName(code, locale);
	return {
		id: termId('languages', code),
		code,
		name,
		description: LANGUAGE_DESCRIPTION[locale](name, code),
		taxonomy: 'languages',
		taxonomy_id: taxonomyId('languages'),
		language: locale
	};
}

// The crosswalk's columns per scheme: the code (or, when the scheme has none, the label) and how
// close the match is (exact, close, broad, related…).
const SCHEMES = [
	{ field: 'open_eligibility', code: 'oe_id', label: 'oe_term', match: 'oe_match' },
	{ field: 'sociale_kaart', code: 'sk_rubric_code', label: 'sk_rubric_nl', match: 'sk_match' },
	{ field: 'bruxelles_social', code: 'bs_category_id', label: 'bs_label_fr', match: 'bs_match' }
] as const;

// The date of the crosswalk in data/taxonomy (version 0.1).
const CROSSWALK_DATE = '2026-11-23';

/**
 * The crosswalk codes of one term as HSDS metadata: `field_name` names the scheme
 * (`open_eligibility`, `sociale_kaart`, `bruxelles_social`), `replacement_value` holds its code
 * (or its label where the scheme has no code), `last_action_type` is `crosswalk_<match>`.
 */
export function crosswalkMetadata(term: HsdsTerm, row: CrosswalkRow | undefined): HsdsObject[] {
	if (!row) return [];
	return SCHEMES.flatMap((scheme) => {
		const value = row[scheme.code] || row[scheme.label];
		if (!value) return [];
		return [
			{
				id: derivedId('metadata', term.id, scheme.field),
				resource_id: term.id,
				resource_type: 'taxonomy_term',
				last_action_date: CROSSWALK_DATE,
				last_action_type: `crosswalk_${row[scheme.match] || 'related'}`,
				field_name: scheme.field,
				previous_value: '',
				replacement_value: value,
				updated_by: 'Nabij taxonomy 0.1'
			}
		];
	});
}

/**
 * Every term of our taxonomy in HSDS form, taxonomy after taxonomy in display order, with its
 * crosswalk metadata.
 */
export function allTerms(taxonomy: OurTaxonomy, locale: HsdsLocale): (HsdsTerm & HsdsObject)[] {
	const crosswalk = new Map(
		taxonomy.crosswalk.map((row) => [`${row.our_type}:${row.our_code}`, row])
	);
	const withMetadata = (term: HsdsTerm, type: string | null) => {
		const metadata = type ? crosswalkMetadata(term, crosswalk.get(`${type}:${term.code}`)) : [];
		return metadata.length ? { ...term, metadata } : term;
	};
	return [
		...taxonomy.categories.map((t) =>
			withMetadata(fromOurTerm('categories', t, locale), 'category')
		),
		...taxonomy.supportKinds.map((t) =>
			withMetadata(fromOurTerm('support_kinds', t, locale), 'support_kind')
		),
		...taxonomy.targetGroups.map((t) =>
			withMetadata(fromOurTerm('target_groups', t, locale), 'target_group')
		),
		...taxonomy.languages.map((code) => languageTerm(code, locale))
	];
}

/** Looks terms up by id and by code; built once per request from the (small) taxonomy. */
export class TermIndex {
	readonly terms: HsdsTerm[];
	readonly #byId = new Map<string, HsdsTerm>();
	readonly #byCode = new Map<string, HsdsTerm>();

	constructor(taxonomy: OurTaxonomy, locale: HsdsLocale) {
		this.terms = allTerms(taxonomy, locale);
		for (const term of this.terms) {
			this.#byId.set(term.id, term);
			this.#byCode.set(`${term.taxonomy}:${term.code}`, term);
		}
	}

	/** The term with this id, if it is one of ours. */
	byId(id: string): HsdsTerm | undefined {
		return this.#byId.get(id.toLowerCase());
	}

	/** The term of a taxonomy with this code; codes the taxonomy does not know get a bare term. */
	of(key: TaxonomyKey, code: string): HsdsTerm {
		return (
			this.#byCode.get(`${key}:${code}`) ?? {
				id: termId(key, code),
				code,
				name: code,
				description: code,
				taxonomy: key,
				taxonomy_id: taxonomyId(key),
				language: this.terms[0]?.language ?? 'en'
			}
		);
	}

	/** The codes a term stands for in a filter: itself and, for a group, its kinds. */
	codesFor(term: HsdsTerm): string[] {
		const children = this.terms.filter((t) => t.parent_id === term.id).map((t) => t.code);
		return [term.code, ...children];
	}
}
