// Shapes the finder page receives from its server load.
import type { ResourceResult } from '#lib/domain/search/index.ts';
import type { ResourceListRow } from '#lib/server/db/resources.ts';

/** A ranked result as a card shows it. */
export type FinderResult = ResourceResult<ResourceListRow>;
