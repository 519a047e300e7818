// Shapes the finder page receives from its server load.

export type { FinderCard } from '#lib/server/finder/search.ts';

/** What a phone shows of the results: the list or the map (wide screens show both). */
export type FinderView = 'list' | 'map';
