import { selectEntries } from '../export.server.ts';
import { aboutText, exportFilename } from '../export-text.ts';

/** The exports' companion: date, content, format, each column's definition, sources and licence. */
export const GET = async ({ locals, url }) => {
	const { entries, query } = await selectEntries(locals.supabase, url.searchParams);
	const generatedAt = new Date().toISOString();
	const filename = exportFilename({ generatedAt, query, extension: 'txt', suffix: 'about' });
	return new Response(aboutText({ generatedAt, count: entries.length, query }), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `inline; filename="${filename}"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
