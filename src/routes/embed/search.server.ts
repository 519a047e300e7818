// The embed's results: the finder's own search, for the embed's three filters.
import type { EmbedParams } from '#lib/domain/embed/embed.ts';
import { embedSearch } from '#lib/domain/embed/embed.ts';
import { finderQuerySchema } from '#lib/domain/search/index.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findResources, type FinderSearch } from '#lib/server/finder/search.ts';

/** Published entries for an embed, ranked as the finder does (a page and every match's point). */
export function embedResults(supabase: Db, params: EmbedParams): Promise<FinderSearch> {
	const query = finderQuerySchema.parse(new URLSearchParams(embedSearch(params)));
	return findResources(supabase, { ...query, sort: 'name' });
}
