import type { QuartierCoverage, SurveyStatusCode } from '#lib/domain/coverage/index.ts';
import type { Locale } from '#lib/domain/coverage/types.ts';
import { quartierName } from './measures.ts';
import type { SortKey } from './params.ts';

/** One line of the ranked table: every input of the gap index, as plain numbers. */
export interface TableRow {
	mdrc: number;
	name: string;
	nis: string;
	population: number | null;
	supplyCount: number;
	/** Percent of residents within 500 m / 1 km. */
	walking500: number | null;
	walking1000: number | null;
	share65plus: number | null;
	singleHouseholds: number | null;
	medianIncome: number | null;
	needZ: number | null;
	supplyZ: number | null;
	gap: number | null;
	rank: number | null;
	survey: SurveyStatusCode;
	finding: QuartierCoverage['finding'];
	type: string;
}

const SURVEY_ORDER: Record<SurveyStatusCode, number> = { not_surveyed: 0, stale: 1, surveyed: 2 };

function percentAt(q: QuartierCoverage, thresholdMeters: number): number | null {
	const share = q.walking.byThreshold.find((t) => t.thresholdMeters === thresholdMeters)?.share;
	return share === null || share === undefined ? null : share * 100;
}

/** The table line of one quartier. */
export function toTableRow(q: QuartierCoverage, locale: Locale): TableRow {
	return {
		mdrc: q.mdrc,
		name: quartierName(q, locale),
		nis: q.nisMain,
		population: q.need.population.value,
		supplyCount: q.supply.selected.count,
		walking500: percentAt(q, 500),
		walking1000: percentAt(q, 1000),
		share65plus: q.need.share_65plus_pct.value,
		singleHouseholds: q.need.single_households_pct.value,
		medianIncome: q.need.median_income_eur.value,
		needZ: q.gap?.components.needZ ?? null,
		supplyZ: q.gap?.components.supplyZ ?? null,
		gap: q.gap?.gap ?? null,
		rank: q.gap?.rank ?? null,
		survey: q.survey.status,
		finding: q.finding,
		type: q.type
	};
}

const SORT_VALUE: Record<SortKey, (r: TableRow) => number | string | null> = {
	rank: (r) => r.rank,
	name: (r) => r.name,
	population: (r) => r.population,
	supply_count: (r) => r.supplyCount,
	walking_500: (r) => r.walking500,
	walking_1000: (r) => r.walking1000,
	share_65plus: (r) => r.share65plus,
	single_households: (r) => r.singleHouseholds,
	median_income: (r) => r.medianIncome,
	need_z: (r) => r.needZ,
	supply_z: (r) => r.supplyZ,
	gap_index: (r) => r.gap,
	survey: (r) => SURVEY_ORDER[r.survey]
};

/**
 * Sorts table rows by `sort` (a {@link SortKey}, `-` in front for descending). Rows without a
 * value come last in both directions; ties keep mdrc order.
 *
 * @example sortRows(rows, '-gap_index', 'fr')[0] // the quartier with the largest gap
 */
export function sortRows(rows: readonly TableRow[], sort: string, locale: Locale): TableRow[] {
	const descending = sort.startsWith('-');
	const key = (descending ? sort.slice(1) : sort) as SortKey;
	const read = SORT_VALUE[key] ?? SORT_VALUE.rank;
	const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
	return [...rows].sort((a, b) => {
		const [va, vb] = [read(a), read(b)];
		if (va === null || vb === null) {
			if (va === vb) return a.mdrc - b.mdrc;
			return va === null ? 1 : -1;
		}
		const order =
			typeof va === 'string' || typeof vb === 'string'
				? collator.compare(String(va), String(vb))
				: va - vb;
		return (descending ? -order : order) || a.mdrc - b.mdrc;
	});
}

/**
 * The ranked table: residential quartiers (of one commune, when given) sorted as asked, and the
 * non-residential ones apart, by mdrc, since they are never ranked.
 */
export function buildTable({
	quartiers,
	sort,
	commune,
	locale
}: {
	quartiers: readonly QuartierCoverage[];
	sort: string;
	commune?: string;
	locale: Locale;
}): { ranked: TableRow[]; other: TableRow[] } {
	const rows = quartiers
		.filter((q) => commune === undefined || q.nisMain === commune)
		.map((q) => toTableRow(q, locale));
	return {
		ranked: sortRows(
			rows.filter((r) => r.type === 'residential'),
			sort,
			locale
		),
		other: rows.filter((r) => r.type !== 'residential').sort((a, b) => a.mdrc - b.mdrc)
	};
}
