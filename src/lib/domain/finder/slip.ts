// The orientation slip's address: which entries (up to five) and in which language.
import { z } from 'zod';

/** Entries on one slip at most. */
export const SLIP_MAX_ENTRIES = 5;

/** Languages a slip can be printed in, independent of the interface language. */
export const SLIP_LANGUAGES = ['fr', 'nl', 'en'] as const;
export type SlipLanguage = (typeof SLIP_LANGUAGES)[number];

/**
 * Reads `ids` (repeatable or comma-separated uuids; duplicates and malformed ids dropped) and
 * `lang` from the slip's search params. `tooMany` tells that ids beyond the fifth were left out.
 *
 * @example parseSlipParams(new URLSearchParams('ids=a…,b…&lang=nl'), 'fr')
 * // { ids: ['a…', 'b…'], lang: 'nl', tooMany: false }
 */
export function parseSlipParams(
	params: URLSearchParams,
	fallbackLanguage: SlipLanguage
): { ids: string[]; lang: SlipLanguage; tooMany: boolean } {
	const ids = [
		...new Set(
			params
				.getAll('ids')
				.flatMap((value) => value.split(','))
				.map((value) => value.trim().toLowerCase())
				.filter((value) => z.uuid().safeParse(value).success)
		)
	];
	const lang = z.enum(SLIP_LANGUAGES).catch(fallbackLanguage).parse(params.get('lang'));
	return { ids: ids.slice(0, SLIP_MAX_ENTRIES), lang, tooMany: ids.length > SLIP_MAX_ENTRIES };
}

/** The canonical slip path (without locale) for entries and a language: what "share" copies. */
export function slipPath(ids: readonly string[], lang: SlipLanguage): string {
	return `/slip?${new URLSearchParams({ ids: ids.join(','), lang })}`;
}
