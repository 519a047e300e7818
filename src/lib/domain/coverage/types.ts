// Plain-data shapes for the coverage engine. The server loads these from the database; nothing
// here depends on how they are stored.

/** `type` of a Monitoring des Quartiers unit, as in the UrbIS layer. */
export type QuartierType = 'residential' | 'park_forest' | 'industrial_infrastructure' | 'cemetery';

/** One of the 145 Monitoring des Quartiers units with its need indicators. */
export interface QuartierInput {
	/** Monitoring des Quartiers code: 1–118 residential, 700s cemeteries, 800s industry, 900s parks. */
	mdrc: number;
	name_fr: string;
	name_nl: string;
	type: QuartierType | string;
	/** NIS code of the commune holding most of the quartier. */
	nis_main: number | string;
	/** Legal population on 1 January 2019 (Statbel). */
	pop_2019: number;
	/** Private households (IBSA Monitoring des Quartiers). */
	households: number | null;
	/** Median net taxable income per declaration, 2019, in euros (IBSA indicator 2336). */
	median_income_2019: number | null;
	/** Share of residents aged 65 or more, in percent (ULB compilation, about 2018). */
	share_65plus_pct: number | null;
	/** Share of single-person households, in percent (ULB compilation, Census 2011). */
	share_single_households_pct: number | null;
	/**
	 * Representative point of the quartier (a point inside it, e.g. Turf `pointOnFeature`), used to
	 * place resources that are only known to the quartier. When absent, the representative point of
	 * the quartier's most populous sector is used.
	 */
	lon?: number;
	lat?: number;
}

/** One of the 724 Statbel statistical sectors, reduced to a representative point. */
export interface SectorInput {
	cd_sector: string;
	mdrc: number;
	/** Legal population on 1 January 2019 (Statbel). */
	pop_2019: number;
	/** Representative point inside the sector, WGS84 degrees. */
	lon: number;
	lat: number;
}

export type LocationPrecision = 'exact' | 'street' | 'quartier';
export type ResourceStatus = 'active' | 'paused' | 'dormant';

/** A care resource (a service at a location) as the coverage engine needs it. */
export interface ResourceInput {
	id: string;
	/** Organisation category code, e.g. `local_service_centre`. */
	category: string;
	/** Support kind codes, e.g. `['home_visits', 'shopping_help']`. Matched exactly. */
	support_kinds: readonly string[];
	/** WGS84 degrees; ignored (may be null) when `location_precision` is `quartier`. */
	lon: number | null;
	lat: number | null;
	/** Quartier the location lies in (computed at write time). */
	mdrc: number;
	location_precision: LocationPrecision | string;
	status: ResourceStatus;
	/** Last date someone confirmed the entry, `YYYY-MM-DD`; null if never confirmed. */
	assured_date: string | null;
	/** Quartiers the resource says it serves, besides its own. */
	service_area_mdrc?: readonly number[];
}

/** A field check of a quartier: someone went and looked for what exists there. */
export interface SurveyInput {
	mdrc: number;
	/** `YYYY-MM-DD`. */
	checked_on: string;
	organization_name: string;
}

/** Aggregated anonymous need signals recorded by social workers. */
export interface NeedSignalCountInput {
	mdrc: number;
	support_kind: string;
	outcome: 'found' | 'not_found';
	count: number;
}

/** Which resources the supply and walking coverage figures are about. */
export interface CoverageFilters {
	/** Organisation category code; all categories when absent. */
	category?: string;
	/** Support kind code; all support kinds when absent. */
	supportKind?: string;
}

export type { Locale } from '#lib/i18n/locales.ts';

/** A text in the three languages of the app. */
export interface LocalizedText {
	fr: string;
	nl: string;
	en: string;
}
