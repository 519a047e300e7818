import { json } from '@sveltejs/kit';
import { LOCALES } from '#lib/i18n/locales.ts';
import { z } from 'zod';
import { geocoder } from './geocoder.server.ts';

const querySchema = z.object({
	q: z.string().trim().max(100).default(''),
	locale: z.enum(LOCALES).default('fr')
});

/** Place suggestions for the finder's "where" box: `GET /find/places?q=wavre&locale=fr`. */
export async function GET({ url }) {
	const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return json({ suggestions: [] }, { status: 400 });
	const { q, locale } = parsed.data;
	if (q.length < 2) return json({ suggestions: [] });
	const suggestions = (await geocoder()).search(q, { locale, limit: 8 });
	return json({ suggestions }, { headers: { 'cache-control': 'public, max-age=3600' } });
}
