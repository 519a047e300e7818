// One import record checked against what the database accepts, turned into the entry
// import_entry() writes. Every problem of a row is reported at once, as a field and a code the
// page translates (`import_issue_<code>`), never as a database error.
import { z } from 'zod';
import type { LonLat } from '../geo/quartier.ts';
import { normalisePhone } from '../phone.ts';
import { channelValueIssue } from '../registration/contact.ts';
import { isOpeningHours } from '../registration/schedule.ts';
import { textIssue } from '../registration/text.ts';
import type { ImportField } from './columns.ts';
import type { ImportRecord } from './read.ts';

/** What import_entry() takes for one row (see the imports migration). */
export const importEntrySchema = z.object({
	external_id: z.string().min(1).max(200),
	organization: z.object({
		name: z.string(),
		alternate_name: z.string().nullable(),
		category: z.string(),
		description_fr: z.string().nullable(),
		description_nl: z.string().nullable(),
		description_en: z.string().nullable()
	}),
	service: z.object({
		support_kinds: z.array(z.string()).min(1).max(20),
		target_groups: z.array(z.string()).max(20),
		languages: z.array(z.string()).min(1).max(30),
		schedules: z.string().nullable(),
		schedule_kind: z.enum(['hours', 'by_appointment', 'irregular'])
	}),
	location: z.object({
		lon: z.number(),
		lat: z.number(),
		mdrc: z.number().int(),
		address: z.string().nullable(),
		location_precision: z.enum(['exact', 'street', 'quartier'])
	}),
	channels: z.array(z.object({ kind: z.enum(['phone', 'email', 'website']), value: z.string() }))
});

export type ImportEntry = z.infer<typeof importEntrySchema>;

export type RowIssueCode =
	| 'required'
	| 'too_short'
	| 'too_long'
	| 'markup'
	| 'control_characters'
	| 'unknown_code'
	| 'invalid_language'
	| 'invalid_number'
	| 'outside_brussels'
	| 'invalid_phone'
	| 'invalid_email'
	| 'invalid_url'
	| 'invalid_schedule'
	| 'description_required'
	| 'duplicate_id';

export type RowIssue = { field: ImportField; code: RowIssueCode; value?: string };

/** The taxonomy codes and the quartier lookup a row is checked against. */
export type ValidationContext = {
	categories: ReadonlySet<string>;
	supportKinds: ReadonlySet<string>;
	targetGroups: ReadonlySet<string>;
	/** The quartier (mdrc) a point lies in, or null outside the 145. */
	quartierAt: (point: LonLat) => number | null;
};

// The locations table's bounds (a box around the region); quartierAt decides the rest.
const LON = [4.24, 4.49] as const;
const LAT = [50.76, 50.92] as const;
const LANGUAGE = /^[a-z]{2,3}$/;

function list(value: string | undefined): string[] {
	return [
		...new Set(
			(value ?? '')
				.split(/[,|]/)
				.map((v) => v.trim())
				.filter(Boolean)
		)
	];
}

function coordinate(value: string | undefined): number | null {
	if (value === undefined || !/^-?\d+([.,]\d+)?$/.test(value)) return null;
	return Number(value.replace(',', '.'));
}

/**
 * The entry a record becomes, or every issue that keeps it out. Texts are NFC-normalised and
 * trimmed; codes are compared lower-case; a phone number is stored in E.164.
 *
 * @example validateRecord({ row: 2, values: { name: 'Buurthuis', … } }, context)
 */
export function validateRecord(
	record: ImportRecord,
	context: ValidationContext
): { entry: ImportEntry; issues: [] } | { entry: null; issues: RowIssue[] } {
	const issues: RowIssue[] = [];
	const v = (field: ImportField) => record.values[field]?.normalize('NFC').trim() || undefined;
	const textField = (field: ImportField, min: number, max: number, required = false) => {
		const value = v(field);
		if (value === undefined) {
			if (required) issues.push({ field, code: 'required' });
			return null;
		}
		const issue = textIssue(value, min, max);
		if (issue) issues.push({ field, code: issue as RowIssueCode });
		return value;
	};
	const codes = (field: ImportField, known: ReadonlySet<string>, required: boolean) => {
		const values = list(v(field)?.toLowerCase());
		if (required && values.length === 0) issues.push({ field, code: 'required' });
		for (const code of values)
			if (!known.has(code)) issues.push({ field, code: 'unknown_code', value: code.slice(0, 60) });
		return values;
	};

	const externalId = textField('external_id', 1, 200, true);
	const name = textField('name', 2, 200, true);
	const alternateName = textField('alternate_name', 1, 200);
	const descriptions = {
		description_fr: textField('description_fr', 1, 2000),
		description_nl: textField('description_nl', 1, 2000),
		description_en: textField('description_en', 1, 2000)
	};
	if (!descriptions.description_fr && !descriptions.description_nl && !descriptions.description_en)
		issues.push({ field: 'description_fr', code: 'description_required' });
	const category = v('category')?.toLowerCase();
	if (!category) issues.push({ field: 'category', code: 'required' });
	else if (!context.categories.has(category))
		issues.push({ field: 'category', code: 'unknown_code', value: category.slice(0, 60) });
	const supportKinds = codes('support_kinds', context.supportKinds, true);
	const targetGroups = codes('target_groups', context.targetGroups, false);
	const languages = list(v('languages')?.toLowerCase());
	if (languages.length === 0) issues.push({ field: 'languages', code: 'required' });
	for (const code of languages)
		if (!LANGUAGE.test(code))
			issues.push({ field: 'languages', code: 'invalid_language', value: code.slice(0, 60) });
	if (supportKinds.length > 20) issues.push({ field: 'support_kinds', code: 'too_long' });
	if (targetGroups.length > 20) issues.push({ field: 'target_groups', code: 'too_long' });
	if (languages.length > 30) issues.push({ field: 'languages', code: 'too_long' });

	const schedules = textField('schedules', 1, 500);
	if (schedules && !isOpeningHours(schedules))
		issues.push({ field: 'schedules', code: 'invalid_schedule' });
	const precision = record.precision ?? 'exact';
	// A quartier-only location publishes no address; one in the file is not kept.
	const address = precision === 'quartier' ? null : textField('address', 1, 300);

	const lon = coordinate(v('lon'));
	const lat = coordinate(v('lat'));
	let mdrc: number | null = null;
	if (lon === null) issues.push({ field: 'lon', code: v('lon') ? 'invalid_number' : 'required' });
	if (lat === null) issues.push({ field: 'lat', code: v('lat') ? 'invalid_number' : 'required' });
	if (lon !== null && lat !== null) {
		const inBox = lon >= LON[0] && lon <= LON[1] && lat >= LAT[0] && lat <= LAT[1];
		mdrc = inBox ? context.quartierAt([lon, lat]) : null;
		if (mdrc === null) issues.push({ field: 'lon', code: 'outside_brussels' });
	}

	const channels: ImportEntry['channels'] = [];
	for (const kind of ['phone', 'email', 'website'] as const) {
		const value = v(kind);
		if (value === undefined) continue;
		const issue = channelValueIssue(kind, value);
		if (issue) issues.push({ field: kind, code: issue as RowIssueCode });
		else channels.push({ kind, value: kind === 'phone' ? normalisePhone(value)! : value });
	}

	if (issues.length) return { entry: null, issues };
	return {
		entry: {
			external_id: externalId!,
			organization: {
				name: name!,
				alternate_name: alternateName,
				category: category!,
				...descriptions
			},
			service: {
				support_kinds: supportKinds,
				target_groups: targetGroups,
				languages,
				schedules,
				schedule_kind: schedules ? 'hours' : (record.scheduleKind ?? 'irregular')
			},
			location: { lon: lon!, lat: lat!, mdrc: mdrc!, address, location_precision: precision },
			channels
		},
		issues: []
	};
}
