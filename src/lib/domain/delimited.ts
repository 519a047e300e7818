// Delimited text as spreadsheets and data files write it: quoted fields with doubled quotes, CRLF
// or LF line ends, an optional UTF-8 byte order mark. One reader for the data files in data/, the
// exports read back and import files.

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
