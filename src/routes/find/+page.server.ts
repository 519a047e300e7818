import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions } from './$types';
import { quartiersIn, termsIn } from '#lib/domain/finder/terms.ts';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import { finderQuerySchema, type FinderQuery } from '#lib/domain/search/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { DataError } from '#lib/server/db/errors.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as needSignals from '#lib/server/db/need-signals.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { getViewer, requireRole } from '#lib/server/guards.ts';
import { geocoder } from './places/geocoder.server.ts';
import { cardOf, findResources } from '#lib/server/finder/search.ts';
import { finderParams, placeSchema } from './url.ts';

/** Turns the typed place into a point when the browser sent no point (no JavaScript). */
async function resolvePlace(query: FinderQuery, place: string | undefined) {
	if (query.near || !place) return { query, placeNotFound: null };
	const [best] = (await geocoder()).search(place, { locale: getLocale(), limit: 1 });
	if (!best) return { query, placeNotFound: place };
	return {
		query: { ...query, near: [best.lon, best.lat] as [number, number] },
		placeNotFound: null
	};
}

async function signalQuartier(locals: App.Locals, query: FinderQuery): Promise<number | null> {
	if (query.quartier !== undefined) return query.quartier;
	if (!query.near) return null;
	return quartierAt(query.near, await geography.quartierCollection(locals.supabase));
}

export async function load({ url, locals }) {
	const parsed = finderQuerySchema.parse(url.searchParams);
	const place = placeSchema.parse(url.searchParams.get('place') ?? undefined);
	const { query, placeNotFound } = await resolvePlace(parsed, place);
	// Without a place or filter the finder lists the whole region, so the first screen is useful.
	const [terms, quartiers, viewer, search] = await Promise.all([
		taxonomy.load(locals.reader),
		geography.listQuartiers(locals.reader),
		getViewer(locals),
		findResources(locals.reader, query)
	]);
	const locale = getLocale();
	const searched = query.near !== undefined || query.quartier !== undefined || url.search !== '';
	const canSignal = viewer?.roles.includes('social_worker') ?? false;
	return {
		query,
		place: place ?? null,
		placeNotFound,
		params: finderParams(query, place).toString(),
		searched,
		// In the page's language only: another language is another load.
		taxonomy: termsIn(terms, locale),
		quartiers: quartiersIn(quartiers, locale),
		...search,
		results: search.results.map((result) => cardOf(result, locale)),
		signal: canSignal
			? {
					mdrc: searched ? await signalQuartier(locals, query) : null,
					recorded: url.searchParams.get('signalled') === '1'
				}
			: null
	};
}

const signalSchema = z.object({ outcome: z.enum(['found', 'not_found']) });

export const actions = {
	signal: async (event) => {
		await requireRole(event, ['social_worker']);
		const { locals, request, url } = event;
		const outcome = signalSchema.safeParse(Object.fromEntries(await request.formData()));
		const query = finderQuerySchema.parse(url.searchParams);
		const mdrc = await signalQuartier(locals, query);
		const [support] = query.support;
		if (!outcome.success || mdrc === null || !support) return fail(400, { signalError: true });
		try {
			await needSignals.create(locals.supabase, {
				mdrc,
				support_kind: support,
				language: query.languages[0] ?? null,
				target_group: query.target[0] ?? null,
				outcome: outcome.data.outcome
			});
		} catch (failure) {
			// The database caps need signals per social worker and day.
			if (failure instanceof DataError && failure.kind === 'too_many') {
				return fail(429, { signalLimit: true });
			}
			throw failure;
		}
		const params = finderParams(query, url.searchParams.get('place') ?? undefined);
		params.set('signalled', '1');
		redirect(303, localizeHref(`/find?${params}`));
	}
} satisfies Actions;
