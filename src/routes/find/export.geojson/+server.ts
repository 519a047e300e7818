import { directoryGeoJson } from '#lib/domain/export/directory.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import { selectEntries } from '../export.server.ts';
import { aboutText, exportFilename, querySummary } from '../export-text.ts';

/** The finder's results (or the whole directory) as GeoJSON points, with the companion text inside. */
export const GET = async ({ locals, url }) => {
	const { entries, query } = await selectEntries(locals.supabase, url.searchParams);
	const generatedAt = new Date().toISOString();
	const geojson = directoryGeoJson(entries, {
		url: (id) => new URL(localizeHref(`/resources/${id}`), url.origin).href,
		metadata: {
			generatedAt,
			count: entries.length,
			query: querySummary(query),
			licence: 'ODbL-1.0',
			attribution: 'Nabij; © OpenStreetMap contributors (entries imported from OpenStreetMap)',
			about: aboutText({ generatedAt, count: entries.length, query }).trimEnd().split('\r\n')
		}
	});
	const filename = exportFilename({ generatedAt, query, extension: 'geojson' });
	return new Response(JSON.stringify(geojson), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
