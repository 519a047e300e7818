// Place search as seen by the finder: a pluggable geocoder and what it suggests.

import type { Locale } from '#lib/i18n/locales.ts';

/** The interface languages of Nabij. */
export type PlaceLocale = Locale;

/** One suggestion: a street (in one commune), a quartier or a commune, with a point on it. */
export interface PlaceSuggestion {
	kind: 'street' | 'quartier' | 'commune';
	/** Stable within one index: `street:<nis>:<name_osm>`, `quartier:<mdrc>`, `commune:<nis>`. */
	id: string;
	/** The name in the requested locale. */
	label: string;
	/** Where it is (the commune of a street) or what it is, in the requested locale. */
	secondary: string;
	lon: number;
	lat: number;
	/** `[minLon, minLat, maxLon, maxLat]`. */
	bbox?: [number, number, number, number];
	mdrc?: number;
	nis?: string;
}

/** Options for {@link Geocoder.suggest}. */
export interface SuggestOptions {
	/** Most suggestions returned; 8 by default. */
	limit?: number;
	/** Language of labels; French by default. */
	locale?: PlaceLocale;
}

/**
 * Anything that turns typed text into place suggestions; a production geocoder can replace the
 * default index.
 */
export interface Geocoder {
	suggest(query: string, opts?: SuggestOptions): Promise<PlaceSuggestion[]>;
}

/** One row of `rues_osm_index.csv`: a street name within one commune. */
export interface StreetRow {
	/** Bilingual OSM name, "FR - NL". */
	name_osm: string;
	/** Empty when the OSM name does not split into exactly two parts. */
	name_fr: string;
	name_nl: string;
	nis: string;
	commune_fr: string;
	commune_nl: string;
	lon: number;
	lat: number;
	length_m: number;
	min_lon: number;
	min_lat: number;
	max_lon: number;
	max_lat: number;
}

/** A quartier to search by name, with a representative point (e.g. a point on its surface). */
export interface QuartierPlace {
	mdrc: number;
	name_fr: string;
	name_nl: string;
	lon: number;
	lat: number;
	bbox?: [number, number, number, number];
	/** Main commune, shown as secondary text when given. */
	nis?: string;
	commune_fr?: string;
	commune_nl?: string;
}

/** A commune to search by name, with a representative point. */
export interface CommunePlace {
	nis: string;
	name_fr: string;
	name_nl: string;
	lon: number;
	lat: number;
	bbox?: [number, number, number, number];
}
