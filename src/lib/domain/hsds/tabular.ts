// The directory as an HSDS tabular data package: one CSV per HSDS table we fill (RFC 4180,
// UTF-8, comma-separated, the datapackage's field names as header, in its order) and the
// `datapackage.json` describing them, from the fully nested HSDS objects the API gives.
import { DIRECTORY_ATTRIBUTION, DIRECTORY_LICENCE, HSDS_SCHEMA_LICENCE } from './licence.ts';
import type { HsdsObject } from './types.ts';

/** The part of HSDS's datapackage.json the export reads and writes. */
export type DataPackage = {
	resources: {
		name: string;
		path: string;
		schema: { fields: { name: string }[] };
		[key: string]: unknown;
	}[];
	[key: string]: unknown;
};

/** What the package is built from: every published organization and service, fully nested. */
export type TabularInput = {
	organizations: HsdsObject[];
	services: HsdsObject[];
	taxonomies: HsdsObject[];
	terms: HsdsObject[];
	/** ISO date-time of the export. */
	created: string;
};

const list = (value: unknown): HsdsObject[] =>
	Array.isArray(value) ? (value as HsdsObject[]) : [];

/** The rows of each HSDS table, keyed by the datapackage's resource name; ids appear once. */
export function tabularRows(input: TabularInput): Map<string, HsdsObject[]> {
	const tables = new Map<string, Map<string, HsdsObject>>();
	const add = (table: string, rows: HsdsObject[]) => {
		const rowsById = tables.get(table) ?? new Map<string, HsdsObject>();
		// An organization's phone is also in each of its services' phones, under the same id: one
		// row keeps every link, so a reader finds it from the organization and from a service.
		for (const row of rows)
			rowsById.set(String(row.id), { ...rowsById.get(String(row.id)), ...row });
		tables.set(table, rowsById);
	};
	for (const org of input.organizations) {
		add('organization', [org]);
		add('phone', list(org.phones));
		add('contact', list(org.contacts));
		add('attribute', list(org.attributes));
		for (const location of list(org.locations)) {
			add('location', [location]);
			add('address', list(location.addresses));
			add('attribute', list(location.attributes));
		}
	}
	for (const service of input.services) {
		add('service', [service]);
		add('phone', list(service.phones));
		add('contact', list(service.contacts));
		add('schedule', list(service.schedules));
		add('language', list(service.languages));
		add('cost_option', list(service.cost_options));
		add('attribute', list(service.attributes));
		add('service_at_location', list(service.service_at_locations));
	}
	add('taxonomy', input.taxonomies);
	for (const term of input.terms) {
		add('taxonomy_term', [term]);
		add('metadata', list(term.metadata));
	}
	return new Map([...tables].map(([name, rows]) => [name, [...rows.values()]]));
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV with these columns (CRLF line ends, as RFC 4180 has them). */
export function toCsv(columns: string[], rows: HsdsObject[]): string {
	const lines = [
		columns.join(','),
		...rows.map((row) => columns.map((c) => field(row[c])).join(','))
	];
	return `${lines.join('\r\n')}\r\n`;
}

/**
 * The package's files: `datapackage.json` (HSDS's descriptor narrowed to the tables we fill,
 * with our name, licence and sources) and one CSV per table, sorted by id.
 */
export function toTabularPackage(input: TabularInput, hsds: DataPackage): Record<string, string> {
	const rows = tabularRows(input);
	const files: Record<string, string> = {};
	const resources = hsds.resources.filter((r) => (rows.get(r.name)?.length ?? 0) > 0);
	for (const resource of resources) {
		const tableRows = [...(rows.get(resource.name) ?? [])].sort((a, b) =>
			String(a.id) < String(b.id) ? -1 : 1
		);
		files[resource.path] = toCsv(
			resource.schema.fields.map((f) => f.name),
			tableRows
		);
	}
	const descriptor = {
		...hsds,
		name: 'nabij_directory',
		title: 'Nabij: care and self-organisations in the quartiers of Brussels (HSDS 3.0)',
		description: `The published entries of Nabij as Open Referral HSDS 3.0 tables. ${DIRECTORY_ATTRIBUTION}.`,
		created: input.created,
		licenses: [
			{ name: DIRECTORY_LICENCE.id, path: DIRECTORY_LICENCE.url, title: DIRECTORY_LICENCE.name }
		],
		sources: [{ title: HSDS_SCHEMA_LICENCE.attribution, path: 'https://openreferral.org' }],
		resources
	};
	delete (descriptor as { license?: unknown }).license;
	return { 'datapackage.json': `${JSON.stringify(descriptor, null, '\t')}\n`, ...files };
}
