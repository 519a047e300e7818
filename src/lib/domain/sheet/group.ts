// What a quartier sheet lists: entries located in the quartier, then entries near it or serving
// it, each part grouped by top-level support kind and cut to what fits on two A4 pages.
import { pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** The fields of a published entry the sheet places and groups (rows may carry more). */
export type SheetCandidate = {
	id: string;
	organization_name: string;
	lon: number;
	lat: number;
	mdrc: number;
	location_precision: 'exact' | 'street' | 'quartier';
	support_kinds: string[];
	service_area_mdrc: number[];
};

/** Why an entry outside the quartier is on its sheet. */
export type NearbyReason = { kind: 'distance'; meters: number } | { kind: 'service_area' };

/** Distance from the quartier's outline within which an entry counts as nearby. */
export const NEARBY_RADIUS_METERS = 500;

/**
 * Splits entries into those located in quartier `mdrc` and those near it: a point within
 * `radiusMeters` of the outline, or a service area that includes the quartier. Entries located
 * only by their quartier (`location_precision = quartier`) elsewhere count only through their
 * service area: their point is their own quartier's, not where they meet. Others are dropped.
 * Nearby entries come closest first, service-area ones after.
 *
 * @example placeEntries({ rows, mdrc: 1, outline, radiusMeters: 500 })
 * // { inside: [rowsInQuartier1…], nearby: [{ row, reason: { kind: 'distance', meters: 120 } }, …] }
 */
export function placeEntries<Row extends SheetCandidate>({
	rows,
	mdrc,
	outline,
	radiusMeters = NEARBY_RADIUS_METERS
}: {
	rows: readonly Row[];
	mdrc: number;
	outline: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon;
	radiusMeters?: number;
}): { inside: Row[]; nearby: { row: Row; reason: NearbyReason }[] } {
	const inside: Row[] = [];
	const nearby: { row: Row; reason: NearbyReason; order: number }[] = [];
	for (const row of rows) {
		if (row.mdrc === mdrc) {
			inside.push(row);
			continue;
		}
		if (row.location_precision !== 'quartier') {
			const meters = Math.max(
				0,
				pointToPolygonDistance([row.lon, row.lat], outline, { units: 'meters' })
			);
			if (meters <= radiusMeters) {
				nearby.push({ row, reason: { kind: 'distance', meters }, order: meters });
				continue;
			}
		}
		if (row.service_area_mdrc.includes(mdrc))
			nearby.push({ row, reason: { kind: 'service_area' }, order: Infinity });
	}
	nearby.sort((a, b) => a.order - b.order || a.row.id.localeCompare(b.row.id));
	return { inside, nearby: nearby.map(({ row, reason }) => ({ row, reason })) };
}

/** A support kind as the taxonomy gives it; groups have no parent. */
export type SupportKindNode = { code: string; parent_code: string | null };

/** Entries under one top-level support kind; `code` null for entries with no support kind. */
export type SupportGroup<Item> = { code: string | null; items: Item[] };

/**
 * Groups items by the top-level support kind of their first (main) support kind, so each entry
 * appears once on paper. Groups follow the taxonomy's order (`kinds` as sorted), items the
 * collator's order of `nameOf`; items without a known support kind come last, under `null`.
 *
 * @example groupBySupportKind(items, { kinds, supportKindsOf: (i) => i.support_kinds, nameOf: (i) => i.organization_name, collator })
 * // [{ code: 'social_contact', items: […] }, { code: 'practical_help', items: […] }]
 */
export function groupBySupportKind<Item>(
	items: readonly Item[],
	{
		kinds,
		supportKindsOf,
		nameOf,
		collator
	}: {
		kinds: readonly SupportKindNode[];
		supportKindsOf: (item: Item) => readonly string[];
		nameOf: (item: Item) => string;
		collator: Intl.Collator;
	}
): SupportGroup<Item>[] {
	const parentOf = new Map(kinds.map((k) => [k.code, k.parent_code ?? k.code]));
	const order = kinds.filter((k) => k.parent_code === null).map((k) => k.code);
	const byGroup = new Map<string | null, Item[]>();
	for (const item of items) {
		const main = supportKindsOf(item).find((code) => parentOf.has(code));
		const group = main === undefined ? null : (parentOf.get(main) ?? null);
		byGroup.set(group, [...(byGroup.get(group) ?? []), item]);
	}
	return [...order, null]
		.filter((code) => byGroup.has(code))
		.map((code) => ({
			code,
			items: [...(byGroup.get(code) ?? [])].sort((a, b) => collator.compare(nameOf(a), nameOf(b)))
		}));
}

/**
 * Keeps at most `budget` items over all groups, taking one from each group in turn so every kind
 * of support stays on the sheet; `hidden` counts what was left out ("and N more").
 *
 * @example fitToBudget([{ code: 'a', items: [1, 2, 3] }, { code: 'b', items: [4] }], 3)
 * // { groups: [{ code: 'a', items: [1, 2] }, { code: 'b', items: [4] }], hidden: 1 }
 */
export function fitToBudget<Item>(
	groups: readonly SupportGroup<Item>[],
	budget: number
): { groups: SupportGroup<Item>[]; hidden: number } {
	const kept = groups.map(() => 0);
	let left = Math.max(0, Math.floor(budget));
	for (let round = 0; left > 0; round++) {
		let took = false;
		groups.forEach((group, i) => {
			if (left > 0 && round < group.items.length) {
				kept[i] = (kept[i] ?? 0) + 1;
				left--;
				took = true;
			}
		});
		if (!took) break;
	}
	const total = groups.reduce((sum, g) => sum + g.items.length, 0);
	const shown = groups
		.map((group, i) => ({ code: group.code, items: group.items.slice(0, kept[i]) }))
		.filter((group) => group.items.length > 0);
	return { groups: shown, hidden: total - shown.reduce((sum, g) => sum + g.items.length, 0) };
}

/** Entries printed in full at most on one sheet (two A4 pages with the map). */
export const SHEET_BUDGET = 14;

/** Entries printed in full at most when every text is printed in two languages. */
export const SHEET_BUDGET_TWO_LANGUAGES = 8;

/** Nearby entries kept at least when the quartier alone would fill the sheet. */
export const NEARBY_AT_LEAST = 4;

/**
 * Shares the sheet's budget between the quartier's own entries and the nearby ones: the quartier
 * first, but never squeezing the nearby part below `NEARBY_AT_LEAST` when there are that many.
 *
 * @example splitBudget({ inside: 20, nearby: 9, budget: 14 }) // { inside: 10, nearby: 4 }
 * @example splitBudget({ inside: 3, nearby: 9, budget: 14 }) // { inside: 3, nearby: 9 }
 */
export function splitBudget({
	inside,
	nearby,
	budget = SHEET_BUDGET
}: {
	inside: number;
	nearby: number;
	budget?: number;
}): { inside: number; nearby: number } {
	const insideShown = Math.min(inside, budget - Math.min(nearby, NEARBY_AT_LEAST));
	return { inside: insideShown, nearby: Math.min(nearby, budget - insideShown) };
}
