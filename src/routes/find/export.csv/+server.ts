import { directoryCsv } from '#lib/domain/export/directory.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { selectEntries } from '../export.server.ts';
import { columnHeaders, exportFilename, taxonomyLabeller } from '../export-text.ts';

/** The finder's results (or the whole directory) as CSV for Excel in fr-BE / nl-BE. */
export const GET = async ({ locals, url }) => {
	const { entries, query, terms } = await selectEntries(locals.supabase, url.searchParams);
	const locale = getLocale();
	const generatedAt = new Date().toISOString();
	const csv = directoryCsv(entries, {
		headers: columnHeaders(),
		url: (id) => new URL(localizeHref(`/resources/${id}`), url.origin).href,
		label: taxonomyLabeller(terms, locale)
	});
	const filename = exportFilename({ generatedAt, query, extension: 'csv' });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
