// RFC 4180 CSV reading for the data files in data/ (street index, indicators, taxonomy): quoted
// fields, doubled quotes, CRLF or LF.

import { parseDelimited } from '../delimited.ts';
import type { StreetRow } from './types.ts';

/**
 * Splits CSV text into records of fields (RFC 4180: fields may be quoted; `""` inside quotes is a
 * quote; quoted fields may contain commas and line breaks). Blank lines are skipped.
 *
 * @example parseCsv('a,"b ""c""",d\r\n1,2,3') // [['a', 'b "c"', 'd'], ['1', '2', '3']]
 */
export function parseCsv(text: string): string[][] {
	return parseDelimited(text, ',');
}

const NUMBER_COLUMNS = [
	'lon',
	'lat',
	'length_m',
	'min_lon',
	'min_lat',
	'max_lon',
	'max_lat'
] as const;
const TEXT_COLUMNS = ['name_osm', 'name_fr', 'name_nl', 'nis', 'commune_fr', 'commune_nl'] as const;

/**
 * Records of a CSV with a header row, as objects keyed by the header's names; blank lines are
 * skipped and missing trailing fields read as ''.
 *
 * @example parseCsvRecords('code,label\nfr,French') // [{ code: 'fr', label: 'French' }]
 */
export function parseCsvRecords(text: string): Record<string, string>[] {
	const [header, ...body] = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
	if (!header) return [];
	return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

/**
 * Reads `rues_osm_index.csv` into typed rows. Throws on a missing column or a non-numeric
 * coordinate: the file is project data, and a broken copy should fail loudly.
 *
 * @example parseStreetCsv(text)[0]
 * // { name_osm: "'t Hof te Overbeke", nis: '21003', lon: 4.286423, … }
 */
export function parseStreetCsv(text: string): StreetRow[] {
	const [header, ...records] = parseCsv(text);
	if (!header) return [];
	const column = (name: string) => {
		const index = header.indexOf(name);
		if (index < 0) throw new Error(`street index: missing column ${name}`);
		return index;
	};
	const textIndex = TEXT_COLUMNS.map(column);
	const numberIndex = NUMBER_COLUMNS.map(column);
	return records
		.filter((record) => record.length > 1 || record[0] !== '')
		.map((record, line) => {
			const row: Record<string, string | number> = {};
			TEXT_COLUMNS.forEach((name, k) => (row[name] = record[textIndex[k] ?? -1] ?? ''));
			NUMBER_COLUMNS.forEach((name, k) => {
				const value = Number(record[numberIndex[k] ?? -1]);
				if (!Number.isFinite(value) || record[numberIndex[k] ?? -1] === '') {
					throw new Error(`street index: line ${line + 2}: ${name} is not a number`);
				}
				row[name] = value;
			});
			return row as unknown as StreetRow;
		});
}
