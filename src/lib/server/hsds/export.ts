// The whole published directory as an HSDS tabular package (a zip of CSVs and
// datapackage.json), read as anonymous like the API.
import { strToU8, zipSync } from 'fflate';
import datapackageJson from '../../../../data/hsds/datapackage.json?raw';
import {
	TAXONOMIES,
	toOrganization,
	toService,
	toTabularPackage,
	toTaxonomy,
	type DataPackage,
	type HsdsLocale
} from '#lib/domain/hsds/index.ts';
import type { Db } from '../db/client.ts';
import * as hsds from '../db/hsds.ts';
import { cached } from './http.ts';
import { loadTerms } from './taxonomy.ts';

const hsdsPackage = JSON.parse(datapackageJson) as DataPackage;

/** The package's files, from the directory as anonymous visitors read it. */
export async function directoryPackage(
	supabase: Db,
	locale: HsdsLocale
): Promise<Record<string, string>> {
	const [terms, organizations, links] = await Promise.all([
		loadTerms(supabase, locale),
		hsds.readAllOrganizations(supabase),
		hsds.readAllLinks(supabase)
	]);
	const linksByService = Map.groupBy(links, (l) => l.service_id);
	const orgs = [];
	const services = [];
	let latest = '1970-01-01T00:00:00.000Z';
	for (const {
		services: own,
		locations,
		contact_channels: channels,
		...organization
	} of organizations) {
		orgs.push(toOrganization({ organization, services: own, locations, channels, terms, locale }));
		const locationById = new Map(locations.map((l) => [l.id, l]));
		for (const service of own) {
			const at = (linksByService.get(service.id) ?? []).flatMap((l) => {
				const location = locationById.get(l.location_id);
				return location ? [{ id: l.id, location }] : [];
			});
			services.push(toService({ service, organization, locations: at, channels, terms, locale }));
			const modified = new Date(service.updated_at).toISOString();
			if (modified > latest) latest = modified;
		}
		const changed = new Date(organization.updated_at).toISOString();
		if (changed > latest) latest = changed;
	}
	return toTabularPackage(
		{
			organizations: orgs,
			services,
			taxonomies: TAXONOMIES.map((t) => toTaxonomy(t.key, locale)),
			terms: terms.terms,
			// The date of the latest change, not of the request: the same directory gives the same
			// bytes, so the ETag holds until something changes.
			created: latest
		},
		hsdsPackage
	);
}

/** `/api/hsds/export.zip`: the package as a zip, with an ETag like every HSDS answer. */
export async function exportZip({
	supabase,
	request,
	url
}: {
	supabase: Db;
	request: Request;
	url: URL;
}): Promise<Response> {
	const param = url.searchParams.get('locale');
	const locale: HsdsLocale = param === 'fr' || param === 'nl' ? param : 'en';
	const files = await directoryPackage(supabase, locale);
	const created = JSON.parse(files['datapackage.json'] ?? '{}').created as string;
	const mtime = new Date(created);
	const zip = zipSync(
		Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
		{ level: 6, mtime: mtime.getTime() < Date.UTC(1980, 0, 1) ? Date.UTC(1980, 0, 1) : mtime }
	);
	return cached(request, zip, {
		'content-type': 'application/zip',
		'content-disposition': 'attachment; filename="nabij-hsds.zip"'
	});
}
