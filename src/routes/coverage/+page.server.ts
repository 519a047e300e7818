import { buildChoropleth } from './choropleth.ts';
import { MAP_MEASURE_IDS, MAP_MEASURES, measureLabel, quartierName } from './measures.ts';
import { coverageSearch, parseCoverageQuery } from './params.ts';
import { buildTable } from './table.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { communeName, label, loadCoverage, mapShapes } from './coverage.server.ts';

export const load = async ({ locals, url }) => {
	const locale = getLocale();
	const query = parseCoverageQuery(url.searchParams);
	const context = await loadCoverage(locals, query);
	const { result, geography, taxonomy } = context;
	const measure = MAP_MEASURES[query.measure];
	const { width, height, shapes } = mapShapes(geography);
	const communes = new Map(geography.communes.map((c) => [c.nis, c]));
	const residential = result.quartiers.filter((q) => !q.excluded);

	return {
		analyst: context.analyst,
		signedIn: context.signedIn,
		query,
		// Filters as applied: unknown codes in the URL are dropped.
		search: coverageSearch(query, {
			category: context.filters.category,
			support: context.filters.supportKind
		}),
		measures: MAP_MEASURE_IDS.map((id) => ({ id, label: measureLabel(MAP_MEASURES[id], locale) })),
		measureLabel: measureLabel(measure, locale),
		categories: taxonomy.categories.map((c) => ({ code: c.code, label: label(c, locale) })),
		supportKinds: taxonomy.supportKinds.map((k) => ({ code: k.code, label: label(k, locale) })),
		communes: geography.communes.map((c) => ({ nis: c.nis, name: communeName(c, locale) })),
		communeNames: Object.fromEntries(
			geography.communes.map((c) => [c.nis, communeName(c, locale)])
		),
		map: {
			width,
			height,
			...buildChoropleth({ quartiers: result.quartiers, shapes, measure, locale })
		},
		table: buildTable({
			quartiers: result.quartiers,
			sort: query.sort,
			commune: query.commune,
			locale
		}),
		region: {
			// Residential quartiers only: a park without resources is neither a gap nor a blind spot.
			findingCounts: {
				has_resources: residential.filter((q) => q.finding === 'has_resources').length,
				gap: residential.filter((q) => q.finding === 'gap').length,
				blind_spot: residential.filter((q) => q.finding === 'blind_spot').length
			},
			walking: result.region.walking,
			resourceCount: result.region.supply.count,
			rankedCount: result.region.rankedCount,
			generatedAt: result.generatedAt
		},
		signals: context.analyst
			? result.quartiers
					.filter((q) => q.signals.length > 0 && (!query.commune || q.nisMain === query.commune))
					.map((q) => ({
						mdrc: q.mdrc,
						name: quartierName(q, locale),
						commune: communeName(communes.get(q.nisMain), locale),
						signals: q.signals
					}))
			: null
	};
};

// Everything on the dashboard works with plain links and GET forms. Rendering it on the server
// only spares the browser a second copy of the 145 outlines and the table in hydration data.
export const csr = false;
