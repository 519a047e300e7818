import type { MeasureDefinition, QuartierCoverage } from '#lib/domain/coverage/index.ts';
import type { Locale } from '#lib/domain/coverage/types.ts';
import { placeName } from '#lib/domain/places/place-name.ts';
import { coverageCatalog } from '#lib/i18n/coverage-texts.ts';

const { measures } = coverageCatalog();

/** Figures the map can be coloured by. */
export const MAP_MEASURE_IDS = [
	'gap_index',
	'need_z',
	'walking_500',
	'walking_1000',
	'supply_count',
	'supply_per_1000'
] as const;
export type MapMeasureId = (typeof MAP_MEASURE_IDS)[number];

/** How a map measure reads its value from a quartier's coverage. */
export interface MapMeasure {
	id: MapMeasureId;
	/** The engine's definition (label, unit, description, sources). */
	definition: MeasureDefinition;
	/** Walking threshold in metres, for the walking coverage measures. */
	thresholdMeters: number | null;
	/** A value of 0 means "no resources counted" and gets its own colour. */
	zeroIsNone: boolean;
	/** Digits shown after the decimal point. */
	digits: number;
	value(q: QuartierCoverage): number | null;
}

function walkingShare(q: QuartierCoverage, thresholdMeters: number): number | null {
	const t = q.walking.byThreshold.find((b) => b.thresholdMeters === thresholdMeters);
	return t?.share === null || t?.share === undefined ? null : t.share * 100;
}

export const MAP_MEASURES: Record<MapMeasureId, MapMeasure> = {
	gap_index: {
		id: 'gap_index',
		definition: measures.gap_index,
		thresholdMeters: null,
		zeroIsNone: false,
		digits: 2,
		value: (q) => q.gap?.gap ?? null
	},
	need_z: {
		id: 'need_z',
		definition: measures.need_z,
		thresholdMeters: null,
		zeroIsNone: false,
		digits: 2,
		value: (q) => q.gap?.components.needZ ?? null
	},
	walking_500: {
		id: 'walking_500',
		definition: measures.walking_coverage_pct,
		thresholdMeters: 500,
		zeroIsNone: true,
		digits: 0,
		value: (q) => walkingShare(q, 500)
	},
	walking_1000: {
		id: 'walking_1000',
		definition: measures.walking_coverage_pct,
		thresholdMeters: 1000,
		zeroIsNone: true,
		digits: 0,
		value: (q) => walkingShare(q, 1000)
	},
	supply_count: {
		id: 'supply_count',
		definition: measures.supply_count,
		thresholdMeters: null,
		zeroIsNone: true,
		digits: 0,
		value: (q) => q.supply.selected.count
	},
	supply_per_1000: {
		id: 'supply_per_1000',
		definition: measures.supply_per_1000,
		thresholdMeters: null,
		zeroIsNone: true,
		digits: 2,
		value: (q) => q.supply.selected.per1000Residents
	}
};

/**
 * The label of a map measure in `locale`, with its walking threshold and unit:
 * `Residents within walking distance, 500 m (%)`.
 */
export function measureLabel(measure: MapMeasure, locale: Locale): string {
	const threshold =
		measure.thresholdMeters === null
			? ''
			: `, ${new Intl.NumberFormat(locale).format(measure.thresholdMeters)} m`;
	return `${measure.definition.label[locale]}${threshold} (${measure.definition.unit})`;
}

/** The quartier's name in `locale` (French name for English, as used in Brussels signage). */
export function quartierName(q: { nameFr: string; nameNl: string }, locale: Locale): string {
	return placeName({ name_fr: q.nameFr, name_nl: q.nameNl }, locale);
}

/** A number in the reader's locale with a fixed number of decimals; an en dash when null. */
export function formatNumber(value: number | null, locale: Locale, digits = 0): string {
	if (value === null || !Number.isFinite(value)) return '–';
	// British English groups thousands with a comma, as English readers expect.
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}
