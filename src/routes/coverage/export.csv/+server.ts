import { toCsv } from '#lib/domain/coverage/index.ts';
import { parseCoverageQuery } from '../params.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { loadCoverage } from '../coverage.server.ts';
import { exportHeaders } from '../export.ts';
import { coverageCatalog } from '#lib/i18n/coverage-texts.ts';

/** Every quartier's figures as CSV, with definitions, sources, licences and the date on top. */
export const GET = async ({ locals, url }) => {
	const query = parseCoverageQuery(url.searchParams);
	const { result } = await loadCoverage(locals, query);
	return new Response(toCsv(result, getLocale(), coverageCatalog()), {
		headers: exportHeaders({ result, extension: 'csv', contentType: 'text/csv; charset=utf-8' })
	});
};
