import type { NeedSignalCountInput } from './types.ts';

/** A count small enough to point at a person is withheld, never shown as zero. */
export type SignalCell = { suppressed: false; count: number } | { suppressed: true };

/** Need signals of one quartier for one support kind. */
export interface SignalAggregate {
	supportKind: string;
	found: SignalCell;
	notFound: SignalCell;
	/** Withheld whenever either part is, so the hidden part cannot be recovered by subtraction. */
	total: SignalCell;
}

function cell(count: number, minCount: number): SignalCell {
	return count >= minCount ? { suppressed: false, count } : { suppressed: true };
}

/**
 * Sums need signals per quartier and support kind, then withholds every count below `minCount`
 * (default 5), including zeros next to a non-zero count. Only combinations with at least one
 * signal appear. No regional total is given: with per-quartier cells withheld, a total would let
 * the hidden cells be recovered by subtraction.
 *
 * @example
 * aggregateNeedSignals({ signals: [{ mdrc: 1, support_kind: 'meals_food', outcome: 'not_found', count: 3 }] })
 * // Map { 1 => [{ supportKind: 'meals_food', found: { suppressed: true }, notFound: { suppressed: true }, total: { suppressed: true } }] }
 */
export function aggregateNeedSignals({
	signals,
	minCount = 5,
	supportKind
}: {
	signals: readonly NeedSignalCountInput[];
	minCount?: number;
	/** Keep only this support kind. */
	supportKind?: string;
}): Map<number, SignalAggregate[]> {
	if (!Number.isInteger(minCount) || minCount < 1) {
		throw new RangeError('minCount must be a positive integer');
	}
	const sums = new Map<number, Map<string, { found: number; notFound: number }>>();
	for (const s of signals) {
		if (supportKind !== undefined && s.support_kind !== supportKind) continue;
		if (!Number.isFinite(s.count) || s.count <= 0) continue;
		let byKind = sums.get(s.mdrc);
		if (!byKind) sums.set(s.mdrc, (byKind = new Map()));
		let sum = byKind.get(s.support_kind);
		if (!sum) byKind.set(s.support_kind, (sum = { found: 0, notFound: 0 }));
		if (s.outcome === 'found') sum.found += s.count;
		else sum.notFound += s.count;
	}
	const result = new Map<number, SignalAggregate[]>();
	for (const [mdrc, byKind] of sums) {
		const list: SignalAggregate[] = [...byKind]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([kind, { found, notFound }]) => {
				const f = cell(found, minCount);
				const n = cell(notFound, minCount);
				return {
					supportKind: kind,
					found: f,
					notFound: n,
					total:
						f.suppressed || n.suppressed ? { suppressed: true } : cell(found + notFound, minCount)
				};
			});
		result.set(mdrc, list);
	}
	return result;
}
