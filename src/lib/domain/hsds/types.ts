// Our rows as the HSDS mapping takes them (the columns the database exposes to anonymous
// visitors), and the HSDS 3.0 objects it gives. Only the fields we fill are typed; HSDS leaves
// every other field optional.
import type { Locale } from '#lib/i18n/locales.ts';

/** The interface locales; the API writes names and descriptions in one of them. */
export type HsdsLocale = Locale;

/** A term of one of our taxonomy tables (categories, support kinds, target groups). */
export type OurTerm = {
	code: string;
	parent_code?: string | null;
	label_fr: string;
	label_nl: string;
	label_en: string;
	definition_fr: string;
	definition_nl: string;
	definition_en: string;
};

/** One line of `data/taxonomy/crosswalk.csv` (empty cells are empty strings). */
export type CrosswalkRow = {
	our_type: string;
	our_code: string;
	sk_rubric_code: string;
	sk_rubric_nl: string;
	sk_match: string;
	bs_category_id: string;
	bs_label_fr: string;
	bs_match: string;
	oe_id: string;
	oe_term: string;
	oe_match: string;
};

/** Our taxonomy as the mapping needs it. */
export type OurTaxonomy = {
	categories: OurTerm[];
	supportKinds: OurTerm[];
	targetGroups: OurTerm[];
	/** Language codes (ISO 639) in display order. */
	languages: readonly string[];
	crosswalk: CrosswalkRow[];
};

/** A published organization as anonymous visitors read it. */
export type OrganizationRow = {
	id: string;
	name: string;
	alternate_name: string | null;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
	legal_status: string | null;
	category: string;
	status: string;
	trust_tier: string;
	assured_date: string | null;
	updated_at: string;
};

/** A service as anonymous visitors read it. */
export type ServiceRow = {
	id: string;
	organization_id: string;
	name: string;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
	support_kinds: string[];
	target_groups: string[];
	languages: string[];
	eligibility_description: string | null;
	accessibility: string | null;
	cost: string;
	cost_note: string | null;
	accepting_new: string;
	schedules: string | null;
	schedule_kind: string;
	updated_at: string;
};

/**
 * A location as anonymous visitors read it. For a quartier-only location the database already
 * holds only the quartier's point and no address; the mapping never shows an address for one.
 */
export type LocationRow = {
	id: string;
	organization_id: string;
	name: string | null;
	address: string | null;
	location_precision: string;
	lon: number;
	lat: number;
	mdrc: number;
	partner_venue_name: string | null;
};

/** A public contact channel (non-public ones never reach anonymous visitors). */
export type ChannelRow = {
	id: string;
	organization_id: string;
	service_id: string | null;
	kind: string;
	value: string;
	label: string | null;
	sort_order: number;
};

/** A JSON object as HSDS writes them (fields left out rather than null). */
export type HsdsObject = { [key: string]: unknown };
