import { z } from 'zod';
import { EMBED_LOCALES, embedSearch, parseEmbedParams } from '#lib/domain/embed/embed.ts';
import { quartiersIn } from '#lib/domain/finder/terms.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import * as geography from '#lib/server/db/geography.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';

const langSchema = z.enum(EMBED_LOCALES).optional().catch(undefined);

export async function load({ url, locals }) {
	const locale = getLocale();
	const [terms, quartiers] = await Promise.all([
		taxonomy.load(locals.reader),
		geography.listQuartiers(locals.reader)
	]);
	const params = parseEmbedParams(url.searchParams);
	return {
		params,
		search: embedSearch(params),
		lang: langSchema.parse(url.searchParams.get('lang') ?? undefined) ?? locale,
		// The snippet names our own address, as the visitor reached it.
		origin: url.origin,
		// Named and ordered as the finder lists them (some Dutch names come in capitals).
		quartiers: quartiersIn(quartiers, locale),
		categories: terms.categories,
		supportKinds: terms.supportKinds
	};
}
