// The directory as export files: one flat record per entry (service at a location) for the CSV,
// and a GeoJSON point per entry. Quartier-only entries keep only their quartier's point.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { contactText, publicContacts, type Contact } from '../finder/entry.ts';
import type { ResourceRow } from '../search/types.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** A published entry as the export reads it from `resource_index`. */
export type DirectoryEntry = Omit<ResourceRow, 'organization_id' | 'vouched_by_name'> & {
	cost: 'free' | 'contribution' | 'paid';
	cost_note: string | null;
	eligibility_description: string | null;
	accessibility: string | null;
	address: string | null;
	quartier_name_fr: string;
	quartier_name_nl: string;
	nis: string;
	contacts: Contact[];
	updated_at: string | null;
};

/** The export's columns, in file order; headers and definitions are translated by the caller. */
export const DIRECTORY_COLUMNS = [
	'id',
	'organization',
	'service',
	'category',
	'support_kinds',
	'target_groups',
	'languages',
	'description_fr',
	'description_nl',
	'description_en',
	'address',
	'location_precision',
	'lon',
	'lat',
	'quartier_mdrc',
	'quartier_name_fr',
	'quartier_name_nl',
	'commune_nis',
	'opening_hours',
	'schedule_kind',
	'accepting_new',
	'cost',
	'cost_note',
	'eligibility',
	'accessibility',
	'phone',
	'email',
	'website',
	'other_contacts',
	'trust_tier',
	'status',
	'last_confirmed',
	'updated_at',
	'url'
] as const;

/** One column id of the export. */
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** Labels for taxonomy codes (category, support kind, target group); the code when unknown. */
export type Labeller = (kind: 'category' | 'support' | 'target', code: string) => string;

// Several values in one cell: a separator that is neither `;` nor `,` (addresses hold commas).
const LIST_SEPARATOR = ' | ';

function contactsOf(entry: DirectoryEntry, kinds: Contact['kind'][]): string[] {
	return (
		publicContacts(entry.contacts)
			.filter((c) => kinds.includes(c.kind))
			// Phone numbers as people dial them in Belgium (`02 …`), which no spreadsheet takes for a formula.
			.map((c) =>
				c.kind === 'whatsapp' || c.kind === 'relay'
					? `${c.kind}: ${contactText(c)}`
					: contactText(c)
			)
	);
}

/**
 * One entry as a flat record keyed by column id. Only public contact channels; taxonomy codes
 * through `label` (codes as they are without one); `url` is the entry's page on Nabij.
 *
 * @example directoryRecord(entry, { url: 'https://nabij.brussels/fr/resources/…' }).quartier_mdrc // 42
 */
export function directoryRecord(
	entry: DirectoryEntry,
	{ url, label = (_kind, code) => code }: { url: string; label?: Labeller }
): Record<DirectoryColumn, CsvCell> {
	const quartierOnly = entry.location_precision === 'quartier';
	return {
		id: entry.id,
		organization: entry.organization_name,
		service: entry.service_name,
		category: label('category', entry.category),
		support_kinds: entry.support_kinds.map((c) => label('support', c)).join(LIST_SEPARATOR),
		target_groups: entry.target_groups.map((c) => label('target', c)).join(LIST_SEPARATOR),
		languages: entry.languages.join(LIST_SEPARATOR),
		description_fr: entry.description_fr,
		description_nl: entry.description_nl,
		description_en: entry.description_en,
		// The view holds no address for these; the guard keeps it so if that ever changes.
		address: quartierOnly ? null : entry.address,
		location_precision: entry.location_precision,
		lon: entry.lon,
		lat: entry.lat,
		quartier_mdrc: entry.mdrc,
		quartier_name_fr: entry.quartier_name_fr,
		quartier_name_nl: entry.quartier_name_nl,
		commune_nis: entry.nis,
		opening_hours: entry.schedule_kind === 'hours' ? entry.schedules : null,
		schedule_kind: entry.schedule_kind,
		accepting_new: entry.accepting_new,
		cost: entry.cost,
		cost_note: entry.cost_note,
		eligibility: entry.eligibility_description,
		accessibility: entry.accessibility,
		phone: contactsOf(entry, ['phone']).join(LIST_SEPARATOR),
		email: contactsOf(entry, ['email']).join(LIST_SEPARATOR),
		website: contactsOf(entry, ['website']).join(LIST_SEPARATOR),
		other_contacts: contactsOf(entry, ['whatsapp', 'relay']).join(LIST_SEPARATOR),
		trust_tier: entry.trust_tier,
		status: entry.status,
		last_confirmed: entry.assured_date,
		updated_at: entry.updated_at,
		url
	};
}

/**
 * The CSV file of the entries (see `csv.ts` for the format), with a header row in the reader's
 * language.
 *
 * @example directoryCsv(entries, { headers, url: (id) => `${origin}/nl/resources/${id}`, label })
 */
export function directoryCsv(
	entries: readonly DirectoryEntry[],
	options: {
		headers: Record<DirectoryColumn, string>;
		url: (id: string) => string;
		label?: Labeller;
	}
): string {
	const rows = entries.map((entry) => {
		const record = directoryRecord(entry, { url: options.url(entry.id), label: options.label });
		return DIRECTORY_COLUMNS.map((column) => record[column]);
	});
	return toCsv(
		DIRECTORY_COLUMNS.map((column) => options.headers[column]),
		rows
	);
}

/** The GeoJSON export: points with the record's columns (codes, not labels) and a metadata member. */
export interface DirectoryGeoJson extends FeatureCollection<
	Point,
	Record<DirectoryColumn, CsvCell>
> {
	metadata: Record<string, unknown>;
}

/**
 * A FeatureCollection of one point per entry (`[lon, lat]`; a quartier-only entry's point is
 * its quartier's, never its own), properties keyed by column id with taxonomy codes, and a
 * top-level `metadata` member (licence, sources, date, query) given by the caller.
 *
 * @example directoryGeoJson(entries, { url: (id) => `…/resources/${id}`, metadata: { licence } })
 */
export function directoryGeoJson(
	entries: readonly DirectoryEntry[],
	options: { url: (id: string) => string; metadata: Record<string, unknown> }
): DirectoryGeoJson {
	return {
		type: 'FeatureCollection',
		metadata: options.metadata,
		features: entries.map((entry): Feature<Point, Record<DirectoryColumn, CsvCell>> => ({
			type: 'Feature',
			id: entry.id,
			geometry: { type: 'Point', coordinates: [entry.lon, entry.lat] },
			properties: directoryRecord(entry, { url: options.url(entry.id) })
		}))
	};
}
