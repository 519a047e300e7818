// "Back to the search" from a detail page: the finder's state travels in a `back` parameter and
// is rebuilt from parsed values only, so the link can never point anywhere but the finder.
import { finderQuerySchema, toSearchParams } from '../search/index.ts';

const MAX_PLACE_LENGTH = 120;

/**
 * The finder path (without locale) for a `back` parameter holding finder search params; the
 * bare finder when it is missing or holds nothing usable.
 *
 * @example finderPathFromBack('near=4.34,50.84&language=ar&evil=1') // '/find?near=4.34%2C50.84&language=ar'
 */
export function finderPathFromBack(back: string | null): string {
	if (!back) return '/find';
	const raw = new URLSearchParams(back);
	const params = toSearchParams(finderQuerySchema.parse(raw));
	const place = raw.get('place')?.trim().slice(0, MAX_PLACE_LENGTH);
	if (place) params.set('place', place);
	const text = params.toString();
	return text ? `/find?${text}` : '/find';
}
