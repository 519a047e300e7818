import { embedSearch, parseEmbedParams } from '#lib/domain/embed/embed.ts';
import { placeName } from '#lib/domain/places/place-name.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import * as geography from '#lib/server/db/geography.ts';
import { labelOf } from '#lib/server/db/taxonomy.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { cardOf } from '#lib/server/finder/search.ts';
import { embedResults } from './search.server.ts';

export async function load({ url, locals }) {
	const params = parseEmbedParams(url.searchParams);
	const locale = getLocale();
	const [terms, quartiers] = await Promise.all([
		taxonomy.load(locals.reader),
		geography.listQuartiers(locals.reader)
	]);
	const { results, total, points } = await embedResults(locals.reader, params);
	const quartier = quartiers.find((q) => q.mdrc === params.quartier);
	return {
		params,
		search: embedSearch(params),
		// Links leave the frame for Nabij itself, so they carry our own origin.
		origin: url.origin,
		heading: [
			quartier && placeName(quartier, locale),
			params.category && labelOf(terms.categories, params.category, locale),
			params.support && labelOf(terms.supportKinds, params.support, locale)
		].filter((part): part is string => Boolean(part)),
		categories: terms.categories,
		results: results.map((result) => cardOf(result, locale)),
		total,
		points
	};
}
