import { toAboutText } from '#lib/domain/coverage/index.ts';
import { coverageCatalog } from '#lib/i18n/coverage-texts.ts';
import { parseCoverageQuery } from '../params.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { loadCoverage } from '../coverage.server.ts';
import { exportHeaders } from '../export.ts';

/** The coverage CSV's companion: date, filters, column definitions, sources and licences. */
export const GET = async ({ locals, url }) => {
	const query = parseCoverageQuery(url.searchParams);
	const { result } = await loadCoverage(locals, query);
	const headers = exportHeaders({
		result,
		extension: 'txt',
		contentType: 'text/plain; charset=utf-8',
		suffix: 'about'
	});
	return new Response(toAboutText(result, getLocale(), coverageCatalog()), { headers });
};
