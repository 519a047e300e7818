// Shapes the finder page receives from its server load.
import type { DescribedResult } from '#lib/domain/search/index.ts';
import type { FinderEntryRow } from '#lib/server/db/finder-entries.ts';

/** A ranked result as a card shows it (descriptions stay in the database: only the detail page shows them). */
export type FinderResult = DescribedResult<FinderEntryRow>;

/** What a phone shows of the results: the list or the map (wide screens show both). */
export type FinderView = 'list' | 'map';
