// Reading an uploaded file into import records: our CSV template (any separator, UTF-8 with or
// without BOM), GeoJSON points, HSDS 3.0 JSON (a list of services or of organizations, bare
// or as the API's paged object) or the HSDS tabular package (a zip of CSV files). File-level problems come back as one issue code; row-level
// problems are for validateRecord.
import { isOpeningHours } from '../registration/schedule.ts';
import { detectSeparator, parseDelimited } from './csv.ts';
import { hsdsZipServices } from './hsds-zip.ts';
import { fieldOfHeader, REQUIRED_COLUMNS, type ImportField } from './columns.ts';

/** How precisely a location is published (our locations' `location_precision`). */
export type LocationPrecision = 'exact' | 'street' | 'quartier';

/** How a service's times are given when it has no opening hours (`irregular` when unsaid). */
export type ScheduleKind = 'by_appointment' | 'irregular';

/**
 * One row of a file: its values by field and the row number people see (header = row 1). HSDS
 * files can say more than our template: how precise the location is (a quartier-only location
 * must stay one) and that a service works by appointment.
 */
export type ImportRecord = {
	row: number;
	values: Partial<Record<ImportField, string>>;
	precision?: LocationPrecision;
	scheduleKind?: ScheduleKind;
};

export type ImportFormat = 'csv' | 'geojson' | 'hsds_json' | 'hsds_zip';

/** What can make a whole file unreadable; the page translates each (`import_file_<issue>`). */
export type FileIssue =
	| 'empty'
	| 'too_large'
	| 'encoding'
	| 'invalid_json'
	| 'unknown_format'
	| 'missing_columns'
	| 'no_rows'
	| 'too_many_rows';

export type ReadResult =
	| { ok: true; format: ImportFormat; records: ImportRecord[] }
	| { ok: false; issue: FileIssue; columns?: ImportField[] };

/** Largest file we read (bytes); 5,000 rows of the template take well under 2 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most rows one import takes. */
export const MAX_ROWS = 5000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as text; blank strings count as absent, so `??` falls back past them. */
function text(value: Json | undefined): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function readCsv(content: string): ReadResult {
	const [header, ...rows] = parseDelimited(content, detectSeparator(content));
	if (!header) return { ok: false, issue: 'no_rows' };
	const fields = header.map(fieldOfHeader);
	const missing = REQUIRED_COLUMNS.filter((f) => !fields.includes(f));
	if (missing.length) return { ok: false, issue: 'missing_columns', columns: missing };
	if (rows.length === 0) return { ok: false, issue: 'no_rows' };
	if (rows.length > MAX_ROWS) return { ok: false, issue: 'too_many_rows' };
	const records = rows.map((cells, i) => {
		const values: ImportRecord['values'] = {};
		fields.forEach((field, c) => {
			const cell = cells[c]?.trim();
			if (field && cell && values[field] === undefined) values[field] = cell;
		});
		return { row: i + 2, values };
	});
	return { ok: true, format: 'csv', records };
}

/** Flat properties by our field names (any template header works as a property name). */
function valuesOf(properties: JsonObject): ImportRecord['values'] {
	const values: ImportRecord['values'] = {};
	for (const [key, value] of Object.entries(properties)) {
		const field = fieldOfHeader(key);
		const cell = Array.isArray(value) ? value.map(text).filter(Boolean).join(',') : text(value);
		if (field && cell?.trim() && values[field] === undefined) values[field] = cell.trim();
	}
	return values;
}

function readGeoJson(collection: JsonObject): ReadResult {
	const features = Array.isArray(collection.features) ? collection.features : [];
	if (features.length === 0) return { ok: false, issue: 'no_rows' };
	if (features.length > MAX_ROWS) return { ok: false, issue: 'too_many_rows' };
	const records = features.map((feature, i) => {
		const f = isObject(feature) ? feature : {};
		const values = valuesOf(isObject(f.properties) ? f.properties : {});
		const id = text(f.id);
		if (id && values.external_id === undefined) values.external_id = id;
		const geometry = isObject(f.geometry) ? f.geometry : {};
		const coordinates = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
		if (geometry.type === 'Point') {
			const [lon, lat] = coordinates.map(text);
			if (lon !== undefined) values.lon = lon;
			if (lat !== undefined) values.lat = lat;
		}
		return { row: i + 1, values };
	});
	return { ok: true, format: 'geojson', records };
}

// HSDS carries our taxonomy as attributes whose taxonomy_term names its taxonomy.
function termCodes(attributes: Json | undefined, taxonomy: string): string[] {
	if (!Array.isArray(attributes)) return [];
	return attributes.flatMap((a) => {
		const term = isObject(a) && isObject(a.taxonomy_term) ? a.taxonomy_term : null;
		const code = term ? text(term.code) : undefined;
		const of = term ? (text(term.taxonomy) ?? text(term.taxonomy_id) ?? '') : '';
		return code && (of === taxonomy || of.endsWith(`/${taxonomy}`)) ? [code] : [];
	});
}

function firstPhone(phones: Json | undefined): string | undefined {
	return Array.isArray(phones) && isObject(phones[0]) ? text(phones[0].number) : undefined;
}

// The texts our HSDS export writes as the schedule of a service without opening hours.
const SCHEDULE_KINDS: Record<string, ScheduleKind> = {
	'by appointment': 'by_appointment',
	'irregular times': 'irregular'
};
const PRECISIONS: readonly string[] = ['exact', 'street', 'quartier'];

/** The precision a location's `location_precision` attribute gives, if any. */
function precisionOf(location: JsonObject): LocationPrecision | undefined {
	const attributes = Array.isArray(location.attributes) ? location.attributes : [];
	const value = attributes
		.filter(isObject)
		.find((a) => text(a.link_type) === 'location_precision')?.value;
	const precision = text(value)?.trim().toLowerCase();
	return precision && PRECISIONS.includes(precision) ? (precision as LocationPrecision) : undefined;
}

function hsdsRecord(service: JsonObject, organization: JsonObject, row: number): ImportRecord {
	const record: ImportRecord = { row, values: {} };
	const values = record.values;
	const set = (field: ImportField, value: string | undefined) => {
		if (value?.trim()) values[field] = value.trim();
	};
	set('external_id', text(service.id) ?? text(organization.id));
	set('name', text(organization.name) ?? text(service.name));
	set('alternate_name', text(organization.alternate_name));
	set('description_fr', text(service.description) ?? text(organization.description));
	set('category', termCodes(organization.attributes, 'categories')[0]);
	set('support_kinds', termCodes(service.attributes, 'support_kinds').join(','));
	set('target_groups', termCodes(service.attributes, 'target_groups').join(','));
	const languages = Array.isArray(service.languages) ? service.languages : [];
	set('languages', languages.map((l) => (isObject(l) ? text(l.code) : text(l))).join(','));
	// Our schedules are opening_hours strings; HSDS carries them as a schedule's description or
	// notes. Free-text hours nobody can read are left out rather than refusing the service.
	const schedule = Array.isArray(service.schedules) ? service.schedules[0] : undefined;
	if (isObject(schedule)) {
		const texts = [text(schedule.description), text(schedule.notes)];
		set(
			'schedules',
			texts.find((h) => h && isOpeningHours(h))
		);
		const kind = texts.map((t) => SCHEDULE_KINDS[t?.trim().toLowerCase() ?? '']).find(Boolean);
		if (!values.schedules && kind) record.scheduleKind = kind;
	}
	const sal = Array.isArray(service.service_at_locations) ? service.service_at_locations[0] : null;
	const location = isObject(sal) && isObject(sal.location) ? sal.location : null;
	if (location) {
		set('lon', text(location.longitude));
		set('lat', text(location.latitude));
		record.precision = precisionOf(location);
		const address = Array.isArray(location.addresses) ? location.addresses[0] : null;
		// A quartier-only location has no address to keep, whatever the file says.
		if (isObject(address) && record.precision !== 'quartier')
			set('address', [text(address.address_1), text(address.city)].filter(Boolean).join(', '));
	}
	set('phone', firstPhone(service.phones) ?? firstPhone(organization.phones));
	set('email', text(service.email) ?? text(organization.email));
	set('website', text(service.url) ?? text(organization.website));
	if (record.precision === undefined) delete record.precision;
	return record;
}

function readHsds(list: Json[], format: 'hsds_json' | 'hsds_zip' = 'hsds_json'): ReadResult {
	if (list.length === 0) return { ok: false, issue: 'no_rows' };
	// An organization list nests its services; a service list nests its organization.
	const pairs = list.flatMap((item): [JsonObject, JsonObject][] => {
		if (!isObject(item)) return [[{}, {}]];
		if (Array.isArray(item.services))
			return item.services.map((s): [JsonObject, JsonObject] => [isObject(s) ? s : {}, item]);
		return [[item, isObject(item.organization) ? item.organization : {}]];
	});
	if (pairs.length > MAX_ROWS) return { ok: false, issue: 'too_many_rows' };
	const records = pairs.map(([service, organization], i) =>
		hsdsRecord(service, organization, i + 1)
	);
	return { ok: true, format, records };
}

function readJson(content: string): ReadResult {
	let parsed: Json;
	try {
		parsed = JSON.parse(content) as Json;
	} catch {
		return { ok: false, issue: 'invalid_json' };
	}
	if (isObject(parsed) && parsed.type === 'FeatureCollection') return readGeoJson(parsed);
	if (Array.isArray(parsed)) return readHsds(parsed);
	if (isObject(parsed) && Array.isArray(parsed.contents)) return readHsds(parsed.contents);
	return { ok: false, issue: 'unknown_format' };
}

/**
 * The records of an uploaded file, or the one reason it cannot be read. Only UTF-8 is read
 * (with or without BOM): a Latin-1 or UTF-16 file is refused rather than read as mojibake.
 *
 * @example readImportFile(new TextEncoder().encode('id;nom\n…')) // { ok: false, issue: 'missing_columns', … }
 */
export function readImportFile(bytes: Uint8Array): ReadResult {
	if (bytes.byteLength === 0) return { ok: false, issue: 'empty' };
	if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, issue: 'too_large' };
	// A zip (PK\x03\x04): the HSDS tabular package.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		const services = hsdsZipServices(bytes);
		return services
			? readHsds(services as Json[], 'hsds_zip')
			: { ok: false, issue: 'unknown_format' };
	}
	let content: string;
	try {
		content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, issue: 'encoding' };
	}
	// NUL characters mean a binary or UTF-16 file, which decodes "validly" as UTF-8.
	if (content.includes('\u0000')) return { ok: false, issue: 'encoding' };
	const start = content.replace(/^\ufeff/, '').trimStart();
	if (start === '') return { ok: false, issue: 'empty' };
	return start.startsWith('{') || start.startsWith('[') ? readJson(start) : readCsv(content);
}
