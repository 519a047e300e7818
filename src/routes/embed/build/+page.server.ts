import { z } from 'zod';
import { EMBED_LOCALES, embedSearch, parseEmbedParams } from '#lib/domain/embed/embed.ts';
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
	const name = (q: { name_fr: string; name_nl: string }) => (locale === 'nl' ? q.name_nl : q.name_fr);
	const params = parseEmbedParams(url.searchParams);
	return {
		params,
		search: embedSearch(params),
		lang: langSchema.parse(url.searchParams.get('lang') ?? undefined) ?? locale,
		// The snippet names our own address, as the visitor reached it.
		origin: url.origin,
		quartiers: quartiers
			.map((q) => ({ mdrc: q.mdrc, name: name(q) }))
			.sort((a, b) => a.name.localeCompare(b.name, locale)),
		categories: terms.categories,
		supportKinds: terms.supportKinds
	};
}
