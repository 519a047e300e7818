// OpenStreetMap care points (data/brussels/osm_care_points.geojson) as import records. The
// mapping from OSM kinds to our categories, support kinds and target groups is the reviewable
// table data/osm-mapping.csv. The extract carries no OSM element ids, so a point's external id
// is its kind and its name (names are unique in the extract); a renamed place comes in as new.
import { isOpeningHours } from '../registration/schedule.ts';
import { parseDelimited } from './csv.ts';
import type { ImportRecord } from './read.ts';

/** How the seed cites the source on every imported entry. */
export const OSM_SOURCE = {
	name: 'OpenStreetMap',
	url: 'https://www.openstreetmap.org/copyright',
	licence: 'ODbL-1.0',
	attribution: '© OpenStreetMap contributors',
	// The state of the extract (data/brussels/README.md, section 11).
	retrieved_on: '2026-05-16'
} as const;

export type OsmMappingRow = {
	osm_kind: string;
	osm_subtype: string;
	osm_for: string;
	category: string;
	support_kinds: string;
	target_groups: string;
	description_fr: string;
	description_nl: string;
	description_en: string;
};

/** The rows of data/osm-mapping.csv. */
export function parseOsmMapping(csv: string): OsmMappingRow[] {
	const [header = [], ...rows] = parseDelimited(csv, ';');
	return rows.map(
		(cells) =>
			Object.fromEntries(header.map((h, i) => [h, cells[i]?.trim() ?? ''])) as OsmMappingRow
	);
}

type OsmProperties = Record<string, string | number | null | undefined>;
type OsmFeature = { properties: OsmProperties; geometry: { coordinates: number[] } };

function str(value: string | number | null | undefined): string | undefined {
	return value === null || value === undefined || value === '' ? undefined : String(value);
}

/**
 * The mapping row for an OSM point: the most specific one whose kind matches and whose subtype
 * (`community_centre` / `social_facility` tag) and target (`community_centre:for`, first value)
 * match or are empty; a target beats a subtype.
 */
export function mappingFor(
	mapping: OsmMappingRow[],
	properties: OsmProperties
): OsmMappingRow | null {
	const kind = str(properties.kind);
	const subtype = str(properties.community_centre) ?? str(properties.social_facility) ?? '';
	const target = (str(properties['community_centre:for']) ?? '').split(';')[0] ?? '';
	const score = (m: OsmMappingRow) =>
		(m.osm_for ? (m.osm_for === target ? 2 : -10) : 0) +
		(m.osm_subtype ? (m.osm_subtype === subtype ? 1 : -10) : 0);
	const candidates = mapping.filter((m) => m.osm_kind === kind && score(m) >= 0);
	return candidates.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/**
 * The import records of the OSM extract's features, in file order. Languages are not tagged in
 * OSM: every point gets French and Dutch, the region's official languages, until confirmed.
 */
export function osmRecords(features: OsmFeature[], mapping: OsmMappingRow[]): ImportRecord[] {
	return features.map((feature, i) => {
		const p = feature.properties;
		const m = mappingFor(mapping, p);
		const street = [str(p['addr:street']), str(p['addr:housenumber'])].filter(Boolean).join(' ');
		const values: ImportRecord['values'] = {
			external_id: `${str(p.kind) ?? 'unknown'}/${str(p.name) ?? i}`,
			name: str(p.name),
			alternate_name: str(p['name:fr']) ?? str(p['name:nl']),
			category: m?.category,
			description_fr: m?.description_fr,
			description_nl: m?.description_nl,
			description_en: m?.description_en,
			support_kinds: m?.support_kinds,
			target_groups: m?.target_groups,
			languages: 'fr,nl',
			// OSM's free-form hours the finder cannot read are left out rather than losing the place.
			schedules: [str(p.opening_hours)].find((h) => h !== undefined && isOpeningHours(h)),
			address: street || undefined,
			lon: str(feature.geometry.coordinates[0]),
			lat: str(feature.geometry.coordinates[1]),
			phone: str(p.phone)?.split(';')[0],
			email: str(p.email)?.split(';')[0],
			website: str(p.website)?.split(';')[0]
		};
		for (const key of Object.keys(values) as (keyof typeof values)[])
			if (values[key] === undefined) delete values[key];
		return { row: i + 1, values };
	});
}
