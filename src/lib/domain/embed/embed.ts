// The embeddable map's address and the snippet a centre pastes into its own site.
import { z } from 'zod';

/** Interface languages an embed can be shown in. */
export const EMBED_LOCALES = ['fr', 'nl', 'en'] as const;
export type EmbedLocale = (typeof EMBED_LOCALES)[number];

// Taxonomy codes are lower snake_case (as in the finder's URL).
const code = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z][a-z0-9_]{0,63}$/)
	.optional()
	.catch(undefined);

/** What an embed shows: one quartier (`mdrc`), one category, one support kind; each optional. */
export const embedParamsSchema = z.object({
	quartier: z.coerce.number().int().min(1).max(9999).optional().catch(undefined),
	category: code,
	support: code
});

/** The embed's filters as parsed from its address. */
export type EmbedParams = z.infer<typeof embedParamsSchema>;

/**
 * Reads an embed's filters from search params; a wrong value is dropped, not an error, so an
 * old snippet with a retired code still shows the rest.
 *
 * @example parseEmbedParams(new URLSearchParams('quartier=2&support=home_visits')) // { quartier: 2, support: 'home_visits' }
 */
export function parseEmbedParams(params: URLSearchParams): EmbedParams {
	const read = (name: string) => params.get(name)?.trim() || undefined;
	const parsed = embedParamsSchema.parse({
		quartier: read('quartier'),
		category: read('category'),
		support: read('support')
	});
	return Object.fromEntries(
		Object.entries(parsed).filter(([, value]) => value !== undefined)
	) as EmbedParams;
}

/** Search params of an embed (also the finder's: same names), without empty filters. */
export function embedSearch(params: EmbedParams): string {
	const search = new URLSearchParams();
	if (params.quartier !== undefined) search.set('quartier', String(params.quartier));
	if (params.category) search.set('category', params.category);
	if (params.support) search.set('support', params.support);
	return search.toString();
}

function escapeAttribute(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('"', '&quot;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;');
}

/** Height of the embed in CSS pixels: the map and a few list entries. */
export const EMBED_HEIGHT_PX = 600;

/**
 * The `<iframe>` code for an embed: full width, fixed height, lazy, titled for screen readers,
 * no referrer beyond the origin.
 *
 * @example iframeSnippet({ src: 'https://nabij.example/fr/embed?quartier=2', title: 'Nabij' })
 * // '<iframe src="https://nabij.example/fr/embed?quartier=2" title="Nabij" width="100%" height="600" …></iframe>'
 */
export function iframeSnippet({
	src,
	title,
	heightPx = EMBED_HEIGHT_PX
}: {
	src: string;
	title: string;
	heightPx?: number;
}): string {
	return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${heightPx}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
