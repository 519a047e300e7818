// Loads and computes coverage for the dashboard, the quartier profiles and the exports.
import { error } from '@sveltejs/kit';
import {
	computeCoverage,
	type CoverageFilters,
	type CoverageResult
} from '#lib/domain/coverage/index.ts';
import type { Locale } from '#lib/domain/coverage/types.ts';
import { boundsOf, createProjection, toSvgPath } from '#lib/domain/geo/projection.ts';
import type { QuartierShape } from './choropleth.ts';
import * as coverage from '#lib/server/db/coverage.ts';
import { DataError } from '#lib/server/db/errors.ts';
import { getViewer } from '#lib/server/guards.ts';

export const MAP_WIDTH_PX = 560;

/** Everything a coverage page needs: the visitor's rights, reference data and the result. */
export interface CoverageContext {
	/** Policy analysts (and admins) see need signals; everyone else the public summary. */
	analyst: boolean;
	signedIn: boolean;
	geography: coverage.Geography;
	taxonomy: coverage.Taxonomy;
	surveys: coverage.Survey[];
	filters: CoverageFilters;
	result: CoverageResult;
}

/**
 * Reads the data and computes coverage for every quartier. Need signals are read only for
 * policy analysts and admins.
 *
 * Why a public summary: coverage itself is public on purpose. Residents, organisations and
 * journalists gain from seeing where help is and where nobody has looked, and the figures come
 * from public entries and open statistics. Need signals are different: even aggregated, they
 * describe requests of vulnerable people in small areas, so only policy staff read them (the
 * database enforces this too: need_signal_counts refuses other callers).
 */
export async function loadCoverage(
	locals: App.Locals,
	request: { category?: string; support?: string }
): Promise<CoverageContext> {
	const viewer = await getViewer(locals);
	const analyst =
		viewer?.roles.some((role) => role === 'policy_analyst' || role === 'admin') ?? false;
	const supabase = locals.supabase;
	const [geography, taxonomy, resources, surveys, signals] = await Promise.all([
		coverage.geography(supabase),
		coverage.taxonomy(supabase),
		coverage.resources(supabase),
		coverage.surveys(supabase),
		analyst ? coverage.needSignals(supabase) : Promise.resolve([])
	]).catch((cause: unknown) => {
		// A known data failure (the database is unreachable, a right was withdrawn) gets its
		// status; anything else is unexpected and logged with an id by handleError.
		if (cause instanceof DataError) error(cause.status, cause.kind);
		throw cause;
	});
	// Unknown codes are ignored rather than filtering everything away.
	const filters: CoverageFilters = {};
	if (taxonomy.categories.some((c) => c.code === request.category)) {
		filters.category = request.category;
	}
	if (taxonomy.supportKinds.some((k) => k.code === request.support)) {
		filters.supportKind = request.support;
	}
	const result = computeCoverage({
		quartiers: geography.quartiers,
		sectors: geography.sectors,
		resources,
		surveys,
		signals,
		filters,
		now: new Date()
	});
	return { analyst, signedIn: viewer !== null, geography, taxonomy, surveys, filters, result };
}

const shapesCache = new WeakMap<
	coverage.Geography,
	{ width: number; height: number; shapes: QuartierShape[] }
>();

/** The quartier outlines projected to SVG paths, computed once per loaded geography. */
export function mapShapes(geography: coverage.Geography): {
	width: number;
	height: number;
	shapes: QuartierShape[];
} {
	let cached = shapesCache.get(geography);
	if (!cached) {
		const geometries = geography.quartiers.map((q) => q.geometry);
		const projection = createProjection({ bounds: boundsOf(geometries), widthPx: MAP_WIDTH_PX });
		cached = {
			width: projection.width,
			height: projection.height,
			shapes: geography.quartiers.map((q) => ({
				mdrc: q.mdrc,
				d: toSvgPath(q.geometry, projection)
			}))
		};
		shapesCache.set(geography, cached);
	}
	return cached;
}

/** A taxonomy label in the reader's language. */
export function label(term: coverage.TaxonomyTerm, locale: Locale): string {
	return term[`label_${locale}`];
}

/** A commune's name in the reader's language (French for English). */
export function communeName(commune: coverage.Commune | undefined, locale: Locale): string {
	if (!commune) return '';
	return locale === 'nl' ? commune.name_nl : commune.name_fr;
}
