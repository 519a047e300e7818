// Shapes the finder page receives from its server load.
import type { ResourceResult } from '#lib/domain/search/index.ts';
import type { ResourceListRow } from '#lib/server/db/resources.ts';

/** A ranked result as a card shows it: without the descriptions, which only the detail page shows. */
export type FinderResult = Omit<
	ResourceResult<ResourceListRow>,
	'description_fr' | 'description_nl' | 'description_en'
>;

/** What a phone shows of the results: the list or the map (wide screens show both). */
export type FinderView = 'list' | 'map';
