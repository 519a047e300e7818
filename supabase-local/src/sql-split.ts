// Splits a SQL script into its statements, as the Supabase CLI does before recording them in
// supabase_migrations.schema_migrations.statements. Understands quotes, dollar quotes and both
// comment styles; it does not understand `begin atomic … end` function bodies.

/** Splits `script` on top-level semicolons; returns trimmed, non-empty statements. */
export function splitStatements(script: string): string[] {
	const statements: string[] = [];
	let start = 0;
	let i = 0;
	const n = script.length;
	const push = (end: number) => {
		const text = script.slice(start, end).trim();
		if (text && !isOnlyComments(text)) statements.push(text);
	};
	while (i < n) {
		const c = script[i];
		const next = script[i + 1];
		if (c === '-' && next === '-') {
			const eol = script.indexOf('\n', i);
			i = eol === -1 ? n : eol + 1;
		} else if (c === '/' && next === '*') {
			let depth = 1;
			i += 2;
			while (i < n && depth > 0) {
				if (script[i] === '/' && script[i + 1] === '*') {
					depth++;
					i += 2;
				} else if (script[i] === '*' && script[i + 1] === '/') {
					depth--;
					i += 2;
				} else i++;
			}
		} else if (c === "'") {
			const escapes = i > 0 && /[eE]/.test(script[i - 1] ?? '') && !/\w/.test(script[i - 2] ?? '');
			i++;
			while (i < n) {
				if (escapes && script[i] === '\\') i += 2;
				else if (script[i] === "'" && script[i + 1] === "'") i += 2;
				else if (script[i] === "'") break;
				else i++;
			}
			i++;
		} else if (c === '"') {
			i++;
			while (i < n) {
				if (script[i] === '"' && script[i + 1] === '"') i += 2;
				else if (script[i] === '"') break;
				else i++;
			}
			i++;
		} else if (c === '$' && !/[\w$]/.test(script[i - 1] ?? '')) {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i));
			if (tag) {
				const close = script.indexOf(tag[0], i + tag[0].length);
				i = close === -1 ? n : close + tag[0].length;
			} else i++;
		} else if (c === ';') {
			push(i);
			i++;
			start = i;
		} else i++;
	}
	push(n);
	return statements;
}

function isOnlyComments(text: string): boolean {
	return (
		text
			.replace(/--[^\n]*/g, '')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.trim() === ''
	);
}
