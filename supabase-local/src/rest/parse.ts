// The PostgREST query-string grammar supabase-js speaks, parsed into plain data. Pure: no SQL
// and no schema here; every failure is an ApiError (PGRST100, a 400), never another exception.
import { ApiError, parseError } from './errors.ts';

export type JsonStep = { arrow: '->' | '->>'; key: string };

/** A column reference with an optional JSON path: `data->a->>b`. */
export type FieldPath = { name: string; json: JsonStep[] };

export type SelectField = {
	type: 'field';
	field: FieldPath;
	alias: string | null;
	cast: string | null;
};
export type SelectEmbed = {
	type: 'embed';
	name: string;
	alias: string | null;
	hint: string | null;
	inner: boolean;
	spread: boolean;
	select: SelectItem[];
};
export type SelectStar = { type: 'star' };
export type SelectItem = SelectField | SelectEmbed | SelectStar;

export const OPERATORS = [
	'eq',
	'neq',
	'gt',
	'gte',
	'lt',
	'lte',
	'like',
	'ilike',
	'match',
	'imatch',
	'is',
	'isdistinct',
	'in',
	'cs',
	'cd',
	'ov',
	'fts',
	'plfts',
	'phfts',
	'wfts'
] as const;
export type Operator = (typeof OPERATORS)[number];

export type IsValue = 'null' | 'not_null' | 'true' | 'false' | 'unknown';

export type Condition = {
	type: 'condition';
	field: FieldPath;
	negate: boolean;
	operator: Operator;
	/** For `in`: the list; for `is`: one of IsValue; for fts: [config?, query]; else [value]. */
	values: string[];
	/** Text search configuration given as `fts(english).query`. */
	language: string | null;
};
export type Logic = { type: 'logic'; op: 'and' | 'or'; negate: boolean; children: Filter[] };
export type Filter = Condition | Logic;

export type OrderTerm = {
	field: FieldPath;
	direction: 'asc' | 'desc';
	nulls: 'first' | 'last' | null;
};

/** Filters, order and paging that apply at one level: the root (path []) or an embed path. */
export type Level = {
	filters: Filter[];
	order: OrderTerm[] | null;
	limit: number | null;
	offset: number | null;
};

export type ParsedQuery = {
	select: SelectItem[] | null;
	/** Keyed by the embed path joined with '.', '' for the root. */
	levels: Map<string, Level>;
	columns: string[] | null;
	onConflict: string[] | null;
	/** Query parameters that name arguments of an RPC (GET /rpc/fn?arg=…). */
	rpcArgs: Map<string, string>;
};

const MAX_INPUT = 16_384;
const NAME_CHARS = /[\p{L}\p{N}_$]/u;

/** A tiny cursor over one input string. */
class Cursor {
	readonly text: string;
	pos = 0;
	constructor(text: string) {
		this.text = text;
	}
	get done(): boolean {
		return this.pos >= this.text.length;
	}
	peek(offset = 0): string {
		return this.text[this.pos + offset] ?? '';
	}
	startsWith(s: string): boolean {
		return this.text.startsWith(s, this.pos);
	}
	eat(s: string): boolean {
		if (this.startsWith(s)) {
			this.pos += s.length;
			return true;
		}
		return false;
	}
	expect(s: string, what: string): void {
		if (!this.eat(s)) throw this.fail(`expected ${what}`);
	}
	fail(message: string): ApiError {
		return parseError(
			`"failed to parse ${message}" (${this.text.slice(0, 200)})`,
			`unexpected "${this.peek()}" at position ${this.pos}`
		);
	}
}

function checkLength(text: string) {
	if (text.length > MAX_INPUT) throw parseError('query parameter too long');
}

/** An identifier: letters, digits, `_`, `$`, or a double-quoted name without quotes inside. */
function readName(c: Cursor, what = 'a name'): string {
	if (c.peek() === '"') {
		const end = c.text.indexOf('"', c.pos + 1);
		if (end === -1 || end === c.pos + 1) throw c.fail(what);
		const name = c.text.slice(c.pos + 1, end);
		c.pos = end + 1;
		return name;
	}
	const start = c.pos;
	while (!c.done && NAME_CHARS.test(c.peek())) c.pos++;
	// Postgres folds nothing here: PostgREST names are case-sensitive and used verbatim.
	if (c.pos === start) throw c.fail(what);
	return c.text.slice(start, c.pos);
}

function readJsonPath(c: Cursor): JsonStep[] {
	const steps: JsonStep[] = [];
	for (;;) {
		let arrow: JsonStep['arrow'];
		if (c.eat('->>')) arrow = '->>';
		else if (c.eat('->')) arrow = '->';
		else return steps;
		let key: string;
		if (c.peek() === "'") {
			const end = c.text.indexOf("'", c.pos + 1);
			if (end === -1) throw c.fail('a JSON key');
			key = c.text.slice(c.pos + 1, end);
			c.pos = end + 1;
		} else if (c.peek() === '-' && /\d/.test(c.peek(1))) {
			c.pos++;
			key = '-' + readName(c, 'a JSON key');
		} else key = readName(c, 'a JSON key');
		steps.push({ arrow, key });
	}
}

function readField(c: Cursor): FieldPath {
	const name = readName(c, 'a column name');
	return { name, json: readJsonPath(c) };
}

const CASTS = new Set([
	'text',
	'varchar',
	'char',
	'int',
	'int2',
	'int4',
	'int8',
	'integer',
	'smallint',
	'bigint',
	'numeric',
	'float4',
	'float8',
	'real',
	'bool',
	'boolean',
	'json',
	'jsonb',
	'date',
	'time',
	'timestamp',
	'timestamptz',
	'interval',
	'uuid'
]);

/** Parses `select=`: fields, `alias:field`, `field::cast`, JSON paths, embeds and spreads. */
export function parseSelect(text: string): SelectItem[] {
	checkLength(text);
	const c = new Cursor(text);
	const items = readSelectList(c, 0);
	if (!c.done) throw c.fail('select');
	return items;
}

function readSelectList(c: Cursor, depth: number): SelectItem[] {
	if (depth > 16) throw c.fail('select: embedding too deep');
	const items: SelectItem[] = [];
	for (;;) {
		// Whitespace around items is allowed, as supabase-js strips only what is outside quotes.
		while (c.peek() === ' ' || c.peek() === '\n' || c.peek() === '\t') c.pos++;
		if (c.done || c.peek() === ')') {
			if (items.length === 0 && depth === 0 && c.done) return [{ type: 'star' }];
			if (items.length === 0 && depth > 0) return [];
			throw c.fail('select: empty item');
		}
		items.push(readSelectItem(c, depth));
		while (c.peek() === ' ' || c.peek() === '\n' || c.peek() === '\t') c.pos++;
		if (!c.eat(',')) return items;
	}
}

function readSelectItem(c: Cursor, depth: number): SelectItem {
	if (c.eat('*')) return { type: 'star' };
	const spread = c.eat('...');
	let alias: string | null = null;
	let name = readName(c, 'a column name');
	if (c.peek() === ':' && c.peek(1) !== ':') {
		c.pos++;
		alias = name;
		name = readName(c, 'a column name');
	}
	if (c.peek() === '!' || c.peek() === '(') {
		let hint: string | null = null;
		let inner = false;
		while (c.eat('!')) {
			const word = readName(c, 'an embed hint');
			if (word === 'inner') inner = true;
			else if (word === 'left') inner = false;
			else if (hint === null) hint = word;
			else throw c.fail('embed: two hints');
		}
		if (c.peek() === '(' && c.peek(1) === ')' && AGGREGATES.has(name) && !spread && !hint) {
			// Supabase leaves PostgREST's db-aggregates-enabled off: the same error as there.
			throw new ApiError({
				status: 400,
				code: 'PGRST123',
				message: 'Use of aggregate functions is not allowed'
			});
		}
		c.expect('(', '"(" after an embed name');
		const select = readSelectList(c, depth + 1);
		c.expect(')', '")" closing an embed');
		return { type: 'embed', name, alias, hint, inner, spread, select };
	}
	if (spread) throw c.fail('spread "..." must be followed by an embedded resource');
	const json = readJsonPath(c);
	let cast: string | null = null;
	if (c.eat('::')) {
		const start = c.pos;
		while (/[a-z0-9]/.test(c.peek())) c.pos++;
		cast = c.text.slice(start, c.pos);
		if (!CASTS.has(cast)) throw parseError(`unsupported cast "::${cast}"`);
	}
	return { type: 'field', field: { name, json }, alias, cast };
}

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max']);
const OPERATOR_SET = new Set<string>(OPERATORS);
const IS_VALUES = new Set(['null', 'not_null', 'true', 'false', 'unknown']);

/** Parses a filter's value part: `[not.]op.value`, e.g. `not.in.(1,2)` or `is.null`. */
export function parseFilterValue(field: FieldPath, text: string): Condition {
	checkLength(text);
	const c = new Cursor(text);
	const condition = readOperatorAndValue(c, field, null);
	return condition;
}

/**
 * Reads `[not.]op[(lang)].value`. With `stop` (inside logic trees) the value ends at a top-level
 * `,` or `)`; without it the value is the rest of the text.
 */
function readOperatorAndValue(c: Cursor, field: FieldPath, stop: string | null): Condition {
	let negate = false;
	if (c.startsWith('not.')) {
		negate = true;
		c.pos += 4;
	}
	const start = c.pos;
	while (/[a-z]/.test(c.peek())) c.pos++;
	const operator = c.text.slice(start, c.pos);
	if (!OPERATOR_SET.has(operator)) {
		throw parseError(`unknown or unsupported operator "${operator.slice(0, 40)}"`);
	}
	const op = operator as Operator;
	let language: string | null = null;
	if (c.peek() === '(') {
		if (!op.endsWith('fts')) throw parseError(`modifier "(…)" is not supported on "${op}"`);
		c.pos++;
		const s = c.pos;
		while (/[a-z_]/.test(c.peek())) c.pos++;
		language = c.text.slice(s, c.pos);
		c.expect(')', '")" after a text search configuration');
	}
	c.expect('.', `"." after operator "${op}"`);
	let values: string[];
	if (op === 'in') values = readList(c);
	else {
		const value = stop === null ? readRest(c) : readLogicValue(c);
		if (op === 'is' && !IS_VALUES.has(value.toLowerCase())) {
			throw parseError(`"is" accepts null, not_null, true, false or unknown, not "${value}"`);
		}
		values = [op === 'is' ? value.toLowerCase() : value];
	}
	return { type: 'condition', field, negate, operator: op, values, language };
}

function readRest(c: Cursor): string {
	const value = c.text.slice(c.pos);
	c.pos = c.text.length;
	return value;
}

/** A quoted value with `\` escapes: `"a,b"`, `"say \"hi\""`. */
function readQuoted(c: Cursor): string {
	c.expect('"', 'a quote');
	let out = '';
	for (;;) {
		if (c.done) throw c.fail('an unterminated quoted value');
		const ch = c.peek();
		if (ch === '\\') {
			if (c.pos + 1 >= c.text.length) throw c.fail('an escape at the end');
			out += c.peek(1);
			c.pos += 2;
		} else if (ch === '"') {
			c.pos++;
			return out;
		} else {
			out += ch;
			c.pos++;
		}
	}
}

/** `(a,"b,c",d)` → ['a', 'b,c', 'd']; `()` → []. */
function readList(c: Cursor): string[] {
	c.expect('(', '"(" opening a list');
	const values: string[] = [];
	if (c.eat(')')) return values;
	for (;;) {
		if (c.peek() === '"') values.push(readQuoted(c));
		else {
			const start = c.pos;
			while (!c.done && c.peek() !== ',' && c.peek() !== ')') c.pos++;
			values.push(c.text.slice(start, c.pos));
		}
		if (c.eat(')')) return values;
		c.expect(',', '"," or ")" in a list');
	}
}

/** A value inside a logic tree: quoted, a `{…}` array literal, or text up to `,`/`)`. */
function readLogicValue(c: Cursor): string {
	if (c.peek() === '"') return readQuoted(c);
	if (c.peek() === '{') {
		const end = c.text.indexOf('}', c.pos);
		if (end === -1) throw c.fail('an unterminated "{"');
		const value = c.text.slice(c.pos, end + 1);
		c.pos = end + 1;
		return value;
	}
	const start = c.pos;
	while (!c.done && c.peek() !== ',' && c.peek() !== ')') c.pos++;
	return c.text.slice(start, c.pos);
}

/** Parses the value of an `or=`/`and=` parameter: `(a.eq.1,and(b.gt.2,c.is.null))`. */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, text: string): Logic {
	checkLength(text);
	const c = new Cursor(text);
	const tree = readLogicBody(c, op, negate, 0);
	if (!c.done) throw c.fail('logic tree: trailing text');
	return tree;
}

function readLogicBody(c: Cursor, op: 'and' | 'or', negate: boolean, depth: number): Logic {
	if (depth > 16) throw c.fail('logic tree: nesting too deep');
	c.expect('(', `"(" after ${op}`);
	const children: Filter[] = [];
	for (;;) {
		children.push(readLogicItem(c, depth));
		if (c.eat(')')) return { type: 'logic', op, negate, children };
		c.expect(',', '"," or ")" in a logic tree');
	}
}

function readLogicItem(c: Cursor, depth: number): Filter {
	let negate = false;
	if (c.startsWith('not.and(') || c.startsWith('not.or(')) {
		negate = true;
		c.pos += 4;
	}
	if (c.startsWith('and(')) {
		c.pos += 3;
		return readLogicBody(c, 'and', negate, depth + 1);
	}
	if (c.startsWith('or(')) {
		c.pos += 2;
		return readLogicBody(c, 'or', negate, depth + 1);
	}
	const field = readField(c);
	c.expect('.', '"." after a column name');
	return readOperatorAndValue(c, field, ',)');
}

/** Parses `order=`: `col.asc.nullsfirst,other.desc`. */
export function parseOrder(text: string): OrderTerm[] {
	checkLength(text);
	const c = new Cursor(text);
	const terms: OrderTerm[] = [];
	for (;;) {
		const field = readField(c);
		if (c.peek() === '(') throw parseError('ordering by an embedded resource is not supported');
		let direction: OrderTerm['direction'] = 'asc';
		let nulls: OrderTerm['nulls'] = null;
		while (c.eat('.')) {
			if (c.eat('asc')) direction = 'asc';
			else if (c.eat('desc')) direction = 'desc';
			else if (c.eat('nullsfirst')) nulls = 'first';
			else if (c.eat('nullslast')) nulls = 'last';
			else throw c.fail('order: expected asc, desc, nullsfirst or nullslast');
		}
		terms.push({ field, direction, nulls });
		if (c.done) return terms;
		c.expect(',', '"," between order terms');
	}
}

function parseNonNegativeInt(key: string, text: string): number {
	if (!/^\d{1,15}$/.test(text)) throw parseError(`"${key}" must be a non-negative integer`);
	return Number(text);
}

/** Parses a comma-separated column list (`columns=`, `on_conflict=`). */
export function parseColumnList(key: string, text: string): string[] {
	checkLength(text);
	const c = new Cursor(text);
	const names: string[] = [];
	for (;;) {
		while (c.peek() === ' ') c.pos++;
		names.push(readName(c, `a column name in ${key}`));
		while (c.peek() === ' ') c.pos++;
		if (c.done) return names;
		c.expect(',', `"," in ${key}`);
	}
}

function level(levels: Map<string, Level>, path: string): Level {
	let l = levels.get(path);
	if (!l) {
		l = { filters: [], order: null, limit: null, offset: null };
		levels.set(path, l);
	}
	return l;
}

/**
 * Parses a whole query string. `rpcArgNames` (GET /rpc/fn) routes parameters named like the
 * function's arguments to `rpcArgs` instead of filters.
 */
export function parseQuery(
	entries: Iterable<[string, string]>,
	options: { rpcArgNames?: ReadonlySet<string> } = {}
): ParsedQuery {
	const parsed: ParsedQuery = {
		select: null,
		levels: new Map([['', { filters: [], order: null, limit: null, offset: null }]]),
		columns: null,
		onConflict: null,
		rpcArgs: new Map()
	};
	for (const [key, value] of entries) {
		checkLength(key);
		checkLength(value);
		if (key === 'select') {
			if (parsed.select) throw parseError('"select" given twice');
			parsed.select = parseSelect(value);
			continue;
		}
		if (key === 'columns') {
			parsed.columns = parseColumnList(key, value);
			continue;
		}
		if (key === 'on_conflict') {
			parsed.onConflict = parseColumnList(key, value);
			continue;
		}
		if (options.rpcArgNames?.has(key)) {
			parsed.rpcArgs.set(key, value);
			continue;
		}
		// Everything else is `path.to.embed.last`, where `last` is a reserved word or a column.
		const c = new Cursor(key);
		const segments: string[] = [];
		let field: FieldPath | null = null;
		for (;;) {
			const name = readName(c, 'a parameter name');
			if (c.startsWith('->')) {
				field = { name, json: readJsonPath(c) };
				if (!c.done) throw c.fail('parameter name');
				break;
			}
			segments.push(name);
			if (c.done) break;
			c.expect('.', '"." in a parameter name');
		}
		let last: string;
		if (field) last = '';
		else last = segments.pop() ?? '';
		let negateLogic = false;
		if ((last === 'or' || last === 'and') && segments[segments.length - 1] === 'not') {
			segments.pop();
			negateLogic = true;
		}
		const target = level(parsed.levels, segments.join('.'));
		if (field) target.filters.push(parseFilterValue(field, value));
		else if (last === 'or' || last === 'and') {
			target.filters.push(parseLogicTree(last, negateLogic, value));
		} else if (last === 'order') target.order = parseOrder(value);
		else if (last === 'limit') target.limit = parseNonNegativeInt(key, value);
		else if (last === 'offset') target.offset = parseNonNegativeInt(key, value);
		else target.filters.push(parseFilterValue({ name: last, json: [] }, value));
	}
	return parsed;
}

export type Preferences = {
	return: 'minimal' | 'representation' | 'headers-only' | null;
	count: 'exact' | 'planned' | 'estimated' | null;
	resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
	missing: 'default' | 'null' | null;
	/** `handling=strict`: unknown preferences are errors, and max-affected is enforced. */
	strict: boolean;
	/** `max-affected=N`, enforced on PATCH, DELETE and RPC with handling=strict (PGRST124). */
	maxAffected: number | null;
	/** Preference tokens understood and applied, for the Preference-Applied header. */
	applied: string[];
};

/**
 * Parses `Prefer` headers. Like PostgREST (lenient handling), unknown preferences are ignored;
 * `handling=strict` makes them an error instead.
 */
export function parsePrefer(headers: string[]): Preferences {
	const prefs: Preferences = {
		return: null,
		count: null,
		resolution: null,
		missing: null,
		strict: false,
		maxAffected: null,
		applied: []
	};
	const unknown: string[] = [];
	let strict = false;
	for (const header of headers) {
		for (const raw of header.split(',')) {
			const token = raw.trim();
			if (!token) continue;
			const [k, v] = token.split('=', 2).map((s) => s.trim());
			if (k === 'return' && (v === 'minimal' || v === 'representation' || v === 'headers-only'))
				prefs.return = v;
			else if (k === 'count' && (v === 'exact' || v === 'planned' || v === 'estimated'))
				prefs.count = v;
			else if (k === 'resolution' && (v === 'merge-duplicates' || v === 'ignore-duplicates'))
				prefs.resolution = v;
			else if (k === 'missing' && (v === 'default' || v === 'null')) prefs.missing = v;
			else if (k === 'handling' && (v === 'strict' || v === 'lenient')) {
				strict = v === 'strict';
				continue;
			} else if (k === 'max-affected' && v !== undefined && /^\d{1,15}$/.test(v)) {
				prefs.maxAffected = Number(v);
				continue;
			} else if (k === 'tx' && v === 'rollback') {
				// Supabase's PostgREST ignores this and commits; honouring it here would let code that
				// relies on the rollback pass locally and then really write in production.
				throw new ApiError({
					status: 400,
					code: 'PGRST122',
					message: 'Prefer: tx=rollback is not supported',
					details:
						'Supabase runs PostgREST with db-tx-end = commit: a request with tx=rollback commits there.',
					hint: 'Remove tx=rollback, or undo the change with a second request.'
				});
			} else {
				unknown.push(token);
				continue;
			}
			prefs.applied.push(token);
		}
	}
	prefs.strict = strict;
	if (strict && prefs.maxAffected !== null) prefs.applied.push(`max-affected=${prefs.maxAffected}`);
	if (strict && unknown.length > 0) {
		throw new ApiError({
			status: 400,
			code: 'PGRST122',
			message: 'Invalid preferences given with handling=strict',
			details: `Invalid preferences: ${unknown.join(', ')}`
		});
	}
	return prefs;
}

/** Parses a `Range: 0-9` header (items); returns offset and limit (null = open-ended). */
export function parseRange(header: string | null): { offset: number; limit: number | null } | null {
	if (header === null || header.trim() === '') return null;
	const m = /^\s*(?:items=)?(\d{1,15})-(\d{0,15})\s*$/.exec(header);
	if (!m) throw parseError(`invalid Range header "${header.slice(0, 40)}"`);
	const from = Number(m[1]);
	if (m[2] === '' || m[2] === undefined) return { offset: from, limit: null };
	const to = Number(m[2]);
	if (to < from) {
		throw new ApiError({
			status: 416,
			code: 'PGRST103',
			message: 'Requested range not satisfiable',
			details:
				'The lower boundary must be lower than or equal to the upper boundary in the Range header.'
		});
	}
	return { offset: from, limit: to - from + 1 };
}
