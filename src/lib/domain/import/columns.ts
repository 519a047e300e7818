// The columns of our import template, with the header each language writes. Any of the
// headers is accepted whatever the reader's language, compared without case, accents or spaces.
import type { Locale } from '#lib/i18n/locales.ts';

/** The fields an import record may carry, in template order. */
export const IMPORT_FIELDS = [
	'external_id',
	'name',
	'alternate_name',
	'category',
	'description_fr',
	'description_nl',
	'description_en',
	'support_kinds',
	'target_groups',
	'languages',
	'schedules',
	'address',
	'lon',
	'lat',
	'phone',
	'email',
	'website'
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these columns a file cannot be imported at all. */
export const REQUIRED_COLUMNS: ImportField[] = [
	'external_id',
	'name',
	'category',
	'support_kinds',
	'languages',
	'lon',
	'lat'
];

/** The template's header per language; the first of each is what the template writes. */
export const TEMPLATE_HEADERS: Record<ImportField, Record<Locale, string>> = {
	external_id: { fr: 'identifiant', nl: 'id', en: 'external_id' },
	name: { fr: 'nom', nl: 'naam', en: 'name' },
	alternate_name: { fr: 'autre_nom', nl: 'andere_naam', en: 'alternate_name' },
	category: { fr: 'categorie', nl: 'categorie', en: 'category' },
	description_fr: { fr: 'description_fr', nl: 'beschrijving_fr', en: 'description_fr' },
	description_nl: { fr: 'description_nl', nl: 'beschrijving_nl', en: 'description_nl' },
	description_en: { fr: 'description_en', nl: 'beschrijving_en', en: 'description_en' },
	support_kinds: { fr: 'types_aide', nl: 'soorten_steun', en: 'support_kinds' },
	target_groups: { fr: 'publics', nl: 'doelgroepen', en: 'target_groups' },
	languages: { fr: 'langues', nl: 'talen', en: 'languages' },
	schedules: { fr: 'horaires', nl: 'openingsuren', en: 'opening_hours' },
	address: { fr: 'adresse', nl: 'adres', en: 'address' },
	lon: { fr: 'longitude', nl: 'lengtegraad', en: 'longitude' },
	lat: { fr: 'latitude', nl: 'breedtegraad', en: 'latitude' },
	phone: { fr: 'telephone', nl: 'telefoon', en: 'phone' },
	email: { fr: 'courriel', nl: 'e-mail', en: 'email' },
	website: { fr: 'site_web', nl: 'website', en: 'website' }
};

// Other spellings people use for the same columns.
const EXTRA_HEADERS: Partial<Record<ImportField, string[]>> = {
	external_id: ['identifier', 'id_externe', 'extern_id'],
	lon: ['lon', 'lng'],
	lat: ['lat'],
	schedules: ['schedules', 'horaire'],
	email: ['e_mail', 'mail'],
	phone: ['tel']
};

/** A header compared without case, accents, spaces or hyphens: `Téléphone ` → `telephone`. */
export function headerKey(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.trim()
		.replace(/[\s-]+/g, '_');
}

const BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
	for (const header of [...Object.values(TEMPLATE_HEADERS[field]), ...(EXTRA_HEADERS[field] ?? [])])
		BY_HEADER.set(headerKey(header), field);
}

/** The field a header names, or null for a column we do not read. */
export function fieldOfHeader(header: string): ImportField | null {
	return BY_HEADER.get(headerKey(header)) ?? null;
}

/** The template's header row in one language. */
export function templateHeaders(locale: Locale): string[] {
	return IMPORT_FIELDS.map((field) => TEMPLATE_HEADERS[field][locale]);
}
