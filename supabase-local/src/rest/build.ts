// Builds the ONE SQL statement a REST request runs, PostgREST style: the mutation (if any) in a
// CTE named pgrst_source, then a select producing `total`, `page_total` and the JSON `body` as
// text. Identifiers come from the schema cache and are quoted; every value is a `$n` parameter.
import { ApiError } from './errors.ts';
import type {
	Condition,
	FieldPath,
	Filter,
	Level,
	OrderTerm,
	ParsedQuery,
	SelectEmbed,
	SelectItem
} from './parse.ts';
import type { Column, DbFunction, ForeignKey, Relation, SchemaCache } from './schema.ts';

export type BuiltStatement = { sql: string; params: unknown[] };

/** Quotes an identifier for SQL. */
export function ident(name: string): string {
	return '"' + name.replace(/"/g, '""') + '"';
}

class Builder {
	readonly params: unknown[] = [];
	private aliasCount = 0;
	readonly cache: SchemaCache;
	readonly parsed: ParsedQuery;
	constructor(cache: SchemaCache, parsed: ParsedQuery) {
		this.cache = cache;
		this.parsed = parsed;
	}
	param(value: unknown, cast = ''): string {
		this.params.push(value);
		return `$${this.params.length}${cast}`;
	}
	alias(): string {
		this.aliasCount++;
		return ident(`pgrst_${this.aliasCount}`);
	}
	qualified(name: string): string {
		return `${ident(this.cache.schema)}.${ident(name)}`;
	}
}

/** The thing rows come from at one level: its name (for messages and relationships) and columns. */
type Source = {
	name: string;
	relation: string | null;
	columns: Map<string, Column>;
	alias: string;
};

function missingColumn(source: Source, name: string): ApiError {
	return new ApiError({
		status: 400,
		code: '42703',
		message: `column ${source.name}.${name} does not exist`
	});
}

function fieldExpr(b: Builder, source: Source, field: FieldPath): string {
	let expr: string;
	if (source.columns.has(field.name)) expr = `${source.alias}.${ident(field.name)}`;
	else {
		// A computed field: a function taking the relation's row, called on the current row.
		const fn =
			source.relation === null
				? undefined
				: b.cache.computedFields.get(source.relation)?.get(field.name);
		if (!fn || source.relation === null) throw missingColumn(source, field.name);
		expr = `${b.qualified(fn.name)}(${source.alias}::${b.qualified(source.relation)})`;
	}
	for (const step of field.json) {
		const key = /^-?\d+$/.test(step.key)
			? b.param(Number(step.key), '::int')
			: b.param(step.key, '::text');
		expr = `(${expr}${step.arrow}${key})`;
	}
	return expr;
}

function fieldOutputName(field: FieldPath): string {
	const last = field.json[field.json.length - 1];
	return last ? last.key : field.name;
}

const COMPARE: Record<string, string> = {
	eq: '=',
	neq: '<>',
	gt: '>',
	gte: '>=',
	lt: '<',
	lte: '<=',
	like: 'like',
	ilike: 'ilike',
	match: '~',
	imatch: '~*',
	cs: '@>',
	cd: '<@',
	ov: '&&',
	isdistinct: 'is distinct from'
};
const TSQUERY: Record<string, string> = {
	fts: 'to_tsquery',
	plfts: 'plainto_tsquery',
	phfts: 'phraseto_tsquery',
	wfts: 'websearch_to_tsquery'
};
const IS_SQL: Record<string, string> = {
	null: 'is null',
	not_null: 'is not null',
	true: 'is true',
	false: 'is false',
	unknown: 'is unknown'
};

function conditionSql(b: Builder, source: Source, c: Condition, embeds: EmbedPlan[]): string {
	let sql: string;
	const embed =
		c.field.json.length === 0 && !source.columns.has(c.field.name)
			? embeds.find((e) => e.outputName === c.field.name)
			: undefined;
	if (embed) {
		// `rel=is.null` / `rel=not.is.null` test whether the embedded resource has rows.
		if (c.operator !== 'is' || (c.values[0] !== 'null' && c.values[0] !== 'not_null')) {
			throw new ApiError({
				status: 400,
				code: 'PGRST100',
				message: `only "is.null" and "not.is.null" may filter on the embedded resource "${embed.outputName}"`
			});
		}
		const exists = `exists (${embed.existsSql})`;
		sql = c.values[0] === 'null' ? `not ${exists}` : exists;
		return c.negate ? `not (${sql})` : sql;
	}
	const expr = fieldExpr(b, source, c.field);
	const value = c.values[0] ?? '';
	if (c.operator === 'is') sql = `${expr} ${IS_SQL[value] ?? 'is null'}`;
	else if (c.operator === 'in') {
		sql =
			c.values.length === 0
				? 'false'
				: `${expr} in (${c.values.map((v) => b.param(v)).join(', ')})`;
	} else if (c.operator in TSQUERY) {
		const fn = TSQUERY[c.operator] ?? 'to_tsquery';
		const query = c.language
			? `${fn}(${b.param(c.language, '::regconfig')}, ${b.param(value, '::text')})`
			: `${fn}(${b.param(value, '::text')})`;
		sql = `${expr} @@ ${query}`;
	} else {
		const op = COMPARE[c.operator] ?? '=';
		const v = c.operator === 'like' || c.operator === 'ilike' ? value.replace(/\*/g, '%') : value;
		sql = `${expr} ${op} ${b.param(v)}`;
	}
	return c.negate ? `not (${sql})` : sql;
}

function filterSql(b: Builder, source: Source, f: Filter, embeds: EmbedPlan[]): string {
	if (f.type === 'condition') return conditionSql(b, source, f, embeds);
	const parts = f.children.map((child) => filterSql(b, source, child, embeds));
	const joined = `(${parts.join(f.op === 'and' ? ' and ' : ' or ')})`;
	return f.negate ? `not ${joined}` : joined;
}

function orderSql(b: Builder, source: Source, order: OrderTerm[] | null): string {
	if (!order || order.length === 0) return '';
	const terms = order.map((t) => {
		const nulls = t.nulls ? ` nulls ${t.nulls}` : '';
		return `${fieldExpr(b, source, t.field)} ${t.direction}${nulls}`;
	});
	return ` order by ${terms.join(', ')}`;
}

function pagingSql(b: Builder, limit: number | null, offset: number | null): string {
	let sql = '';
	if (limit !== null) sql += ` limit ${b.param(limit, '::bigint')}`;
	if (offset !== null && offset > 0) sql += ` offset ${b.param(offset, '::bigint')}`;
	return sql;
}

type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

/**
 * How an embed joins its parent: through one foreign key (`forward` when the parent holds it,
 * `reverse` when the embedded table does), or through a junction table holding a key to each.
 */
type Relationship = {
	fk: ForeignKey;
	toOne: boolean;
	target: string;
	cardinality: Cardinality;
	direction: 'forward' | 'reverse' | 'junction';
	/** For many-to-many: the junction table and its key to the embedded table (`fk` is its key to the parent). */
	junction?: { table: string; targetFk: ForeignKey };
};

/** Whether the columns of `fk` are unique in its table (primary key or unique index): one-to-one. */
function isUniqueKey(b: Builder, fk: ForeignKey): boolean {
	const relation = b.cache.relations.get(fk.table);
	if (!relation) return false;
	const wanted = [...fk.columns].sort().join('\u0000');
	return relation.uniqueKeys.some((key) => [...key].sort().join('\u0000') === wanted);
}

function relationshipCandidates(
	b: Builder,
	parentName: string,
	embed: SelectEmbed
): Relationship[] {
	const candidates: Relationship[] = [];
	for (const fk of b.cache.foreignKeys) {
		const unique = isUniqueKey(b, fk);
		// Many-to-one (or one-to-one): the parent holds the key; named by table, column or constraint.
		if (
			fk.table === parentName &&
			(fk.foreignTable === embed.name ||
				fk.constraint === embed.name ||
				(fk.columns.length === 1 && fk.columns[0] === embed.name))
		) {
			candidates.push({
				fk,
				toOne: true,
				target: fk.foreignTable,
				cardinality: unique ? 'one-to-one' : 'many-to-one',
				direction: 'forward'
			});
		}
		// One-to-many (or one-to-one when the key is unique): the embedded table holds the key.
		if (
			fk.foreignTable === parentName &&
			(fk.table === embed.name || fk.constraint === embed.name)
		) {
			candidates.push({
				fk,
				toOne: unique,
				target: fk.table,
				cardinality: unique ? 'one-to-one' : 'one-to-many',
				direction: 'reverse'
			});
		}
	}
	// Many-to-many: a junction table whose primary key holds a key to the parent and one to the
	// embedded table, as PostgREST detects it.
	for (const fk of b.cache.foreignKeys) {
		if (fk.foreignTable !== parentName) continue;
		const junction = b.cache.relations.get(fk.table);
		if (!junction || fk.columns.some((c) => !junction.primaryKey.includes(c))) continue;
		for (const targetFk of b.cache.foreignKeys) {
			if (targetFk === fk || targetFk.table !== fk.table) continue;
			if (targetFk.foreignTable !== embed.name) continue;
			if (targetFk.columns.some((c) => !junction.primaryKey.includes(c))) continue;
			candidates.push({
				fk,
				toOne: false,
				target: targetFk.foreignTable,
				cardinality: 'many-to-many',
				direction: 'junction',
				junction: { table: junction.name, targetFk }
			});
		}
	}
	return candidates;
}

function matchesHint(r: Relationship, hint: string): boolean {
	const keys = r.junction ? [r.fk, r.junction.targetFk] : [r.fk];
	if (r.junction?.table === hint) return true;
	return keys.some(
		(fk) =>
			fk.constraint === hint ||
			fk.columns.includes(hint) ||
			fk.foreignColumns.includes(hint) ||
			fk.table === hint
	);
}

function describeRelationship(parent: string, r: Relationship): Record<string, string> {
	const relationship = r.junction
		? `${r.junction.table} using ${r.fk.constraint}(${r.fk.columns.join(', ')}) and ${r.junction.targetFk.constraint}(${r.junction.targetFk.columns.join(', ')})`
		: `${r.fk.constraint} using ${r.fk.table}(${r.fk.columns.join(', ')}) and ${r.fk.foreignTable}(${r.fk.foreignColumns.join(', ')})`;
	return { cardinality: r.cardinality, embedding: `${parent} with ${r.target}`, relationship };
}

function findRelationship(b: Builder, parent: Source, embed: SelectEmbed): Relationship {
	const candidates =
		parent.relation === null ? [] : relationshipCandidates(b, parent.relation, embed);
	const hinted = embed.hint
		? candidates.filter((r) => matchesHint(r, embed.hint ?? ''))
		: candidates;
	let unique = hinted.filter(
		(r, i) =>
			hinted.findIndex(
				(o) =>
					o.fk.constraint === r.fk.constraint &&
					o.direction === r.direction &&
					o.junction?.targetFk.constraint === r.junction?.targetFk.constraint
			) === i
	);
	// A self-referencing key offers both ends under the table's own name: the embed is the rows
	// pointing at this one (children); the referenced row is reached by the key column's name.
	if (
		unique.length === 2 &&
		unique.every((r) => r.fk === unique[0]?.fk && r.fk.table === r.fk.foreignTable && !r.junction)
	) {
		unique = unique.filter((r) => r.direction === 'reverse');
	}
	if (unique.length === 0) {
		throw new ApiError({
			status: 400,
			code: 'PGRST200',
			message: `Could not find a relationship between '${parent.name}' and '${embed.name}' in the schema cache`,
			details: `Searched for a foreign key relationship between '${parent.name}' and '${embed.name}'${embed.hint ? ` using the hint '${embed.hint}'` : ''} in the schema '${b.cache.schema}', but no matches were found.`,
			hint: null
		});
	}
	if (unique.length > 1) {
		throw new ApiError({
			status: 300,
			code: 'PGRST201',
			message: `Could not embed because more than one relationship was found for '${parent.name}' and '${embed.name}'`,
			details: unique.map((r) => describeRelationship(parent.name, r)),
			hint: `Try changing '${embed.name}' to one of the following: ${unique.map((r) => `'${r.target}!${r.junction ? r.junction.table : r.fk.constraint}'`).join(', ')}. Find the desired relationship in the 'details' key.`
		});
	}
	return unique[0] as Relationship;
}

type EmbedPlan = {
	outputName: string;
	/** Select-list expressions this embed contributes to its parent. */
	selectSql: string[];
	/** `select 1 from … where join and filters`, for !inner and `rel=not.is.null`. */
	existsSql: string;
	inner: boolean;
};

type LevelPlan = { selectSql: string[]; whereSql: string[] };

/** Plans the select list and where clause of one level (root or embed). */
function planLevel(
	b: Builder,
	source: Source,
	items: SelectItem[],
	path: string,
	level: Level
): LevelPlan {
	const selectSql: string[] = [];
	const embeds: EmbedPlan[] = [];
	for (const item of items) {
		if (item.type === 'star') selectSql.push(`${source.alias}.*`);
		else if (item.type === 'field') {
			let expr = fieldExpr(b, source, item.field);
			if (item.cast) expr = `${expr}::${item.cast}`;
			selectSql.push(`${expr} as ${ident(item.alias ?? fieldOutputName(item.field))}`);
		} else {
			const plan = planEmbed(b, source, item, path);
			embeds.push(plan);
			selectSql.push(...plan.selectSql);
		}
	}
	const whereSql = level.filters.map((f) => filterSql(b, source, f, embeds));
	for (const e of embeds) if (e.inner) whereSql.push(`exists (${e.existsSql})`);
	return { selectSql, whereSql };
}

function emptyLevel(): Level {
	return { filters: [], order: null, limit: null, offset: null };
}

function planEmbed(b: Builder, parent: Source, embed: SelectEmbed, parentPath: string): EmbedPlan {
	const rel = findRelationship(b, parent, embed);
	const target = b.cache.relations.get(rel.target);
	if (!target) throw new Error(`schema cache: relationship target ${rel.target} missing`);
	const outputName = embed.alias ?? embed.name;
	const path = parentPath ? `${parentPath}.${outputName}` : outputName;
	// Filters on an embed are addressed by its alias when it has one, else by its name.
	const level = b.parsed.levels.get(path) ?? emptyLevel();
	const source: Source = {
		name: target.name,
		relation: target.name,
		columns: target.columns,
		alias: b.alias()
	};
	let join: string[];
	if (rel.junction) {
		// Through the junction: a junction row links this target row to the parent row.
		const j = b.alias();
		const { targetFk } = rel.junction;
		const links = [
			...targetFk.columns.map(
				(c, i) => `${j}.${ident(c)} = ${source.alias}.${ident(targetFk.foreignColumns[i] ?? c)}`
			),
			...rel.fk.columns.map(
				(c, i) => `${j}.${ident(c)} = ${parent.alias}.${ident(rel.fk.foreignColumns[i] ?? c)}`
			)
		];
		join = [
			`exists (select 1 from ${b.qualified(rel.junction.table)} as ${j} where ${links.join(' and ')})`
		];
	} else {
		const [childCols, parentCols] =
			rel.direction === 'forward'
				? [rel.fk.foreignColumns, rel.fk.columns]
				: [rel.fk.columns, rel.fk.foreignColumns];
		join = childCols.map(
			(c, i) => `${source.alias}.${ident(c)} = ${parent.alias}.${ident(parentCols[i] ?? c)}`
		);
	}
	const plan = planLevel(b, source, embed.select, path, level);
	const where = [...join, ...plan.whereSql];
	const from = `from ${b.qualified(target.name)} as ${source.alias} where ${where.join(' and ')}`;
	const existsSql = `select 1 ${from}`;
	if (rel.toOne && (level.order || level.limit !== null || level.offset !== null)) {
		throw new ApiError({
			status: 400,
			code: 'PGRST100',
			message: `order, limit and offset do not apply to the to-one embed "${outputName}"`
		});
	}
	if (embed.spread) {
		if (!rel.toOne) {
			throw new ApiError({
				status: 400,
				code: 'PGRST100',
				message: `spread "...${embed.name}" is only supported on to-one relationships`
			});
		}
		const selectSql = embed.select.map((item) => {
			if (item.type !== 'field') {
				throw new ApiError({
					status: 400,
					code: 'PGRST100',
					message: `spread "...${embed.name}" accepts plain columns only`
				});
			}
			let expr = fieldExpr(b, source, item.field);
			if (item.cast) expr = `${expr}::${item.cast}`;
			const name = item.alias ?? fieldOutputName(item.field);
			return `(select ${expr} ${from} limit 1) as ${ident(name)}`;
		});
		return { outputName, selectSql, existsSql, inner: embed.inner };
	}
	// An empty embed `rel()` only filters (with !inner or `rel=not.is.null`): no output key.
	if (embed.select.length === 0)
		return { outputName, selectSql: [], existsSql, inner: embed.inner };
	const cols = plan.selectSql.length > 0 ? plan.selectSql.join(', ') : 'null as "_"';
	const e = b.alias();
	const inner = `select ${cols} ${from}${orderSql(b, source, level.order)}${pagingSql(b, level.limit, level.offset)}`;
	const selectSql = rel.toOne
		? `(select row_to_json(${e}) from (${inner}) as ${e}) as ${ident(outputName)}`
		: `(select coalesce(json_agg(${e}), '[]') from (${inner}) as ${e}) as ${ident(outputName)}`;
	return { outputName, selectSql: [selectSql], existsSql, inner: embed.inner };
}

function checkLevelsExist(parsed: ParsedQuery, items: SelectItem[]) {
	const known = new Set<string>(['']);
	const walk = (list: SelectItem[], prefix: string) => {
		for (const item of list) {
			if (item.type !== 'embed') continue;
			const path = prefix ? `${prefix}.${item.alias ?? item.name}` : (item.alias ?? item.name);
			known.add(path);
			walk(item.select, path);
		}
	};
	walk(items, '');
	for (const path of parsed.levels.keys()) {
		if (!known.has(path)) {
			throw new ApiError({
				status: 400,
				code: 'PGRST108',
				message: `'${path}' is not an embedded resource in this request`,
				hint: `Verify that '${path}' is included in the 'select' query parameter.`
			});
		}
	}
}

function finalSelect(
	b: Builder,
	source: Source,
	items: SelectItem[],
	fromSql: string,
	countSql: string | null,
	root: Level = b.parsed.levels.get('') ?? emptyLevel(),
	bodyExpr = 'json_agg(_p)'
): string {
	const plan = planLevel(b, source, items, '', root);
	const where = plan.whereSql.length ? ` where ${plan.whereSql.join(' and ')}` : '';
	const body =
		`select ${plan.selectSql.join(', ') || 'null as "_"'} ${fromSql}${where}` +
		orderSql(b, source, root.order) +
		pagingSql(b, root.limit, root.offset);
	const total = countSql === null ? 'null::bigint' : `(select count(*) ${countSql}${where})`;
	return (
		`, pgrst_page as (${body}) ` +
		`select ${total}::text as total, (select count(*) from pgrst_page)::text as page_total, ` +
		`coalesce((select ${bodyExpr} from pgrst_page as _p), '[]')::text as body`
	);
}

function relationSource(b: Builder, relation: Relation): Source {
	return {
		name: relation.name,
		relation: relation.name,
		columns: relation.columns,
		alias: b.alias()
	};
}

/**
 * `Prefer: count=planned`: the planner's row estimate for the read without its paging, as
 * PostgREST takes it from EXPLAIN. Its parameters are exactly those the planned query uses.
 */
export function buildPlannedCount(
	cache: SchemaCache,
	relation: Relation,
	parsed: ParsedQuery
): BuiltStatement {
	const b = new Builder(cache, parsed);
	const items = parsed.select ?? [{ type: 'star' }];
	const source = relationSource(b, relation);
	const plan = planLevel(b, source, items, '', parsed.levels.get('') ?? emptyLevel());
	const where = plan.whereSql.length ? ` where ${plan.whereSql.join(' and ')}` : '';
	const sql =
		`explain (format json) select ${plan.selectSql.join(', ') || '1'} ` +
		`from ${b.qualified(relation.name)} as ${source.alias}${where}`;
	return { sql, params: b.params };
}

/** Builds a read (GET/HEAD) of a table or view. */
export function buildRead(
	cache: SchemaCache,
	relation: Relation,
	parsed: ParsedQuery,
	options: { count: boolean }
): BuiltStatement {
	const b = new Builder(cache, parsed);
	const items = parsed.select ?? [{ type: 'star' }];
	checkLevelsExist(parsed, items);
	const source = relationSource(b, relation);
	const from = `from ${b.qualified(relation.name)} as ${source.alias}`;
	const sql =
		`with pgrst_source as (select 1)` +
		finalSelect(b, source, items, from, options.count ? from : null);
	return { sql, params: b.params };
}

function rejectPagingOnMutation(parsed: ParsedQuery) {
	const root = parsed.levels.get('');
	if (root && (root.limit !== null || root.offset !== null || root.order)) {
		throw new ApiError({
			status: 400,
			code: 'PGRST100',
			message: 'limit, offset and order are not supported on insert, update or delete here'
		});
	}
}

function unknownColumn(relation: Relation, name: string): ApiError {
	return new ApiError({
		status: 400,
		code: 'PGRST204',
		message: `Could not find the '${name}' column of '${relation.name}' in the schema cache`
	});
}

/** Validates the inserted/updated columns against the relation. */
function payloadColumns(
	relation: Relation,
	parsed: ParsedQuery,
	rows: Record<string, unknown>[]
): string[] {
	let columns: string[];
	if (parsed.columns) columns = parsed.columns;
	else {
		const first = rows[0] ?? {};
		columns = Object.keys(first);
		const key = [...columns].sort().join('\u0000');
		for (const row of rows) {
			if (Object.keys(row).sort().join('\u0000') !== key) {
				throw new ApiError({
					status: 400,
					code: 'PGRST102',
					message: 'All object keys must match'
				});
			}
		}
	}
	for (const c of columns) if (!relation.columns.has(c)) throw unknownColumn(relation, c);
	return [...new Set(columns)];
}

/** Everything a mutation needs besides the parsed query string. */
export type MutationOptions = {
	returnRepresentation: boolean;
	count: boolean;
	select: SelectItem[] | null;
};

function mutationTail(
	b: Builder,
	relation: Relation,
	options: MutationOptions,
	upsert = false
): string {
	const source = relationSource(b, relation);
	// For an upsert, how many rows were inserted (not updated): POST answers 201 or 200 by it.
	const inserted = upsert
		? `(select count(*) from pgrst_source where pgrst_inserted)::text as inserted`
		: 'null::text as inserted';
	if (!options.returnRepresentation) {
		return (
			` select null::text as total, (select count(*) from pgrst_source)::text as page_total, ` +
			`'[]'::text as body, ${inserted}`
		);
	}
	const items = options.select ?? [{ type: 'star' }];
	checkLevelsExist(b.parsed, items);
	// The relation's own columns only, in order, so that the row has the relation's row type
	// (computed fields take it) and helper columns of the mutation stay out of the output.
	const columns = [...relation.columns.keys()].map(ident).join(', ');
	const from = `from (select ${columns} from pgrst_source) as ${source.alias}`;
	// Root filters were applied by the mutation itself; only embed levels apply to the output.
	return finalSelect(b, source, items, from, null, emptyLevel()) + `, ${inserted}`;
}

/** Builds an insert or upsert of `rows` (already an array). */
export function buildInsert(
	cache: SchemaCache,
	relation: Relation,
	parsed: ParsedQuery,
	rows: Record<string, unknown>[],
	options: MutationOptions & {
		resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
		missingDefault: boolean;
	}
): BuiltStatement {
	rejectPagingOnMutation(parsed);
	const b = new Builder(cache, parsed);
	const columns = payloadColumns(relation, parsed, rows);
	const target = b.qualified(relation.name);
	let conflict: string[] = [];
	if (options.resolution) {
		conflict = parsed.onConflict ?? relation.primaryKey;
		if (conflict.length === 0) {
			throw new ApiError({
				status: 400,
				code: 'PGRST100',
				message: `upsert on '${relation.name}' needs on_conflict: it has no primary key`
			});
		}
		for (const c of conflict) if (!relation.columns.has(c)) throw unknownColumn(relation, c);
	} else if (parsed.onConflict) {
		throw new ApiError({
			status: 400,
			code: 'PGRST100',
			message: 'on_conflict needs Prefer: resolution=merge-duplicates or ignore-duplicates'
		});
	}
	const upsert = options.resolution !== null;

	/** One INSERT of `group` (rows that all carry `cols`), with its conflict and returning clauses. */
	const insertOf = (cols: string[], group: Record<string, unknown>[]): string => {
		const alias = b.alias();
		const bodyParam = b.param(JSON.stringify(group), '::jsonb');
		let insert: string;
		if (cols.length === 0) {
			// `{}` rows: every column takes its default, once per row.
			insert =
				group.length === 1
					? `insert into ${target} as ${alias} default values`
					: `insert into ${target} as ${alias} select from jsonb_array_elements(${bodyParam}) ` +
						`with ordinality as _e(v, ord) order by _e.ord`;
		} else {
			const values = cols.map((c) => `_r.${ident(c)}`).join(', ');
			insert =
				`insert into ${target} as ${alias} (${cols.map(ident).join(', ')}) select ${values} ` +
				`from jsonb_populate_recordset(null::${target}, ${bodyParam}) as _r`;
		}
		if (options.resolution) {
			insert += ` on conflict (${conflict.map(ident).join(', ')})`;
			// PostgREST sets every column of the payload, the conflict key included, so an upsert
			// of the key alone still touches (and returns) the existing row.
			insert +=
				options.resolution === 'ignore-duplicates' || cols.length === 0
					? ' do nothing'
					: ` do update set ${cols.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`;
		}
		// xmax is 0 for a row this statement inserted, and set for one it updated.
		const insertedFlag = upsert ? `, (${alias}.xmax = 0) as pgrst_inserted` : '';
		insert += options.returnRepresentation
			? ` returning ${alias}.*${insertedFlag}`
			: ` returning 1${insertedFlag}`;
		return insert;
	};

	// Prefer: missing=default: a row without a key takes that column's default. Rows are inserted
	// in groups by the keys they carry, so Postgres applies every default itself (identity
	// columns included) instead of the gateway guessing the default's SQL.
	const groups = new Map<string, { cols: string[]; rows: Record<string, unknown>[] }>();
	if (options.missingDefault) {
		for (const row of rows) {
			const cols = columns.filter((c) => Object.hasOwn(row, c));
			const key = cols.join('\u0000');
			const group = groups.get(key) ?? { cols, rows: [] };
			group.rows.push(row);
			groups.set(key, group);
		}
	}
	let sql: string;
	if (
		groups.size > 1 ||
		(groups.size === 1 && [...groups.values()][0]?.cols.length !== columns.length)
	) {
		const parts = [...groups.values()].map(
			(g, i) => `pgrst_insert_${i} as (${insertOf(g.cols, g.rows)})`
		);
		const union = parts.map((_, i) => `select * from pgrst_insert_${i}`).join(' union all ');
		sql = `with ${parts.join(', ')}, pgrst_source as (${union})`;
	} else {
		sql = `with pgrst_source as (${insertOf(columns, rows)})`;
	}
	return { sql: sql + mutationTail(b, relation, options, upsert), params: b.params };
}

function requireFilters(parsed: ParsedQuery, verb: 'UPDATE' | 'DELETE') {
	// Supabase loads pg-safeupdate for API requests: no unfiltered update or delete.
	if ((parsed.levels.get('')?.filters.length ?? 0) === 0) {
		throw new ApiError({
			status: 400,
			code: '21000',
			message: `${verb} requires a WHERE clause`
		});
	}
}

function rootWhere(b: Builder, source: Source): string {
	const root = b.parsed.levels.get('') ?? emptyLevel();
	const parts = root.filters.map((f) => filterSql(b, source, f, []));
	return parts.length ? ` where ${parts.join(' and ')}` : '';
}

/** Builds a PATCH: update the filtered rows with the body's columns. */
export function buildUpdate(
	cache: SchemaCache,
	relation: Relation,
	parsed: ParsedQuery,
	row: Record<string, unknown>,
	options: MutationOptions
): BuiltStatement {
	rejectPagingOnMutation(parsed);
	requireFilters(parsed, 'UPDATE');
	const b = new Builder(cache, parsed);
	const columns = payloadColumns(relation, parsed, [row]);
	const source = relationSource(b, relation);
	const target = b.qualified(relation.name);
	if (columns.length === 0) {
		const sql =
			`with pgrst_source as (select ${source.alias}.* from ${target} as ${source.alias} where false)` +
			mutationTail(b, relation, options);
		return { sql, params: b.params };
	}
	const bodyParam = b.param(JSON.stringify(row), '::jsonb');
	const sets = columns.map((c) => `${ident(c)} = _r.${ident(c)}`).join(', ');
	const update =
		`update ${target} as ${source.alias} set ${sets} ` +
		`from (select * from jsonb_populate_record(null::${target}, ${bodyParam})) as _r` +
		rootWhere(b, source) +
		(options.returnRepresentation ? ` returning ${source.alias}.*` : ' returning 1');
	return {
		sql: `with pgrst_source as (${update})` + mutationTail(b, relation, options),
		params: b.params
	};
}

/** Builds a DELETE of the filtered rows. */
export function buildDelete(
	cache: SchemaCache,
	relation: Relation,
	parsed: ParsedQuery,
	options: MutationOptions
): BuiltStatement {
	rejectPagingOnMutation(parsed);
	requireFilters(parsed, 'DELETE');
	const b = new Builder(cache, parsed);
	const source = relationSource(b, relation);
	const del =
		`delete from ${b.qualified(relation.name)} as ${source.alias}` +
		rootWhere(b, source) +
		(options.returnRepresentation ? ` returning ${source.alias}.*` : ' returning 1');
	return {
		sql: `with pgrst_source as (${del})` + mutationTail(b, relation, options),
		params: b.params
	};
}

/** How an RPC result is shaped into JSON. */
export type RpcShape = 'scalar' | 'set-scalar' | 'rows' | 'row' | 'void';

/** Chooses the overload of `name` whose arguments match `argNames`; PGRST202/203 otherwise. */
export function resolveFunction(
	cache: SchemaCache,
	name: string,
	argNames: string[],
	body: unknown
): { fn: DbFunction; singleJson: boolean } {
	const overloads = cache.functions.get(name) ?? [];
	const given = new Set(argNames);
	// Unnamed parameters are never matched by name: a body key "" names no parameter.
	const matches = overloads.filter(
		(fn) =>
			fn.args.every((a) => (a.name !== '' && given.has(a.name)) || a.hasDefault) &&
			argNames.every((n) => n !== '' && fn.args.some((a) => a.name === n))
	);
	if (matches.length === 1) return { fn: matches[0] as DbFunction, singleJson: false };
	if (matches.length > 1) {
		throw new ApiError({
			status: 300,
			code: 'PGRST203',
			message: `Could not choose the best candidate function between: ${matches.map((f) => `${cache.schema}.${f.name}(${f.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`).join(', ')}`,
			hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
		});
	}
	// A function with one unnamed json/jsonb argument receives the whole body, as PostgREST does.
	const single = overloads.find(
		(fn) => fn.args.length === 1 && fn.args[0]?.name === '' && /^jsonb?$/.test(fn.args[0].type)
	);
	if (single && body !== undefined) return { fn: single, singleJson: true };
	throw new ApiError({
		status: 404,
		code: 'PGRST202',
		message: `Could not find the function ${cache.schema}.${name}${argNames.length ? `(${[...argNames].sort().join(', ')})` : ' without parameters'} in the schema cache`,
		hint: null,
		details: `Searched for the function ${cache.schema}.${name} with parameter${argNames.length === 1 ? '' : 's'} ${[...argNames].sort().join(', ') || '(none)'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
	});
}

/** Builds an RPC call: named arguments from a JSON object bound as one parameter. */
export function buildRpc(
	cache: SchemaCache,
	fn: DbFunction,
	args: Record<string, unknown>,
	singleJson: unknown,
	parsed: ParsedQuery,
	options: { count: boolean }
): BuiltStatement & { shape: RpcShape } {
	const b = new Builder(cache, parsed);
	let call: string;
	let argsCte = '';
	if (singleJson !== undefined) {
		const t = fn.args[0]?.type === 'json' ? '::json' : '::jsonb';
		call = `${b.qualified(fn.name)}(${b.param(JSON.stringify(singleJson), t)})`;
	} else {
		const named = fn.args.filter((a) => Object.hasOwn(args, a.name));
		if (named.length > 0) {
			const defs = named.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
			argsCte = `pgrst_args as (select * from json_to_record(${b.param(JSON.stringify(args), '::json')}) as _a(${defs})), `;
		}
		call = `${b.qualified(fn.name)}(${named.map((a) => `${ident(a.name)} := pgrst_args.${ident(a.name)}`).join(', ')})`;
	}
	const from = argsCte ? 'from pgrst_args' : '';
	const hasQuery =
		parsed.select !== null ||
		[...parsed.levels.values()].some(
			(l) => l.filters.length > 0 || l.order || l.limit !== null || l.offset !== null
		);
	if (fn.returnType === 'void' && !fn.returnsSet) {
		if (hasQuery) throw rpcQueryError(fn);
		return {
			sql: `with ${argsCte}pgrst_source as (select ${call} ${from}) select null::text as total, '1' as page_total, 'null' as body from pgrst_source`,
			params: b.params,
			shape: 'void'
		};
	}
	if (!fn.returnColumns && !fn.returnsSet) {
		if (hasQuery) throw rpcQueryError(fn);
		return {
			sql: `with ${argsCte}pgrst_source as (select ${call} as v ${from}) select null::text as total, '1' as page_total, (select to_json(v) from pgrst_source)::text as body`,
			params: b.params,
			shape: 'scalar'
		};
	}
	const columns = new Map<string, Column>();
	if (fn.returnColumns) for (const c of fn.returnColumns) columns.set(c.name, c);
	else
		columns.set(fn.name, {
			name: fn.name,
			type: fn.returnType,
			nullable: true,
			defaultExpr: null,
			generated: false
		});
	const source: Source = { name: fn.name, relation: fn.returnRelation, columns, alias: b.alias() };
	const shape: RpcShape = !fn.returnColumns ? 'set-scalar' : fn.returnsSet ? 'rows' : 'row';
	// A set of scalars gets a named column so filters and order can refer to it by the function name.
	const columnAlias = shape === 'set-scalar' ? `(${ident(fn.name)})` : '';
	const fromSql = argsCte
		? `from pgrst_args cross join lateral ${call} as ${source.alias}${columnAlias}`
		: `from ${call} as ${source.alias}${columnAlias}`;
	if (shape === 'set-scalar' && parsed.select) throw rpcQueryError(fn);
	const items = parsed.select ?? [{ type: 'star' }];
	checkLevelsExist(parsed, items);
	const bodyExpr = shape === 'set-scalar' ? `json_agg(_p.${ident(fn.name)})` : 'json_agg(_p)';
	const root = parsed.levels.get('') ?? emptyLevel();
	const tail = finalSelect(
		b,
		source,
		items,
		fromSql,
		options.count ? fromSql : null,
		root,
		bodyExpr
	);
	const sql = `with ${argsCte}pgrst_source as (select 1)` + tail;
	return { sql, params: b.params, shape };
}

function rpcQueryError(fn: DbFunction): ApiError {
	return new ApiError({
		status: 400,
		code: 'PGRST100',
		message: `filters, select, order and paging apply only to functions returning rows; ${fn.name} returns ${fn.returnType}`
	});
}
