// The subset of Go's html/template that Supabase Auth e-mail templates use, so the local
// gateway renders the same files as a Supabase project: `{{ .Field }}`, `{{ .Data.key }}`,
// `{{ if … }}` / `{{ else if … }}` / `{{ else }}` / `{{ end }}` with `eq`, `ne`, `not`, `and`,
// `or` over fields and string literals, `{{/* comments */}}` and the `{{-` / `-}}` trim markers.
// Nothing else is accepted (no range, with, define, pipelines, variables or other functions):
// a template outside the subset fails when it is compiled, which the gateway does at start-up,
// never when a mail is sent.
//
// Values are escaped as html/template escapes them for where they stand: HTML text and quoted
// attribute values are HTML-escaped; in URL attributes (href, src, …) a value at the start is
// checked for a safe scheme and normalised, a value in the query or fragment is percent-encoded.
// Values inside tags, unquoted attributes, scripts, styles or comments are refused at compile
// time. As html/template does, HTML comments in the template's text are dropped.

/** A template that cannot be compiled or rendered, with the template name and line. */
export class TemplateError extends Error {
	constructor(name: string, line: number, message: string) {
		super(`template ${name}:${line}: ${message}`);
		this.name = 'TemplateError';
	}
}

type Arg = { kind: 'field'; path: string[] } | { kind: 'string'; value: string };
type Expr = Arg | { kind: 'call'; fn: 'eq' | 'ne' | 'not' | 'and' | 'or'; args: Arg[] };
type Escaper = 'html' | 'url-start' | 'url-normalize' | 'url-query';
type Node =
	| { kind: 'text'; text: string }
	| { kind: 'print'; path: string[]; line: number; escaper: Escaper }
	| { kind: 'if'; branches: { cond: Expr; body: Node[] }[]; otherwise: Node[]; line: number };

export type CompileOptions = {
	/** Top-level fields the data will carry; anything else is a typo and fails to compile. */
	fields: readonly string[];
	/** Fields holding free-form objects (e.g. user metadata) whose keys may be anything. */
	objectFields?: readonly string[];
};

export type Template = {
	readonly name: string;
	/** Renders with `data`; throws TemplateError on a comparison Go would refuse. */
	render(data: Record<string, unknown>): string;
};

// ---------------------------------------------------------------------------------------------
// Lexing: text and actions.

type RawAction = { source: string; line: number };
type Piece = { kind: 'text'; text: string } | { kind: 'action'; action: RawAction };

function lineAt(source: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i += 1) if (source.charCodeAt(i) === 10) line += 1;
	return line;
}

function split(name: string, source: string): Piece[] {
	const pieces: Piece[] = [];
	let pos = 0;
	let trimNext = false;
	while (pos < source.length) {
		const open = source.indexOf('{{', pos);
		let text = open === -1 ? source.slice(pos) : source.slice(pos, open);
		if (trimNext) text = text.replace(/^\s+/, '');
		trimNext = false;
		if (open === -1) {
			pieces.push({ kind: 'text', text });
			break;
		}
		const line = lineAt(source, open);
		let start = open + 2;
		if (source.startsWith('- ', start) || /^-[\t\r\n]/.test(source.slice(start, start + 2))) {
			text = text.replace(/\s+$/, '');
			start += 1;
		}
		pieces.push({ kind: 'text', text });
		const close = findClose(name, source, start, line);
		let end = close;
		if (/[ \t\r\n]-$/.test(source.slice(start, close))) {
			trimNext = true;
			end -= 1;
		}
		pieces.push({ kind: 'action', action: { source: source.slice(start, end).trim(), line } });
		pos = close + 2;
	}
	return pieces.filter((p) => p.kind === 'action' || p.text !== '');
}

function findClose(name: string, source: string, from: number, line: number): number {
	let quote: string | null = null;
	if (source.startsWith('/*', from) || source.startsWith(' /*', from)) {
		const end = source.indexOf('*/', from);
		if (end === -1) throw new TemplateError(name, line, 'unclosed comment');
		const close = source.indexOf('}}', end);
		if (close === -1) throw new TemplateError(name, line, 'unclosed action');
		return close;
	}
	for (let i = from; i < source.length; i += 1) {
		const c = source[i];
		if (quote) {
			if (c === '\\' && quote === '"') i += 1;
			else if (c === quote) quote = null;
			else if (c === '\n' && quote === '"') break;
		} else if (c === '"' || c === '`') quote = c;
		else if (c === '}' && source[i + 1] === '}') return i;
		else if (c === '{' && source[i + 1] === '{') break;
	}
	throw new TemplateError(name, line, 'unclosed action');
}

type Token =
	| { t: 'ident'; v: string }
	| { t: 'field'; v: string[] }
	| { t: 'string'; v: string }
	| { t: 'other'; v: string };

function tokenize(name: string, action: RawAction): Token[] {
	const tokens: Token[] = [];
	const s = action.source;
	let i = 0;
	const fail = (message: string): never => {
		throw new TemplateError(name, action.line, message);
	};
	while (i < s.length) {
		const c = s[i] ?? '';
		if (/\s/.test(c)) {
			i += 1;
		} else if (c === '"') {
			let value = '';
			i += 1;
			while (i < s.length && s[i] !== '"') {
				if (s[i] === '\\') {
					const next = s[i + 1];
					const map: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\' };
					const mapped = next === undefined ? undefined : map[next];
					if (mapped === undefined) fail(`unsupported escape \\${next ?? ''} in a string`);
					value += mapped;
					i += 2;
				} else {
					value += s[i];
					i += 1;
				}
			}
			if (s[i] !== '"') fail('unterminated quoted string');
			tokens.push({ t: 'string', v: value });
			i += 1;
		} else if (c === '`') {
			const end = s.indexOf('`', i + 1);
			if (end === -1) fail('unterminated raw string');
			tokens.push({ t: 'string', v: s.slice(i + 1, end) });
			i = end + 1;
		} else if (c === '.') {
			const m = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(s.slice(i));
			if (!m) fail(`"." alone or a bad field name: ${s.slice(i, i + 20)}`);
			tokens.push({ t: 'field', v: m![0].slice(1).split('.') });
			i += m![0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
			tokens.push({ t: 'ident', v: m![0] });
			i += m![0].length;
		} else {
			const m = /^\S+/.exec(s.slice(i));
			tokens.push({ t: 'other', v: m![0] });
			i += m![0].length;
		}
	}
	return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parsing: the tree of text, prints and conditionals.

const FUNCTIONS = new Set(['eq', 'ne', 'not', 'and', 'or']);

class Parser {
	readonly #name: string;
	readonly #pieces: Piece[];
	readonly #options: CompileOptions;
	#pos = 0;

	constructor(name: string, pieces: Piece[], options: CompileOptions) {
		this.#name = name;
		this.#pieces = pieces;
		this.#options = options;
	}

	#fail(line: number, message: string): never {
		throw new TemplateError(this.#name, line, message);
	}

	parse(): Node[] {
		const { nodes, stop } = this.#list();
		if (stop) this.#fail(stop.line, `unexpected {{${stop.word}}}`);
		return nodes;
	}

	/** Nodes up to an {{else…}} or {{end}}, which is returned as `stop`. */
	#list(): { nodes: Node[]; stop?: { word: string; tokens: Token[]; line: number } } {
		const nodes: Node[] = [];
		while (this.#pos < this.#pieces.length) {
			const piece = this.#pieces[this.#pos++]!;
			if (piece.kind === 'text') {
				nodes.push({ kind: 'text', text: piece.text });
				continue;
			}
			const { source, line } = piece.action;
			if (source.startsWith('/*')) {
				if (!source.endsWith('*/')) this.#fail(line, 'comment ends before the action closes');
				continue;
			}
			const tokens = tokenize(this.#name, piece.action);
			const first = tokens[0];
			if (!first) this.#fail(line, 'missing value for command');
			if (first.t === 'ident' && (first.v === 'else' || first.v === 'end')) {
				return { nodes, stop: { word: first.v, tokens: tokens.slice(1), line } };
			}
			if (first.t === 'ident' && first.v === 'if') {
				nodes.push(this.#if(tokens.slice(1), line));
				continue;
			}
			if (first.t === 'field' && tokens.length === 1) {
				nodes.push({ kind: 'print', path: this.#field(first.v, line), line, escaper: 'html' });
				continue;
			}
			this.#unsupported(tokens, line);
		}
		return { nodes };
	}

	#if(condTokens: Token[], line: number): Node {
		const branches: { cond: Expr; body: Node[] }[] = [];
		let cond = this.#expr(condTokens, line);
		for (;;) {
			const { nodes, stop } = this.#list();
			if (!stop) this.#fail(line, 'unexpected EOF: {{if}} without {{end}}');
			branches.push({ cond, body: nodes });
			if (stop.word === 'end') {
				if (stop.tokens.length) this.#fail(stop.line, 'unexpected words after {{end}}');
				return { kind: 'if', branches, otherwise: [], line };
			}
			const [next, ...rest] = stop.tokens;
			if (next?.t === 'ident' && next.v === 'if') {
				cond = this.#expr(rest, stop.line);
				continue;
			}
			if (next) this.#fail(stop.line, 'only {{else}} or {{else if …}} may follow {{if}}');
			const tail = this.#list();
			if (!tail.stop) this.#fail(line, 'unexpected EOF: {{if}} without {{end}}');
			if (tail.stop.word !== 'end' || tail.stop.tokens.length) {
				this.#fail(tail.stop.line, `expected {{end}} after {{else}}, found {{${tail.stop.word}}}`);
			}
			return { kind: 'if', branches, otherwise: tail.nodes, line };
		}
	}

	#expr(tokens: Token[], line: number): Expr {
		const [first, ...rest] = tokens;
		if (!first) this.#fail(line, 'missing condition in {{if}}');
		if (first.t === 'ident' && FUNCTIONS.has(first.v)) {
			const args = rest.map((token) => this.#arg(token, line));
			const fn = first.v as 'eq' | 'ne' | 'not' | 'and' | 'or';
			const arity: Record<typeof fn, [number, number]> = {
				eq: [2, Infinity],
				ne: [2, 2],
				not: [1, 1],
				and: [1, Infinity],
				or: [1, Infinity]
			};
			const [min, max] = arity[fn];
			if (args.length < min || args.length > max) {
				this.#fail(line, `wrong number of arguments for ${fn}: ${args.length}`);
			}
			return { kind: 'call', fn, args };
		}
		if (rest.length === 0) return this.#arg(first, line);
		return this.#unsupported(tokens, line);
	}

	#arg(token: Token, line: number): Arg {
		if (token.t === 'field') return { kind: 'field', path: this.#field(token.v, line) };
		if (token.t === 'string') return { kind: 'string', value: token.v };
		return this.#unsupported([token], line);
	}

	#field(path: string[], line: number): string[] {
		const [top, ...rest] = path;
		const { fields, objectFields = [] } = this.#options;
		if (top === undefined || !fields.includes(top)) {
			this.#fail(line, `unknown variable .${path.join('.')} (known: .${fields.join(', .')})`);
		}
		if (rest.length > 0 && !objectFields.includes(top)) {
			this.#fail(line, `.${top} has no fields (in .${path.join('.')})`);
		}
		return path;
	}

	#unsupported(tokens: Token[], line: number): never {
		const word = tokens.map((t) => (Array.isArray(t.v) ? `.${t.v.join('.')}` : t.v)).join(' ');
		return this.#fail(line, `{{${word}}} is not supported by the local template renderer`);
	}
}

// ---------------------------------------------------------------------------------------------
// HTML contexts: which escaper each value gets, as html/template decides.

type HtmlState = {
	s: 'text' | 'tag' | 'attr-name' | 'after-attr' | 'before-value' | 'value' | 'comment' | 'raw';
	tag: string;
	attr: string;
	quote: string;
	url: 'none' | 'pre' | 'query';
};

const START: HtmlState = { s: 'text', tag: '', attr: '', quote: '', url: 'none' };
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'cite', 'poster', 'background']);

function attrKind(attr: string): 'normal' | 'url' | 'js' | 'css' {
	const name = attr.toLowerCase().replace(/^data-/, '');
	if (name.startsWith('on')) return 'js';
	if (name === 'style') return 'css';
	if (URL_ATTRS.has(name) || /src|uri|url/.test(name)) return 'url';
	return 'normal';
}

function sameState(a: HtmlState, b: HtmlState): boolean {
	return (
		a.s === b.s && a.tag === b.tag && a.attr === b.attr && a.quote === b.quote && a.url === b.url
	);
}

/** Runs the HTML scanner over template text; returns the text with comments dropped. */
function scan(state: HtmlState, text: string): { state: HtmlState; out: string } {
	const st = { ...state };
	let out = '';
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		switch (st.s) {
			case 'text':
				if (text.startsWith('<!--', i)) {
					st.s = 'comment';
					i += 4;
					continue;
				}
				if (c === '<' && /^<\/?[A-Za-z]/.test(text.slice(i, i + 3))) {
					const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(i))!;
					st.s = 'tag';
					st.tag = m[1] + m[2]!.toLowerCase();
					out += m[0];
					i += m[0].length;
					continue;
				}
				break;
			case 'comment':
				if (text.startsWith('-->', i)) {
					st.s = 'text';
					i += 3;
				} else i += 1;
				continue;
			case 'raw':
				if (text.slice(i, i + st.tag.length + 2).toLowerCase() === `</${st.tag}`) st.s = 'text';
				break;
			case 'tag':
			case 'after-attr':
				if (c === '>') {
					st.s = st.tag === 'script' || st.tag === 'style' ? 'raw' : 'text';
				} else if (c === '=' && st.s === 'after-attr') st.s = 'before-value';
				else if (!/[\s/]/.test(c)) {
					st.s = 'attr-name';
					st.attr = c;
				}
				break;
			case 'attr-name':
				if (c === '=') st.s = 'before-value';
				else if (c === '>') st.s = st.tag === 'script' || st.tag === 'style' ? 'raw' : 'text';
				else if (/\s/.test(c)) st.s = 'after-attr';
				else st.attr += c;
				break;
			case 'before-value':
				if (c === '"' || c === "'") {
					st.s = 'value';
					st.quote = c;
					st.url = 'none';
				} else if (c === '>') st.s = 'text';
				else if (!/\s/.test(c)) {
					st.s = 'value';
					st.quote = '';
					st.url = 'pre';
				}
				break;
			case 'value':
				if (st.quote ? c === st.quote : /[\s>]/.test(c)) {
					st.s = c === '>' ? 'text' : 'tag';
					st.quote = '';
					st.url = 'none';
				} else if (c === '?' || c === '#') st.url = 'query';
				else if (st.url === 'none' && !/\s/.test(c)) st.url = 'pre';
				break;
		}
		out += c;
		i += 1;
	}
	return { state: st, out };
}

function escaperFor(name: string, state: HtmlState, line: number): Escaper {
	if (state.s === 'text') return 'html';
	if (state.s === 'value' && state.quote) {
		const kind = attrKind(state.attr);
		if (kind === 'normal') return 'html';
		if (kind === 'url') {
			return state.url === 'none'
				? 'url-start'
				: state.url === 'pre'
					? 'url-normalize'
					: 'url-query';
		}
	}
	const where =
		state.s === 'before-value' || (state.s === 'value' && !state.quote)
			? `the unquoted attribute ${state.attr}`
			: state.s === 'value'
				? `the attribute ${state.attr}`
				: state.s;
	throw new TemplateError(
		name,
		line,
		`a value in ${where} is not supported: only HTML text, quoted attributes and URLs`
	);
}

/** Assigns escapers and drops comments; checks every {{if}} branch ends where the first does. */
function contextualize(name: string, nodes: Node[], state: HtmlState): HtmlState {
	let st = state;
	for (const node of nodes) {
		if (node.kind === 'text') {
			const result = scan(st, node.text);
			node.text = result.out;
			st = result.state;
		} else if (node.kind === 'print') {
			node.escaper = escaperFor(name, st, node.line);
			if (st.s === 'value' && st.url === 'none' && attrKind(st.attr) === 'url') {
				st = { ...st, url: 'pre' };
			}
		} else {
			const ends = [...node.branches.map((b) => b.body), node.otherwise].map((body) =>
				contextualize(name, body, st)
			);
			const first = ends[0]!;
			if (!ends.every((end) => sameState(end, first))) {
				throw new TemplateError(name, node.line, '{{if}} branches end in different HTML contexts');
			}
			st = first;
		}
	}
	return st;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** HTML-escapes as html/template does for text and quoted attribute values. */
export function escapeHtml(value: string): string {
	return value.replace(/[\0"&'+<>]/g, (c) => {
		switch (c) {
			case '\0':
				return '\uFFFD';
			case '"':
				return '&#34;';
			case '&':
				return '&amp;';
			case "'":
				return '&#39;';
			case '+':
				return '&#43;';
			case '<':
				return '&lt;';
			default:
				return '&gt;';
		}
	});
}

/** Percent-encodes UTF-8 bytes outside the kept set, with lower-case hex as Go does. */
function percentEncode(value: string, normalize: boolean): string {
	const bytes = new TextEncoder().encode(value);
	let out = '';
	for (let i = 0; i < bytes.length; i += 1) {
		const b = bytes[i]!;
		const c = String.fromCharCode(b);
		const unreserved = /[A-Za-z0-9\-._~]/.test(c);
		const reserved = normalize && /[!#$&*+,/:;=?@[\]]/.test(c);
		const escape =
			normalize &&
			c === '%' &&
			/^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0));
		out += unreserved || reserved || escape ? c : `%${b.toString(16).padStart(2, '0')}`;
	}
	return out;
}

// html/template replaces a URL with an unsafe scheme (javascript:, data:, …) by this.
const UNSAFE_URL = '#ZgotmplZ';

function escapeValue(value: string, escaper: Escaper): string {
	switch (escaper) {
		case 'html':
			return escapeHtml(value);
		case 'url-start': {
			const scheme = /^([^:/?#]*):/.exec(value)?.[1]?.toLowerCase();
			if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) {
				return UNSAFE_URL;
			}
			return escapeHtml(percentEncode(value, true));
		}
		case 'url-normalize':
			return escapeHtml(percentEncode(value, true));
		case 'url-query':
			return percentEncode(value, false);
	}
}

function lookup(name: string, data: unknown, path: string[], line: number): unknown {
	let current = data;
	for (const key of path) {
		if (current === undefined || current === null) return undefined;
		if (typeof current !== 'object' || Array.isArray(current)) {
			throw new TemplateError(name, line, `can't evaluate field ${key} in ${typeof current}`);
		}
		current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
	}
	return current;
}

function printable(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

function truth(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value !== '';
	if (typeof value === 'number') return value !== 0;
	if (typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.length > 0;
	return Object.keys(value).length > 0;
}

function kindOf(value: unknown): string {
	return Array.isArray(value) ? 'array' : typeof value;
}

function equal(name: string, line: number, a: unknown, b: unknown): boolean {
	if (a === undefined || a === null || b === undefined || b === null) {
		return (a ?? null) === (b ?? null);
	}
	if (kindOf(a) !== kindOf(b)) {
		throw new TemplateError(
			name,
			line,
			`incompatible types for comparison: ${kindOf(a)} and ${kindOf(b)}`
		);
	}
	if (typeof a === 'object') throw new TemplateError(name, line, 'non-comparable type');
	return a === b;
}

function evaluate(name: string, expr: Expr, data: unknown, line: number): unknown {
	if (expr.kind === 'string') return expr.value;
	if (expr.kind === 'field') return lookup(name, data, expr.path, line);
	const args = expr.args.map((arg) => evaluate(name, arg, data, line));
	switch (expr.fn) {
		case 'eq':
			return args.slice(1).some((b) => equal(name, line, args[0], b));
		case 'ne':
			return !equal(name, line, args[0], args[1]);
		case 'not':
			return !truth(args[0]);
		case 'and':
			return args.find((a) => !truth(a)) ?? args.at(-1);
		case 'or':
			return args.find((a) => truth(a)) ?? args.at(-1);
	}
}

function run(name: string, nodes: Node[], data: unknown): string {
	let out = '';
	for (const node of nodes) {
		if (node.kind === 'text') out += node.text;
		else if (node.kind === 'print') {
			out += escapeValue(printable(lookup(name, data, node.path, node.line)), node.escaper);
		} else {
			const branch = node.branches.find((b) => truth(evaluate(name, b.cond, data, node.line)));
			out += run(name, branch ? branch.body : node.otherwise, data);
		}
	}
	return out;
}

/**
 * Compiles `source` (named `name` in errors) or throws a TemplateError saying what and where.
 *
 * @example compileTemplate('magic_link', '<a href="{{ .ConfirmationURL }}">…</a>', { fields: ['ConfirmationURL'] })
 */
export function compileTemplate(name: string, source: string, options: CompileOptions): Template {
	const nodes = new Parser(name, split(name, source), options).parse();
	const end = contextualize(name, nodes, START);
	if (end.s !== 'text') {
		throw new TemplateError(name, lineAt(source, source.length), `ends inside HTML ${end.s}`);
	}
	return { name, render: (data) => run(name, nodes, data) };
}
