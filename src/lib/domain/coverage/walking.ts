import { createGridIndex, hasPointWithin, type GridIndex } from './grid-index.ts';
import type { SectorInput } from './types.ts';

/** Residents of one area within one walking threshold of a resource. */
export interface ThresholdCoverage {
	thresholdMeters: number;
	/** Residents whose sector point lies within the threshold of at least one resource. */
	coveredPopulation: number;
	/** Residents of the area (sum of its sector populations). */
	population: number;
	/** `coveredPopulation / population` in [0, 1]; null when the area has no residents. */
	share: number | null;
}

/** Population-weighted walking coverage of one quartier. */
export interface QuartierWalkingCoverage {
	mdrc: number;
	population: number;
	sectorCount: number;
	/** One entry per threshold, in ascending threshold order. */
	byThreshold: ThresholdCoverage[];
}

/** Result of {@link computeWalkingCoverage}. */
export interface WalkingCoverageResult {
	/** Ascending, without duplicates. */
	thresholdsMeters: number[];
	byQuartier: Map<number, QuartierWalkingCoverage>;
	/** The whole region (all sectors). */
	region: { population: number; byThreshold: ThresholdCoverage[] };
}

/** Sorted, de-duplicated, finite positive thresholds; throws on anything else. */
export function normalizeThresholds(thresholdsMeters: readonly number[]): number[] {
	if (thresholdsMeters.length === 0) throw new RangeError('thresholdsMeters must not be empty');
	for (const t of thresholdsMeters) {
		if (!Number.isFinite(t) || t <= 0) throw new RangeError(`invalid threshold: ${t} m`);
	}
	return [...new Set(thresholdsMeters)].sort((a, b) => a - b);
}

function share(covered: number, population: number) {
	return population > 0 ? covered / population : null;
}

/**
 * Population-weighted walking coverage: for each quartier, the share of its residents living
 * within each threshold (straight-line haversine metres) of at least one of `resourcePoints`.
 * A sector's whole population sits at its representative point.
 *
 * Runs in about O(sectors × cells per circle × points per cell) using one grid per threshold
 * (cells of the threshold's size), instead of O(sectors × resources).
 *
 * Limits: the population of a sector is placed at a single point (a finer population grid would
 * be more precise); straight-line distance understates the walk (streets, rails, canal, slopes).
 *
 * @example
 * // Sector A: 1,000 residents 300 m away; sector B: 3,000 residents 800 m away.
 * computeWalkingCoverage({ sectors, resourcePoints: [[4.35, 50.85]], thresholdsMeters: [500, 1000] })
 * // → quartier shares 0.25 at 500 m and 1 at 1,000 m
 */
export function computeWalkingCoverage({
	sectors,
	resourcePoints,
	thresholdsMeters
}: {
	sectors: readonly SectorInput[];
	resourcePoints: readonly (readonly [number, number])[];
	thresholdsMeters: readonly number[];
}): WalkingCoverageResult {
	const thresholds = normalizeThresholds(thresholdsMeters);
	const indexes: GridIndex[] = thresholds.map((t) =>
		createGridIndex({ points: resourcePoints, cellSizeMeters: t })
	);
	const regionCovered = thresholds.map(() => 0);
	let regionPopulation = 0;
	const acc = new Map<number, { population: number; sectorCount: number; covered: number[] }>();

	for (const sector of sectors) {
		let entry = acc.get(sector.mdrc);
		if (!entry) {
			entry = { population: 0, sectorCount: 0, covered: thresholds.map(() => 0) };
			acc.set(sector.mdrc, entry);
		}
		const population = sector.pop_2019;
		entry.population += population;
		entry.sectorCount += 1;
		regionPopulation += population;
		if (population <= 0) continue;
		const point: [number, number] = [sector.lon, sector.lat];
		// Coverage is monotone in the threshold: the first hit covers every larger threshold too.
		let first = thresholds.length;
		for (let i = 0; i < thresholds.length; i++) {
			if (hasPointWithin(indexes[i] as GridIndex, point, thresholds[i] as number)) {
				first = i;
				break;
			}
		}
		for (let i = first; i < thresholds.length; i++) {
			entry.covered[i] = (entry.covered[i] as number) + population;
			regionCovered[i] = (regionCovered[i] as number) + population;
		}
	}

	const byQuartier = new Map<number, QuartierWalkingCoverage>();
	for (const [mdrc, entry] of acc) {
		byQuartier.set(mdrc, {
			mdrc,
			population: entry.population,
			sectorCount: entry.sectorCount,
			byThreshold: thresholds.map((thresholdMeters, i) => ({
				thresholdMeters,
				coveredPopulation: entry.covered[i] as number,
				population: entry.population,
				share: share(entry.covered[i] as number, entry.population)
			}))
		});
	}
	return {
		thresholdsMeters: thresholds,
		byQuartier,
		region: {
			population: regionPopulation,
			byThreshold: thresholds.map((thresholdMeters, i) => ({
				thresholdMeters,
				coveredPopulation: regionCovered[i] as number,
				population: regionPopulation,
				share: share(regionCovered[i] as number, regionPopulation)
			}))
		}
	};
}
