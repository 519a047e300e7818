// CSV for spreadsheets set to a Belgian locale (fr-BE, nl-BE): Excel there splits on `;`,
// reads `3,5` as a number and needs a byte order mark to take the file as UTF-8. The rest is
// RFC 4180: CRLF line ends, fields quoted when they hold the separator, a quote or a line break.
import { parseDelimited } from '../delimited.ts';

/** A value of one cell; null and undefined are written as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** The field separator Excel uses for fr-BE and nl-BE. */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

// A spreadsheet runs text starting with these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as written in the file: numbers with a decimal comma, text that a spreadsheet would
 * run as a formula prefixed with `'`, quoted when it holds `;`, `"` or a line break.
 *
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField(4.3525) // '4,3525'
 * @example csvField('a; "b"') // '"a; ""b"""'
 */
export function csvField(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number')
		return Number.isFinite(value) ? String(value).replace('.', ',') : '';
	if (typeof value === 'boolean') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV file: byte order mark, header row, one line per row, CRLF after every line.
 * No comment lines: what the columns mean goes in a companion file.
 *
 * @example toCsv(['name', 'lat'], [['Buurtpensioen', 50.85]]) // '\uFEFFname;lat\r\nBuurtpensioen;50,85\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
	return `${BOM}${lines.join(CRLF)}${CRLF}`;
}

/**
 * Reads a file written by {@link toCsv} back into records of fields (the byte order mark is
 * skipped, quotes undone; the `'` before formulas is kept, as a spreadsheet shows it).
 *
 * @example parseCsv('\uFEFFa;"b;c"\r\n1;2\r\n') // [['a', 'b;c'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
	return parseDelimited(text, CSV_SEPARATOR);
}
