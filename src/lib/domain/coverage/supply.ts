import { countsAsSupply, matchesFilters } from './resources.ts';
import type { CoverageFilters, QuartierInput, ResourceInput } from './types.ts';

/** A count of resources and the same count per 1,000 residents and per 1,000 residents aged 65+. */
export interface SupplyFigures {
	count: number;
	/** `count / pop_2019 × 1000`; null when the quartier has no residents. */
	per1000Residents: number | null;
	/** `count / (pop_2019 × share_65plus_pct / 100) × 1000`; null without the 65+ indicator. */
	per1000Residents65plus: number | null;
}

/** Supply located in one quartier. */
export interface QuartierSupply {
	mdrc: number;
	/** Counted resources (active, plus paused if asked) matching both filters. */
	selected: SupplyFigures;
	/** Counted resources matching the support-kind filter, by category code. */
	byCategory: Record<string, SupplyFigures>;
	/** Counted resources matching the category filter, by support kind code. */
	bySupportKind: Record<string, SupplyFigures>;
	/** Paused resources matching both filters that were not counted (0 when paused ones count). */
	pausedNotCounted: number;
	/** Dormant resources matching both filters: reported, never counted as supply. */
	dormant: number;
	/** Counted resources matching both filters located here or naming this quartier in their service area. */
	serving: number;
}

/**
 * Residents aged 65 or more, estimated as `pop_2019 × share_65plus_pct / 100`; null without the
 * indicator.
 */
export function population65plus(quartier: QuartierInput): number | null {
	if (quartier.share_65plus_pct === null || !Number.isFinite(quartier.share_65plus_pct))
		return null;
	return (quartier.pop_2019 * quartier.share_65plus_pct) / 100;
}

/** Count plus rates per 1,000 residents and per 1,000 residents aged 65+ (null when undefined). */
export function supplyFigures(count: number, quartier: QuartierInput): SupplyFigures {
	const pop65 = population65plus(quartier);
	return {
		count,
		per1000Residents: quartier.pop_2019 > 0 ? (count / quartier.pop_2019) * 1000 : null,
		per1000Residents65plus: pop65 !== null && pop65 > 0 ? (count / pop65) * 1000 : null
	};
}

function bump(record: Map<string, number>, key: string) {
	record.set(key, (record.get(key) ?? 0) + 1);
}

/**
 * Supply per quartier, counted where each resource is located (`resource.mdrc`). Active resources
 * count; paused ones only with `includePaused`; dormant ones are reported apart.
 *
 * @example
 * computeSupply({ quartiers, resources, filters: { supportKind: 'home_visits' } }).get(1)?.selected
 * // { count: 2, per1000Residents: 0.59, per1000Residents65plus: 7.37 }
 */
export function computeSupply({
	quartiers,
	resources,
	filters = {},
	includePaused = false
}: {
	quartiers: readonly QuartierInput[];
	resources: readonly ResourceInput[];
	filters?: CoverageFilters;
	includePaused?: boolean;
}): Map<number, QuartierSupply> {
	const tallies = new Map<
		number,
		{
			selected: number;
			byCategory: Map<string, number>;
			bySupportKind: Map<string, number>;
			paused: number;
			dormant: number;
			serving: number;
		}
	>();
	const tally = (mdrc: number) => {
		let t = tallies.get(mdrc);
		if (!t) {
			t = {
				selected: 0,
				byCategory: new Map(),
				bySupportKind: new Map(),
				paused: 0,
				dormant: 0,
				serving: 0
			};
			tallies.set(mdrc, t);
		}
		return t;
	};
	const byKindFilter: CoverageFilters = { supportKind: filters.supportKind };
	const byCategoryFilter: CoverageFilters = { category: filters.category };

	for (const r of resources) {
		const selected = matchesFilters(r, filters);
		if (!countsAsSupply(r, includePaused)) {
			if (!selected) continue;
			if (r.status === 'dormant') tally(r.mdrc).dormant += 1;
			else if (r.status === 'paused') tally(r.mdrc).paused += 1;
			continue;
		}
		const t = tally(r.mdrc);
		if (matchesFilters(r, byKindFilter)) bump(t.byCategory, r.category);
		if (matchesFilters(r, byCategoryFilter)) {
			r.support_kinds.forEach((kind, i) => {
				// A kind listed twice counts once.
				if (r.support_kinds.indexOf(kind) === i) bump(t.bySupportKind, kind);
			});
		}
		if (!selected) continue;
		t.selected += 1;
		t.serving += 1;
		r.service_area_mdrc?.forEach((mdrc, i, area) => {
			if (mdrc !== r.mdrc && area.indexOf(mdrc) === i) tally(mdrc).serving += 1;
		});
	}

	const result = new Map<number, QuartierSupply>();
	for (const q of quartiers) {
		const t = tallies.get(q.mdrc);
		const figures = (map: Map<string, number> | undefined) =>
			Object.fromEntries(
				[...(map ?? [])]
					.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
					.map(([key, count]) => [key, supplyFigures(count, q)])
			);
		result.set(q.mdrc, {
			mdrc: q.mdrc,
			selected: supplyFigures(t?.selected ?? 0, q),
			byCategory: figures(t?.byCategory),
			bySupportKind: figures(t?.bySupportKind),
			pausedNotCounted: t?.paused ?? 0,
			dormant: t?.dormant ?? 0,
			serving: t?.serving ?? 0
		});
	}
	return result;
}
