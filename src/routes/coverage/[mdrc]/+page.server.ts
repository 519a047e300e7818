import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { formatNumber, quartierName } from '../measures.ts';
import { coverageSearch, parseCoverageQuery } from '../params.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { communeName, label, loadCoverage } from '../coverage.server.ts';
import { profileIndicators } from './indicators.ts';

const paramsSchema = z.object({ mdrc: z.coerce.number().int().min(1).max(999) });

export const load = async ({ locals, params, url }) => {
	const parsed = paramsSchema.safeParse(params);
	if (!parsed.success) error(404, 'Not found');
	const locale = getLocale();
	const query = parseCoverageQuery(url.searchParams);
	const context = await loadCoverage(locals, query);
	const { result, geography, taxonomy } = context;
	const q = result.quartiers.find((row) => row.mdrc === parsed.data.mdrc);
	if (!q) error(404, 'Not found');

	const categories = new Map(taxonomy.categories.map((c) => [c.code, label(c, locale)]));
	const kinds = taxonomy.supportKinds.map((k) => ({ code: k.code, label: label(k, locale) }));
	const history = context.surveys
		.filter((s) => s.mdrc === q.mdrc)
		.sort((a, b) => (a.checked_on < b.checked_on ? 1 : a.checked_on > b.checked_on ? -1 : 0))
		.map((s) => ({ date: s.checked_on, organization: s.organization_name }));
	const regionWalking = new Map(result.region.walking.map((t) => [t.thresholdMeters, t.share]));

	return {
		analyst: context.analyst,
		search: coverageSearch(query, {
			category: context.filters.category,
			support: context.filters.supportKind,
			measure: query.measure,
			sort: query.sort
		}),
		filters: {
			category: context.filters.category ? categories.get(context.filters.category) : null,
			support: kinds.find((k) => k.code === context.filters.supportKind)?.label ?? null
		},
		quartier: {
			mdrc: q.mdrc,
			name: quartierName(q, locale),
			otherName: quartierName(q, locale === 'nl' ? 'fr' : 'nl'),
			type: q.type,
			excluded: q.excluded,
			commune: communeName(
				geography.communes.find((c) => c.nis === q.nisMain),
				locale
			),
			finding: q.finding
		},
		indicators: profileIndicators(q, result.region, locale),
		byCategory: Object.entries(q.supply.byCategory).map(([code, figures]) => ({
			label: categories.get(code) ?? code,
			count: figures.count
		})),
		supply: {
			...q.supply.selected,
			dormant: q.supply.dormant,
			paused: q.supply.pausedNotCounted,
			serving: q.supply.serving
		},
		walking: q.walking.byThreshold.map((t) => {
			const regionShare = regionWalking.get(t.thresholdMeters) ?? null;
			return {
				thresholdMeters: t.thresholdMeters,
				share: t.share === null ? null : t.share * 100,
				regionShare: regionShare === null ? null : regionShare * 100,
				distance: formatNumber(t.thresholdMeters, locale)
			};
		}),
		survey: { ...q.survey, history },
		gap: q.gap,
		gapMissing: q.gapMissing,
		rankedCount: result.region.rankedCount,
		signals: context.analyst ? q.signals : null,
		supportKindLabels: Object.fromEntries(kinds.map((k) => [k.code, k.label]))
	};
};
