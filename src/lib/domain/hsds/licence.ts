// The licence under which the directory leaves Nabij (API and exports). Entries imported from
// OpenStreetMap are under ODbL 1.0, and a database holding them is a derived database, so the
// directory as a whole is published under the same licence, with both attributions.

/** The directory's data licence. */
export const DIRECTORY_LICENCE = {
	name: 'Open Data Commons Open Database License 1.0',
	id: 'ODbL-1.0',
	url: 'https://opendatacommons.org/licenses/odbl/1-0/'
} as const;

/** What a reuser must credit (Nabij, and OpenStreetMap for the entries from it). Untranslated. */
export const DIRECTORY_ATTRIBUTION = 'Nabij; © OpenStreetMap contributors';

/** The HSDS schemas' own licence (they are Open Referral's, not ours). */
export const HSDS_SCHEMA_LICENCE = {
	name: 'Creative Commons Attribution-ShareAlike 4.0',
	id: 'CC-BY-SA-4.0',
	url: 'https://creativecommons.org/licenses/by-sa/4.0/',
	attribution: 'Human Services Data Specification 3.0 – Open Referral, CC BY-SA 4.0'
} as const;
