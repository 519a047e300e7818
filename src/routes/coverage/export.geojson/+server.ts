import { toGeoJson, type QuartierGeometries } from '#lib/domain/coverage/index.ts';
import { parseCoverageQuery } from '../params.ts';
import { loadCoverage } from '../coverage.server.ts';
import { exportHeaders } from '../export.ts';
import { coverageCatalog } from '#lib/i18n/coverage-texts.ts';

/** Every quartier's outline and figures as GeoJSON, with a `metadata` member (definitions, sources). */
export const GET = async ({ locals, url }) => {
	const query = parseCoverageQuery(url.searchParams);
	const { result, geography } = await loadCoverage(locals, query);
	const outlines: QuartierGeometries = {
		type: 'FeatureCollection',
		features: geography.quartiers.map((q) => ({
			type: 'Feature',
			geometry: q.geometry,
			properties: { mdrc: q.mdrc }
		}))
	};
	return new Response(JSON.stringify(toGeoJson(result, outlines, coverageCatalog())), {
		headers: exportHeaders({
			result,
			extension: 'geojson',
			contentType: 'application/geo+json; charset=utf-8'
		})
	});
};
