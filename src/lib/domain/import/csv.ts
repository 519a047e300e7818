// Delimited text as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF line
// ends, an optional UTF-8 byte order mark. Our template uses `;`, as Excel does in fr-BE and nl-BE.

/**
 * The rows of a delimited text, each a list of fields; blank lines are skipped. A byte order mark
 * at the start is ignored.
 *
 * @example parseDelimited('a;"b;c"\r\n1;2') // [['a', 'b;c'], ['1', '2']]
 */
export function parseDelimited(text: string, separator = ';'): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const endRow = () => {
		row.push(field);
		if (row.length > 1 || row[0] !== '') rows.push(row);
		row = [];
		field = '';
	};
	for (; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === separator) {
			row.push(field);
			field = '';
		} else if (char === '\n') endRow();
		else if (char === '\r') {
			if (text[i + 1] === '\n') i++;
			endRow();
		} else field += char;
	}
	if (field !== '' || row.length > 0) endRow();
	return rows;
}

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
