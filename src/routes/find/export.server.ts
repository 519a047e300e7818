// What the finder's exports contain: the published entries matching the finder's query (the
// same URL parameters as /find), in the finder's order, or the whole directory without any.
import type { DirectoryEntry } from '#lib/domain/export/directory.ts';
import { finderQuerySchema, type FinderQuery } from '#lib/domain/search/index.ts';
import type { Db } from '#lib/server/db/client.ts';
import * as directoryExport from '#lib/server/db/directory-export.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { matchingIds } from '#lib/server/finder/search.ts';

/** The finder parameters an export follows; the place label and paging change nothing. */
const IGNORED_PARAMS = new Set(['place', 'page', 'signalled']);

/** An export's entries, the query they answer (null: the whole directory) and the taxonomy. */
export type DirectorySelection = {
	entries: DirectoryEntry[];
	query: FinderQuery | null;
	terms: taxonomy.Taxonomy;
};

/**
 * The entries an export of `/find?…` holds: every published entry when the address carries no
 * finder parameter, else those the finder finds, in its order.
 */
export async function selectEntries(
	supabase: Db,
	params: URLSearchParams
): Promise<DirectorySelection> {
	const filtered = [...params.keys()].some((name) => !IGNORED_PARAMS.has(name));
	const query = filtered ? finderQuerySchema.parse(params) : null;
	const terms = await taxonomy.load(supabase);
	if (!query) return { entries: await directoryExport.list(supabase), query, terms };
	const ids = await matchingIds(supabase, query);
	// Reading by id costs a request per hundred; past a few thousand, one pass over all is cheaper.
	if (ids.length <= BY_ID_LIMIT) {
		return { entries: await directoryExport.getMany(supabase, ids), query, terms };
	}
	const byId = new Map((await directoryExport.list(supabase)).map((entry) => [entry.id, entry]));
	return { entries: ids.flatMap((id) => byId.get(id) ?? []), query, terms };
}

/** Results up to which a filtered export reads its entries by id. */
const BY_ID_LIMIT = 3000;
