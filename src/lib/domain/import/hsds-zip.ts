// The HSDS 3.0 tabular package (a zip of CSV files, as datapackage.json describes them) as the
// nested HSDS JSON that readHsds reads: services with their organization, locations, phones,
// languages, schedules and taxonomy attributes joined back by id.
import { unzipSync } from 'fflate';
import { parseDelimited } from './csv.ts';

type Row = Record<string, string>;
type Json = null | string | Json[] | { [key: string]: Json };

/** Unpacked CSV files we read, in total; a larger archive (a zip bomb) is refused (bytes). */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

const FILES = [
	'organizations',
	'services',
	'locations',
	'service_at_location',
	'service_at_locations',
	'addresses',
	'phones',
	'languages',
	'schedules',
	'attributes',
	'taxonomy_terms',
	'taxonomies'
] as const;
type FileName = (typeof FILES)[number];

function table(text: string | undefined): Row[] {
	if (!text) return [];
	const [header = [], ...rows] = parseDelimited(text, ',');
	return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i] ?? ''])));
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
	const groups = new Map<string, Row[]>();
	for (const row of rows) {
		const k = row[key];
		if (k) groups.set(k, [...(groups.get(k) ?? []), row]);
	}
	return groups;
}

/** The file's base name without folders or `.csv`: `hsds/services.csv` → `services`. */
function baseName(path: string): string {
	return (path.split('/').pop() ?? '').replace(/\.csv$/i, '');
}

/**
 * The services of an HSDS tabular package as HSDS JSON objects, or null when the archive is not
 * a readable zip, unpacks to more than MAX_UNPACKED_BYTES or has no services.csv.
 */
export function hsdsZipServices(bytes: Uint8Array): Json[] | null {
	let files: Record<string, Uint8Array>;
	let unpacked = 0;
	try {
		files = unzipSync(bytes, {
			filter: (file) => {
				if (!(FILES as readonly string[]).includes(baseName(file.name))) return false;
				unpacked += file.originalSize;
				if (unpacked > MAX_UNPACKED_BYTES) throw new Error('too large');
				return true;
			}
		});
	} catch {
		return null;
	}
	const decoder = new TextDecoder('utf-8', { fatal: false });
	const text: Partial<Record<FileName, string>> = {};
	for (const [path, content] of Object.entries(files))
		text[baseName(path) as FileName] = decoder.decode(content);
	if (text.services === undefined) return null;
	const t = Object.fromEntries(FILES.map((f) => [f, table(text[f])])) as Record<FileName, Row[]>;

	const taxonomies = new Map(t.taxonomies.map((x) => [x.id, x.name ?? '']));
	const terms = new Map(t.taxonomy_terms.map((x) => [x.id, x]));
	const attributes = groupBy(t.attributes, 'link_id');
	const attributesOf = (id: string): Json[] =>
		(attributes.get(id) ?? []).flatMap((a) => {
			const term = terms.get(a.taxonomy_term_id ?? '');
			if (!term) return [];
			const taxonomy = term.taxonomy || taxonomies.get(term.taxonomy_id ?? '') || '';
			return [{ taxonomy_term: { code: term.code ?? '', taxonomy } }];
		});
	// Plain attributes of a location (our quartier and location precision), by link_type.
	const valuesOf = (id: string): Json[] =>
		(attributes.get(id) ?? [])
			.filter((a) => !a.taxonomy_term_id && a.link_type)
			.map((a) => ({ link_type: a.link_type ?? '', value: a.value ?? '' }));
	const organizations = new Map(t.organizations.map((o) => [o.id, o]));
	const locations = new Map(t.locations.map((l) => [l.id, l]));
	const addresses = groupBy(t.addresses, 'location_id');
	// datapackage.json names the file in the singular; accept the plural too.
	const links = groupBy([...t.service_at_location, ...t.service_at_locations], 'service_id');
	const phonesByService = groupBy(t.phones, 'service_id');
	const phonesByOrganization = groupBy(t.phones, 'organization_id');
	const languages = groupBy(t.languages, 'service_id');
	const schedules = groupBy(t.schedules, 'service_id');
	const phones = (rows: Row[] | undefined): Json[] =>
		(rows ?? []).map((p) => ({ number: p.number ?? '' }));

	return t.services.map((s): Json => {
		const o = organizations.get(s.organization_id ?? '') ?? {};
		const location = locations.get(links.get(s.id ?? '')?.[0]?.location_id ?? '');
		return {
			id: s.id ?? '',
			name: s.name ?? '',
			description: s.description ?? '',
			url: s.url ?? '',
			email: s.email ?? '',
			attributes: attributesOf(s.id ?? ''),
			languages: (languages.get(s.id ?? '') ?? []).map((l) => ({ code: l.code ?? '' })),
			schedules: (schedules.get(s.id ?? '') ?? []).map((x) => ({
				description: x.description ?? '',
				notes: x.notes ?? ''
			})),
			phones: phones(phonesByService.get(s.id ?? '')),
			service_at_locations: location
				? [
						{
							location: {
								latitude: location.latitude ?? '',
								longitude: location.longitude ?? '',
								attributes: valuesOf(location.id ?? ''),
								addresses: (addresses.get(location.id ?? '') ?? []).map((a) => ({
									address_1: a.address_1 ?? '',
									city: a.city ?? ''
								}))
							}
						}
					]
				: [],
			organization: {
				id: o.id ?? '',
				name: o.name ?? '',
				alternate_name: o.alternate_name ?? '',
				description: o.description ?? '',
				email: o.email ?? '',
				website: o.website ?? '',
				phones: phones(phonesByOrganization.get(o.id ?? '')),
				attributes: attributesOf(o.id ?? '')
			}
		};
	});
}
