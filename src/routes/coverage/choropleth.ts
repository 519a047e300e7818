import type { QuartierCoverage } from '#lib/domain/coverage/index.ts';
import type { Locale } from '#lib/domain/coverage/types.ts';
import {
	NO_VALUE_COLOUR,
	NOT_RESIDENTIAL_COLOUR,
	ZERO_COLOUR,
	quantileScale
} from './color-scale.ts';
import { formatNumber, quartierName, type MapMeasure } from './measures.ts';

/** One projected quartier outline (see `toSvgPath`). */
export interface QuartierShape {
	mdrc: number;
	d: string;
}

/** What is drawn for one quartier. */
export interface ChoroplethArea {
	mdrc: number;
	d: string;
	name: string;
	fill: string;
	/** Not surveyed: a hatch is drawn over the fill. */
	hatched: boolean;
	excluded: boolean;
	/** The value as shown, e.g. `42` or `–`. */
	valueText: string;
}

/** One legend entry: a colour and the value range it stands for. */
export interface LegendClass {
	fill: string;
	/** Formatted lower and upper bound of the class. */
	from: string;
	to: string;
}

export interface Choropleth {
	areas: ChoroplethArea[];
	classes: LegendClass[];
	/** Whether the measure has a separate "no resources" (zero) colour. */
	zeroClass: boolean;
}

/**
 * Colours each quartier by `measure` with quantile classes computed over the residential
 * quartiers (parks, cemeteries and industrial areas are grey and do not shift the classes). For
 * measures where 0 means "no resources", zero gets its own colour and the classes are computed
 * over the non-zero values. Quartiers that nobody surveyed recently are hatched, whatever their
 * value, so a blind spot is never read as a measured gap.
 */
export function buildChoropleth({
	quartiers,
	shapes,
	measure,
	locale
}: {
	quartiers: readonly QuartierCoverage[];
	shapes: readonly QuartierShape[];
	measure: MapMeasure;
	locale: Locale;
}): Choropleth {
	const residential = quartiers.filter((q) => !q.excluded);
	const classified = residential
		.map((q) => measure.value(q))
		.filter((v) => v !== null && !(measure.zeroIsNone && v === 0));
	const scale = quantileScale(classified);
	const byMdrc = new Map(quartiers.map((q) => [q.mdrc, q]));
	const format = (v: number) => formatNumber(v, locale, measure.digits);

	const areas: ChoroplethArea[] = [];
	for (const shape of shapes) {
		const q = byMdrc.get(shape.mdrc);
		if (!q || shape.d === '') continue;
		const value = measure.value(q);
		let fill = NO_VALUE_COLOUR;
		if (q.excluded) fill = NOT_RESIDENTIAL_COLOUR;
		else if (measure.zeroIsNone && value === 0) fill = ZERO_COLOUR;
		else {
			const index = scale.classOf(value);
			if (index !== null) fill = scale.colourOf(index);
		}
		areas.push({
			mdrc: q.mdrc,
			d: shape.d,
			name: quartierName(q, locale),
			fill,
			hatched: !q.excluded && q.survey.status === 'not_surveyed',
			excluded: q.excluded,
			valueText: value === null ? '–' : format(value)
		});
	}

	// Each class is labelled with the lowest and highest value actually in it.
	const ranges = Array.from({ length: scale.classCount }, () => ({
		from: Infinity,
		to: -Infinity
	}));
	for (const v of classified) {
		const range = ranges[scale.classOf(v) as number] as { from: number; to: number };
		range.from = Math.min(range.from, v as number);
		range.to = Math.max(range.to, v as number);
	}
	const classes: LegendClass[] = ranges
		.map((range, i) => ({ range, fill: scale.colourOf(i) }))
		.filter(({ range }) => Number.isFinite(range.from))
		.map(({ range, fill }) => ({ fill, from: format(range.from), to: format(range.to) }));
	return { areas, classes, zeroClass: measure.zeroIsNone };
}
