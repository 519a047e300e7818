// The HSDS 3.0 read API's routes as plain functions of (client, request): each parses its
// parameters, reads one page through the caller's (anonymous) client and maps it to HSDS.
// The SvelteKit endpoints under src/routes/api/hsds/ only call these.
import {
	HSDS_VERSION,
	isUuid,
	parseHsdsQuery,
	TAXONOMIES,
	taxonomyId,
	toLocation,
	toOrganization,
	toOrganizationListItem,
	toPage,
	toService,
	toServiceListItem,
	toTaxonomy,
	type HsdsQuery,
	type TermIndex
} from '#lib/domain/hsds/index.ts';
import type { Db } from '../db/client.ts';
import * as hsds from '../db/hsds.ts';
import { json, problem } from './http.ts';
import { loadTerms } from './taxonomy.ts';

/** What every route gets: the client to read with, the request and its path id, if any. */
export type HsdsContext = { supabase: Db; request: Request; url: URL; id?: string };

type Handler = (context: HsdsContext) => Promise<Response>;

/** Runs a handler with the query parsed; a bad parameter is a 400 that names it. */
function withQuery(
	run: (context: HsdsContext, query: HsdsQuery) => Promise<Response>,
	options: { termFilters?: boolean } = {}
): Handler {
	return async (context) => {
		const parsed = parseHsdsQuery(context.url.searchParams, options);
		if (!parsed.ok) {
			const { parameter, message } = parsed.error;
			return problem(400, 'invalid_parameter', `${parameter} ${message}`, parameter);
		}
		return run(context, parsed.query);
	};
}

function rangeOf(query: HsdsQuery): hsds.RowRange {
	const from = (query.page - 1) * query.per_page;
	return { from, to: from + query.per_page - 1 };
}

function notFound(what: string): Response {
	return problem(404, 'not_found', `no published ${what} has this id`);
}

/**
 * The service filters a query asks for, or null when it names a taxonomy term we do not have
 * (nothing can match it).
 */
async function serviceFilters(supabase: Db, query: HsdsQuery): Promise<hsds.ServiceFilters | null> {
	const filters: hsds.ServiceFilters = {
		search: query.search,
		organizationId: query.organization_id,
		modifiedAfter: query.modified_after,
		quartier: query.quartier,
		language: query.language
	};
	if (query.taxonomy_term_id) {
		const terms = await loadTerms(supabase, query.locale);
		const term = terms.byId(query.taxonomy_term_id);
		if (!term) return null;
		const codes = terms.codesFor(term);
		if (term.taxonomy === 'support_kinds') filters.supportKinds = codes;
		if (term.taxonomy === 'target_groups') filters.targetGroups = codes;
		if (term.taxonomy === 'languages') filters.languages = codes;
		if (term.taxonomy === 'categories') filters.category = term.code;
	}
	return filters;
}

function emptyPage(query: HsdsQuery) {
	return toPage({ contents: [], totalItems: 0, page: query.page, perPage: query.per_page });
}

/** `/`: what this API is. */
export const info: Handler = async ({ request, url }) =>
	json(request, {
		version: HSDS_VERSION,
		profile: 'https://docs.openreferral.org/en/3.0/hsds/',
		openapi_url: new URL('/api/hsds/openapi.json', url).href,
		name: 'Nabij',
		description:
			'Care and self-organisations in the 145 quartiers of Brussels, as Open Referral HSDS 3.0. No key, CORS open.',
		documentation_url: new URL('/en/open-data', url).href
	});

/** `/services`: published services, a page at a time, by id. */
export const services = withQuery(async ({ supabase, request }, query) => {
	const filters = await serviceFilters(supabase, query);
	if (!filters) return json(request, emptyPage(query));
	const { rows, total } = await hsds.listServices(supabase, filters, rangeOf(query));
	const contents = rows.map(({ organizations, ...service }) => ({
		...toServiceListItem(service, organizations, query.locale),
		organization: toOrganizationListItem(organizations, query.locale)
	}));
	return json(
		request,
		toPage({ contents, totalItems: total, page: query.page, perPage: query.per_page })
	);
});

async function fullService(supabase: Db, id: string, terms: TermIndex, query: HsdsQuery) {
	const parts = await hsds.getService(supabase, id);
	return parts && toService({ ...parts, terms, locale: query.locale });
}

/** `/services/{id}`: one published service, fully nested. */
export const service = withQuery(async ({ supabase, request, id = '' }, query) => {
	if (!isUuid(id)) return notFound('service');
	const [terms, body] = await Promise.all([
		loadTerms(supabase, query.locale),
		hsds.getService(supabase, id)
	]);
	if (!body) return notFound('service');
	return json(request, toService({ ...body, terms, locale: query.locale }));
});

/** `/organizations`: published organizations, a page at a time, by id. */
export const organizations = withQuery(async ({ supabase, request }, query) => {
	const { rows, total } = await hsds.listOrganizations(
		supabase,
		{ search: query.search },
		rangeOf(query)
	);
	const contents = rows.map(({ contact_channels, ...org }) =>
		toOrganizationListItem(org, query.locale, contact_channels)
	);
	return json(
		request,
		toPage({ contents, totalItems: total, page: query.page, perPage: query.per_page })
	);
});

/** `/organizations/{id}`: one published organization with its services and locations. */
export const organization = withQuery(async ({ supabase, request, id = '' }, query) => {
	if (!isUuid(id)) return notFound('organization');
	const [terms, parts] = await Promise.all([
		loadTerms(supabase, query.locale),
		hsds.getOrganization(supabase, id)
	]);
	if (!parts) return notFound('organization');
	return json(request, toOrganization({ ...parts, terms, locale: query.locale }));
});

/** `/service_at_locations`: published service–location links, a page at a time, by id. */
export const serviceAtLocations = withQuery(async ({ supabase, request }, query) => {
	const filters = await serviceFilters(supabase, query);
	if (!filters) return json(request, emptyPage(query));
	const { rows, total } = await hsds.listLinks(supabase, filters, rangeOf(query));
	const contents = rows.map((link) => {
		const { organizations: org, ...svc } = link.services;
		return {
			id: link.id,
			service_id: link.service_id,
			location_id: link.location_id,
			location: toLocation(link.locations, query.locale),
			service: toServiceListItem(svc, org, query.locale)
		};
	});
	return json(
		request,
		toPage({ contents, totalItems: total, page: query.page, perPage: query.per_page })
	);
});

/** `/service_at_locations/{id}`: one link with its location and its fully nested service. */
export const serviceAtLocation = withQuery(async ({ supabase, request, id = '' }, query) => {
	if (!isUuid(id)) return notFound('service_at_location');
	const link = await hsds.getLink(supabase, id);
	if (!link) return notFound('service_at_location');
	const terms = await loadTerms(supabase, query.locale);
	const svc = await fullService(supabase, link.serviceId, terms, query);
	if (!svc) return notFound('service_at_location');
	const { schedules, ...rest } = svc;
	return json(request, {
		id: link.id,
		service_id: link.serviceId,
		location_id: link.location.id,
		location: toLocation(link.location, query.locale),
		...(Array.isArray(schedules) ? { schedules } : {}),
		service: { ...rest, schedules }
	});
});

/** `/taxonomies`: our four taxonomies. */
export const taxonomies = withQuery(async ({ request }, query) => {
	let all = TAXONOMIES.map((t) => toTaxonomy(t.key, query.locale));
	if (query.search) {
		const needle = query.search.toLowerCase();
		all = all.filter((t) => `${t.name} ${t.description}`.toLowerCase().includes(needle));
	}
	return json(request, pageOf(all, query));
});

/** `/taxonomies/{id}`: one of our taxonomies. */
export const taxonomy = withQuery(async ({ request, id = '' }, query) => {
	const found = TAXONOMIES.find((t) => taxonomyId(t.key) === id.toLowerCase());
	return found ? json(request, toTaxonomy(found.key, query.locale)) : notFound('taxonomy');
});

/** `/taxonomy_terms`: every term of our four taxonomies, with its crosswalk codes. */
export const taxonomyTerms = withQuery(
	async ({ supabase, request }, query) => {
		const terms = await loadTerms(supabase, query.locale);
		let all = terms.terms;
		if (query.taxonomy_id) all = all.filter((t) => t.taxonomy_id === query.taxonomy_id);
		if (query.parent_id) all = all.filter((t) => t.parent_id === query.parent_id);
		if (query.top_only) all = all.filter((t) => t.parent_id === undefined);
		if (query.search) {
			const needle = query.search.toLowerCase();
			all = all.filter((t) =>
				`${t.code} ${t.name} ${t.description}`.toLowerCase().includes(needle)
			);
		}
		return json(request, pageOf(all, query));
	},
	{ termFilters: true }
);

/** `/taxonomy_terms/{id}`: one term. */
export const taxonomyTerm = withQuery(async ({ supabase, request, id = '' }, query) => {
	const terms = await loadTerms(supabase, query.locale);
	const term = terms.terms.find((t) => t.id === id.toLowerCase());
	return term ? json(request, term) : notFound('taxonomy_term');
});

/** A page of a list held in memory, sorted by id as the database lists are. */
function pageOf<T extends object>(all: T[], query: HsdsQuery) {
	const { from, to } = rangeOf(query);
	const id = (x: T) => String((x as { id?: unknown }).id);
	const sorted = [...all].sort((a, b) => (id(a) < id(b) ? -1 : 1));
	return toPage({
		contents: sorted.slice(from, to + 1),
		totalItems: all.length,
		page: query.page,
		perPage: query.per_page
	});
}
