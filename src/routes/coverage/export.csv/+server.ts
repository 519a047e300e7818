import { toCsv } from '#lib/domain/coverage/index.ts';
import { parseCoverageQuery } from '../params.ts';
import { loadCoverage } from '../coverage.server.ts';
import { exportHeaders } from '../export.ts';

/** Every quartier's figures as CSV for Excel in fr-BE / nl-BE; definitions are in export-about.txt. */
export const GET = async ({ locals, url }) => {
	const query = parseCoverageQuery(url.searchParams);
	const { result } = await loadCoverage(locals, query);
	return new Response(toCsv(result), {
		headers: exportHeaders({ result, extension: 'csv', contentType: 'text/csv; charset=utf-8' })
	});
};
