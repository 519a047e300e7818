// The routes the open-data page documents, each with an example address (ids from the
// directory where a route needs one), in the order a reader meets them.
import { m } from '#lib/paraglide/messages.js';

export type Examples = { service: string; organization: string; serviceAtLocation: string } | null;

/** One documented route: its pattern, what it gives, and a working example (or none). */
export type ApiRoute = { path: string; what: string; example: string | null };

/** The HSDS routes with example addresses. */
export function apiRoutes(examples: Examples): ApiRoute[] {
	const base = '/api/hsds';
	return [
		{ path: `${base}/`, what: m.opendata_route_info(), example: `${base}/` },
		{
			path: `${base}/services`,
			what: m.opendata_route_services(),
			example: `${base}/services?per_page=5`
		},
		{
			path: `${base}/services/{id}`,
			what: m.opendata_route_service(),
			example: examples && `${base}/services/${examples.service}`
		},
		{
			path: `${base}/organizations`,
			what: m.opendata_route_organizations(),
			example: `${base}/organizations?per_page=5`
		},
		{
			path: `${base}/organizations/{id}`,
			what: m.opendata_route_organization(),
			example: examples && `${base}/organizations/${examples.organization}`
		},
		{
			path: `${base}/service_at_locations`,
			what: m.opendata_route_service_at_locations(),
			example: `${base}/service_at_locations?per_page=5`
		},
		{
			path: `${base}/service_at_locations/{id}`,
			what: m.opendata_route_service_at_location(),
			example: examples && `${base}/service_at_locations/${examples.serviceAtLocation}`
		},
		{
			path: `${base}/taxonomies`,
			what: m.opendata_route_taxonomies(),
			example: `${base}/taxonomies`
		},
		{
			path: `${base}/taxonomy_terms`,
			what: m.opendata_route_taxonomy_terms(),
			example: `${base}/taxonomy_terms?per_page=20`
		},
		{ path: `${base}/export.zip`, what: m.opendata_route_export(), example: `${base}/export.zip` },
		{
			path: `${base}/openapi.json`,
			what: m.opendata_route_openapi(),
			example: `${base}/openapi.json`
		}
	];
}
