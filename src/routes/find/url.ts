// The finder's URL beyond the engine's query: the typed place's label travels with the point.
import { z } from 'zod';
import { toSearchParams, type FinderQuery } from '#lib/domain/search/index.ts';

/** The label of the searched place as typed or picked (display only; `near` is the point). */
export const placeSchema = z
	.string()
	.trim()
	.max(120)
	.optional()
	.transform((value) => value || undefined)
	.catch(undefined);

/** Search params for a query and its place label: links, the share link and form actions. */
export function finderParams(query: FinderQuery, place?: string): URLSearchParams {
	const params = toSearchParams(query);
	if (place) params.set('place', place);
	return params;
}

/** A finder address for a query, e.g. for "widen the search" links (localize before use). */
export function finderPath(query: FinderQuery, place?: string): string {
	const params = finderParams(query, place).toString();
	return params ? `/find?${params}` : '/find';
}
