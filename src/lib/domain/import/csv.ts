// Delimited text as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF line
// ends, an optional UTF-8 byte order mark. Our template uses `;`, as Excel does in fr-BE and nl-BE.

export { parseDelimited } from '../delimited.ts';

/** The separator a header line uses: `;` unless the line has more commas (or tabs). */
export function detectSeparator(text: string): string {
	const line = text.slice(0, text.search(/\r?\n|$/));
	const count = (c: string) => line.split(c).length - 1;
	const candidates = [';', ',', '\t'].sort((a, b) => count(b) - count(a));
	return count(candidates[0]!) > 0 ? candidates[0]! : ';';
}

/** One field, quoted when it holds the separator, a quote or a line break. */
function quote(value: string, separator: string): string {
	return value.includes(separator) || /["\r\n]/.test(value)
		? `"${value.replaceAll('"', '""')}"`
		: value;
}

/**
 * Rows as delimited text with CRLF line ends and a UTF-8 byte order mark, so Excel in fr-BE or
 * nl-BE opens it in columns with accents intact.
 */
export function toDelimited(rows: string[][], separator = ';'): string {
	return (
		'\ufeff' +
		rows.map((r) => r.map((v) => quote(v, separator)).join(separator)).join('\r\n') +
		'\r\n'
	);
}
