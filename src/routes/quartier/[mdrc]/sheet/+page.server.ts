import { error } from '@sveltejs/kit';
import { BRUSSELS_TIME_ZONE } from '#lib/domain/schedule/brussels-time.ts';
import type { UiLocale } from '#lib/domain/languages.ts';
import { languageName } from '#lib/domain/languages.ts';
import { placeName } from '#lib/domain/places/place-name.ts';
import {
	ownLanguageName,
	parseSecondLanguage,
	sheetParamsSchema
} from '#lib/domain/sheet/schema.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import * as geography from '#lib/server/db/geography.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { buildSheet } from './sheet.server.ts';

// The sheet is generated from its address alone (quartier and second language); nothing about
// the reader is stored. Links and QR codes use the configured public origin.
export async function load({ params, url, locals }) {
	const parsed = sheetParamsSchema.safeParse(params);
	if (!parsed.success) error(404, 'Not found');
	const { mdrc } = parsed.data;
	const locale = getLocale() as UiLocale;
	const second = parseSecondLanguage(url.searchParams, locale);
	const [quartiers, shapes, terms, communes] = await Promise.all([
		geography.listQuartiers(locals.supabase),
		geography.quartierCollection(locals.supabase),
		taxonomy.load(locals.supabase),
		geography.listCommunes(locals.supabase)
	]);
	const quartier = quartiers.find((q) => q.mdrc === mdrc);
	const outline = shapes.features.find((f) => f.properties.mdrc === mdrc);
	if (!quartier || !outline) error(404, 'Not found');
	const commune = communes.find((c) => c.nis === quartier.nis_main);
	const sheet = await buildSheet({
		supabase: locals.supabase,
		mdrc,
		outline,
		terms,
		locale,
		second
	});
	return {
		mdrc,
		locale,
		second,
		secondName:
			second?.kind === 'community'
				? { name: languageName(second.code, locale), own: ownLanguageName(second.code) }
				: null,
		quartier: {
			name: placeName(quartier, locale),
			fr: placeName(quartier, 'fr'),
			nl: placeName(quartier, 'nl'),
			commune: commune ? `${placeName(commune, 'fr')} / ${placeName(commune, 'nl')}` : null
		},
		...sheet,
		// The day in Brussels, where the sheet is pinned up, not the server's UTC day.
		today: new Date().toLocaleDateString('en-CA', { timeZone: BRUSSELS_TIME_ZONE })
	};
}
