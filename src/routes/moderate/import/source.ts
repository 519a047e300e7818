// The upload form's source fields, parsed with the data module's schema.
import { importSourceSchema, type ImportSource } from '#lib/server/db/imports.ts';

export const SOURCE_FIELDS = [
	'source_name',
	'source_url',
	'licence',
	'attribution',
	'retrieved_on'
] as const;

export type SourceValues = Record<(typeof SOURCE_FIELDS)[number], string>;

/** The form's source values as typed (kept on errors), every field a string. */
export function sourceValues(form: FormData): SourceValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 500) : '';
	};
	return Object.fromEntries(SOURCE_FIELDS.map((f) => [f, text(f)])) as SourceValues;
}

/** The source an import records, or null when a field is missing or malformed. */
export function parseSource(values: SourceValues): ImportSource | null {
	const parsed = importSourceSchema.safeParse({
		name: values.source_name,
		url: values.source_url.trim() || null,
		licence: values.licence,
		attribution: values.attribution.trim() || null,
		retrieved_on: values.retrieved_on
	});
	return parsed.success ? parsed.data : null;
}
