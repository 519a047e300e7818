// The schema cache: what PostgREST reads from the catalog at start and after migrations —
// tables and views of the exposed schema with their columns, keys and foreign keys, and its
// functions — so identifiers in requests can be checked before any SQL is built.
import type { Query } from '../types.ts';

export type Column = {
	name: string;
	/** format_type() of the column, e.g. `integer`, `text[]`, `timestamp with time zone`. */
	type: string;
	nullable: boolean;
	/** pg_get_expr() of the default, from the catalog (trusted SQL), or null. */
	defaultExpr: string | null;
	generated: boolean;
};

export type Relation = {
	name: string;
	kind: 'table' | 'view' | 'materialized_view' | 'foreign_table' | 'partitioned_table';
	columns: Map<string, Column>;
	primaryKey: string[];
	/** Column sets that are unique: the primary key and every unique index without predicate. */
	uniqueKeys: string[][];
};

export type ForeignKey = {
	constraint: string;
	table: string;
	columns: string[];
	foreignTable: string;
	foreignColumns: string[];
};

export type FunctionArg = { name: string; type: string; hasDefault: boolean };

export type DbFunction = {
	name: string;
	args: FunctionArg[];
	/** format_type() of the return type. */
	returnType: string;
	returnsSet: boolean;
	/** Columns of the result rows when the function returns a row type or OUT/TABLE columns. */
	returnColumns: Column[] | null;
	/** The table or view whose row type is returned, for embedding from RPC results. */
	returnRelation: string | null;
	/** The table or view whose row type is the function's only argument (a computed field). */
	rowTypeArg: string | null;
	volatility: 'immutable' | 'stable' | 'volatile';
};

export type SchemaCache = {
	schema: string;
	relations: Map<string, Relation>;
	foreignKeys: ForeignKey[];
	functions: Map<string, DbFunction[]>;
	/** relation → field name → function: PostgREST's computed fields. */
	computedFields: Map<string, Map<string, DbFunction>>;
};

const RELATIONS_SQL = `
select c.relname as name, c.relkind::text as kind,
  coalesce(json_agg(json_build_object(
    'name', a.attname,
    'type', format_type(a.atttypid, a.atttypmod),
    'nullable', not a.attnotnull,
    'default', pg_get_expr(d.adbin, d.adrelid),
    'generated', a.attgenerated <> ''
  ) order by a.attnum) filter (where a.attnum is not null), '[]')::text as columns,
  coalesce((
    select json_agg(pa.attname order by k.ord)::text
    from pg_index i
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute pa on pa.attrelid = i.indrelid and pa.attnum = k.attnum
    where i.indrelid = c.oid and i.indisprimary
  ), '[]') as primary_key,
  coalesce((
    select json_agg((
      select json_agg(pa.attname order by k.ord)
      from unnest(i.indkey) with ordinality as k(attnum, ord)
      join pg_attribute pa on pa.attrelid = i.indrelid and pa.attnum = k.attnum
    ))::text
    from pg_index i
    where i.indrelid = c.oid and i.indisunique and i.indpred is null and 0 <> all (i.indkey)
  ), '[]') as unique_keys
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
where n.nspname = $1 and c.relkind in ('r', 'v', 'm', 'f', 'p')
group by c.oid, c.relname, c.relkind
`;

const FOREIGN_KEYS_SQL = `
select con.conname as constraint, cl.relname as table, fcl.relname as foreign_table,
  (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as columns,
  (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
     join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)::text as foreign_columns
from pg_constraint con
join pg_class cl on cl.oid = con.conrelid
join pg_namespace n on n.oid = cl.relnamespace
join pg_class fcl on fcl.oid = con.confrelid
join pg_namespace fn on fn.oid = fcl.relnamespace
where con.contype = 'f' and n.nspname = $1 and fn.nspname = $1
order by con.conname
`;

const FUNCTIONS_SQL = `
select p.proname as name, p.proretset as returns_set, p.provolatile::text as volatility,
  format_type(p.prorettype, null) as return_type, p.pronargs as nargs,
  p.pronargdefaults as ndefaults,
  coalesce(p.proargnames, '{}')::text[] as arg_names,
  coalesce(p.proargmodes::text[], '{}') as arg_modes,
  array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
        with ordinality as x(t, ord) order by ord) as arg_types,
  case when rt.typrelid <> 0 then rc.relname end as return_relation,
  rn.nspname as return_relation_schema,
  (select ac.relname from pg_type at join pg_class ac on ac.oid = at.typrelid
     join pg_namespace an on an.oid = ac.relnamespace
   where p.pronargs = 1 and at.oid = p.proargtypes[0] and an.nspname = $1) as row_type_arg
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
left join pg_class rc on rc.oid = rt.typrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = $1 and p.prokind = 'f'
order by p.proname, p.oid
`;

// Each view column's source column, read from the view's query tree like PostgREST does: the
// top-level target entry for column n is the last `:resno n :resname …` in ev_action's text.
const VIEW_COLUMNS_SQL = `
select c.relname as view, a.attnum, a.attname,
  (regexp_matches(r.ev_action::text, ':resno ' || a.attnum || ' :resname ' || a.attname ||
     ' :ressortgroupref \\d+ :resorigtbl (\\d+) :resorigcol (\\d+)', 'g')) as origin
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_rewrite r on r.ev_class = c.oid and r.rulename = '_RETURN'
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where n.nspname = $1 and c.relkind in ('v', 'm')
`;

const ATTRIBUTE_SQL = `
select c.oid::text as oid, c.relname as table, a.attnum, a.attname
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
where n.nspname = $1 and c.relkind in ('r', 'p')
`;

/**
 * Relationships through views: a view exposing all columns of a foreign key (on either side)
 * takes part in that relationship, as PostgREST infers from view definitions.
 */
async function viewForeignKeys(q: Query, schema: string, tableKeys: ForeignKey[]) {
	const attributes = new Map<string, { table: string; column: string }>();
	for (const row of (await q(ATTRIBUTE_SQL, [schema])).rows) {
		attributes.set(`${String(row.oid)}:${String(row.attnum)}`, {
			table: String(row.table),
			column: String(row.attname)
		});
	}
	// view -> "table.column" -> view column (the last match per view column wins)
	const origins = new Map<string, Map<string, string>>();
	const lastByColumn = new Map<string, string>();
	for (const row of (await q(VIEW_COLUMNS_SQL, [schema])).rows) {
		const origin = row.origin as string[] | null;
		if (!origin) continue;
		lastByColumn.set(
			`${String(row.view)}\u0000${String(row.attname)}`,
			`${origin[0]}:${origin[1]}`
		);
	}
	for (const [key, attr] of lastByColumn) {
		const [view = '', column = ''] = key.split('\u0000');
		const source = attributes.get(attr);
		if (!source) continue;
		const map = origins.get(view) ?? new Map<string, string>();
		map.set(`${source.table}.${source.column}`, column);
		origins.set(view, map);
	}
	const keys: ForeignKey[] = [];
	for (const [view, map] of origins) {
		for (const fk of tableKeys) {
			const own = fk.columns.map((c) => map.get(`${fk.table}.${c}`));
			if (own.every((c): c is string => c !== undefined)) {
				keys.push({ ...fk, table: view, columns: own });
			}
			const referenced = fk.foreignColumns.map((c) => map.get(`${fk.foreignTable}.${c}`));
			if (referenced.every((c): c is string => c !== undefined)) {
				keys.push({ ...fk, foreignTable: view, foreignColumns: referenced });
			}
		}
	}
	return keys;
}

const KINDS: Record<string, Relation['kind']> = {
	r: 'table',
	v: 'view',
	m: 'materialized_view',
	f: 'foreign_table',
	p: 'partitioned_table'
};

type RawColumn = {
	name: string;
	type: string;
	nullable: boolean;
	default: string | null;
	generated: boolean;
};

function textArray(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return [];
}

/** Reads the schema cache for `schema` (default `public`) through `q`. */
export async function loadSchemaCache(q: Query, schema = 'public'): Promise<SchemaCache> {
	const relations = new Map<string, Relation>();
	for (const row of (await q(RELATIONS_SQL, [schema])).rows) {
		const columns = new Map<string, Column>();
		for (const c of JSON.parse(String(row.columns)) as RawColumn[]) {
			columns.set(c.name, {
				name: c.name,
				type: c.type,
				nullable: c.nullable,
				defaultExpr: c.default,
				generated: c.generated
			});
		}
		const name = String(row.name);
		relations.set(name, {
			name,
			kind: KINDS[String(row.kind)] ?? 'table',
			columns,
			primaryKey: JSON.parse(String(row.primary_key)) as string[],
			uniqueKeys: JSON.parse(String(row.unique_keys)) as string[][]
		});
	}
	const tableKeys: ForeignKey[] = (await q(FOREIGN_KEYS_SQL, [schema])).rows.map((row) => ({
		constraint: String(row.constraint),
		table: String(row.table),
		columns: JSON.parse(String(row.columns)) as string[],
		foreignTable: String(row.foreign_table),
		foreignColumns: JSON.parse(String(row.foreign_columns)) as string[]
	}));
	const foreignKeys = [...tableKeys, ...(await viewForeignKeys(q, schema, tableKeys))];
	const functions = new Map<string, DbFunction[]>();
	const computedFields = new Map<string, Map<string, DbFunction>>();
	for (const row of (await q(FUNCTIONS_SQL, [schema])).rows) {
		const names = textArray(row.arg_names);
		const modes = textArray(row.arg_modes);
		const types = textArray(row.arg_types);
		const nargs = Number(row.nargs);
		const ndefaults = Number(row.ndefaults);
		const inArgs: { name: string; type: string }[] = [];
		const outColumns: Column[] = [];
		types.forEach((type, i) => {
			const mode = modes[i] ?? 'i';
			const name = names[i] ?? '';
			if (mode === 'i' || mode === 'b' || mode === 'v') inArgs.push({ name, type });
			if (mode === 'o' || mode === 'b' || mode === 't') {
				outColumns.push({ name, type, nullable: true, defaultExpr: null, generated: false });
			}
		});
		const args = inArgs.map((a, i) => ({ ...a, hasDefault: i >= nargs - ndefaults }));
		const returnRelation =
			row.return_relation !== null && row.return_relation_schema === schema
				? String(row.return_relation)
				: null;
		const relationColumns = returnRelation ? relations.get(returnRelation)?.columns : undefined;
		const fn: DbFunction = {
			name: String(row.name),
			args,
			returnType: String(row.return_type),
			returnsSet: Boolean(row.returns_set),
			returnColumns: relationColumns
				? [...relationColumns.values()]
				: outColumns.length > 0
					? outColumns
					: null,
			returnRelation,
			rowTypeArg: row.row_type_arg === null ? null : String(row.row_type_arg),
			volatility:
				row.volatility === 'i' ? 'immutable' : row.volatility === 's' ? 'stable' : 'volatile'
		};
		const list = functions.get(fn.name) ?? [];
		list.push(fn);
		functions.set(fn.name, list);
		// A function of one row that returns one value is a computed field of that relation;
		// one returning a set of rows would be a computed relationship, which is not supported.
		if (fn.rowTypeArg !== null && !fn.returnsSet && relations.has(fn.rowTypeArg)) {
			const fields = computedFields.get(fn.rowTypeArg) ?? new Map<string, DbFunction>();
			fields.set(fn.name, fn);
			computedFields.set(fn.rowTypeArg, fields);
		}
	}
	return { schema, relations, foreignKeys, functions, computedFields };
}
