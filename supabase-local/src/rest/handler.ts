// The PostgREST subset over HTTP: maps one web Request (already authenticated by the front) to
// one transaction with one statement, and the result to PostgREST's status codes and headers.
import type { DatabaseRole, Executor, QueryResult } from '../types.ts';
import {
	buildDelete,
	buildInsert,
	buildPlannedCount,
	buildRead,
	buildRpc,
	buildUpdate,
	resolveFunction,
	type BuiltStatement,
	type RpcShape
} from './build.ts';
import { ApiError, fromDatabaseError } from './errors.ts';
import { parsePrefer, parseQuery, parseRange, type ParsedQuery } from './parse.ts';
import type { Relation, SchemaCache } from './schema.ts';

export type RestContext = { role: DatabaseRole; claims: Record<string, unknown> };

export type RestDeps = {
	executor: Executor;
	/** The current schema cache. */
	schema: () => SchemaCache;
	/** Re-reads the schema cache; called once when a name is missing, as after a migration. */
	reloadSchema?: () => Promise<void>;
	/** PostgREST's db-max-rows (Supabase's [api] max_rows): caps rows a read returns. */
	maxRows?: number | null;
};

const JSON_TYPE = 'application/json; charset=utf-8';
const OBJECT_TYPE = 'application/vnd.pgrst.object+json';

/** Answers `error` as PostgREST does. */
export function errorResponse(error: ApiError): Response {
	return new Response(JSON.stringify(error.toJSON()), {
		status: error.status,
		headers: { 'content-type': JSON_TYPE, ...error.headers }
	});
}

type Accept = { single: boolean; stripNulls: boolean };

function negotiate(header: string | null): Accept {
	if (!header) return { single: false, stripNulls: false };
	const offered = header.split(',').map((s) => s.trim().toLowerCase());
	for (const item of offered) {
		const [type, ...params] = item.split(';').map((s) => s.trim());
		const stripNulls = params.includes('nulls=stripped');
		if (type === OBJECT_TYPE) return { single: true, stripNulls };
		if (type === 'application/json' || type === '*/*' || type === 'application/*') {
			return { single: false, stripNulls: false };
		}
		if (type === 'application/vnd.pgrst.array+json') return { single: false, stripNulls };
	}
	throw new ApiError({
		status: 406,
		code: 'PGRST107',
		message: `None of these media types are available: ${offered.join(', ')}`
	});
}

function checkProfile(request: Request) {
	const read = request.method === 'GET' || request.method === 'HEAD';
	const profile = request.headers.get(read ? 'accept-profile' : 'content-profile');
	if (profile !== null && profile !== 'public') {
		throw new ApiError({
			status: 406,
			code: 'PGRST106',
			message: `Invalid schema: ${profile}`,
			hint: 'Only the following schemas are exposed: public'
		});
	}
}

async function readJsonBody(request: Request): Promise<unknown> {
	const type = (request.headers.get('content-type') ?? 'application/json').toLowerCase();
	const text = await request.text();
	if (!type.startsWith('application/json') && !type.startsWith('application/vnd.pgrst')) {
		throw new ApiError({
			status: 415,
			code: 'PGRST107',
			message: `Content-Type not acceptable: ${type}`
		});
	}
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ApiError({ status: 400, code: 'PGRST102', message: 'Empty or invalid json' });
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function singleError(rows: number): ApiError {
	return new ApiError({
		status: 406,
		code: 'PGRST116',
		message: 'Cannot coerce the result to a single JSON object',
		details: `The result contains ${rows} rows`
	});
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost
			);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/** PostgREST's "Perhaps you meant …" hint: the closest known name, if close enough. */
function suggestion(name: string, known: string[], what: string): string | null {
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	if (best === null || bestDistance > Math.max(2, Math.floor(name.length / 3))) return null;
	return `Perhaps you meant the ${what} 'public.${best}'`;
}

function misplaced(parameter: string, where: string): ApiError {
	return new ApiError({
		status: 400,
		code: 'PGRST100',
		message: `"${parameter}" does not apply to ${where} requests here`
	});
}

function stripNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stripNulls);
	if (isRecord(value)) {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== null)
				.map(([k, v]) => [k, stripNulls(v)])
		);
	}
	return value;
}

/** Caps the root level's limit at max rows, as PostgREST does for reads. */
function applyMaxRows(parsed: ParsedQuery, maxRows: number | null | undefined) {
	const root = parsed.levels.get('');
	if (!root || !maxRows) return;
	root.limit = root.limit === null ? maxRows : Math.min(root.limit, maxRows);
}

/** Applies a Range header to the root level's limit/offset (their intersection). */
function applyRange(parsed: ParsedQuery, header: string | null) {
	const range = parseRange(header);
	if (!range) return;
	const root = parsed.levels.get('');
	if (!root) return;
	const qOffset = root.offset ?? 0;
	const qEnd = root.limit === null ? Infinity : qOffset + root.limit;
	const rEnd = range.limit === null ? Infinity : range.offset + range.limit;
	const offset = Math.max(qOffset, range.offset);
	const end = Math.min(qEnd, rEnd);
	root.offset = offset;
	root.limit = end === Infinity ? null : Math.max(0, end - offset);
}

type Outcome = {
	total: number | null;
	pageTotal: number;
	body: string;
	/** Rows an upsert inserted (rather than updated); null for other requests. */
	inserted: number | null;
};

function readOutcome(result: QueryResult): Outcome {
	const row = result.rows[0] ?? {};
	return {
		total: row.total === null || row.total === undefined ? null : Number(row.total),
		pageTotal: Number(row.page_total ?? 0),
		body: String(row.body ?? '[]'),
		inserted: row.inserted === null || row.inserted === undefined ? null : Number(row.inserted)
	};
}

/** The top plan node's row estimate from `explain (format json)`. */
function plannedRows(result: QueryResult): number {
	const raw = result.rows[0]?.['QUERY PLAN'];
	const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
		Plan?: { 'Plan Rows'?: number };
	}[];
	return Math.round(Number(plan[0]?.Plan?.['Plan Rows'] ?? 0));
}

/** PGRST124: `max-affected` (with handling=strict) is lower than the rows the request changed. */
function checkMaxAffected(maxAffected: number | null, affected: number) {
	if (maxAffected !== null && affected > maxAffected) {
		throw new ApiError({
			status: 400,
			code: 'PGRST124',
			message: 'Query result exceeds max-affected preference constraint',
			details: `The query affects ${affected} rows`
		});
	}
}

/** Creates the `/rest/v1/*` handler. */
export function createRestHandler(deps: RestDeps) {
	let lastReload = 0;
	async function lookup<T>(find: (cache: SchemaCache) => T | undefined): Promise<T | undefined> {
		const hit = find(deps.schema());
		if (hit !== undefined || !deps.reloadSchema || Date.now() - lastReload < 1000) return hit;
		lastReload = Date.now();
		await deps.reloadSchema();
		return find(deps.schema());
	}

	async function relationFor(name: string): Promise<Relation> {
		const relation = await lookup((c) => c.relations.get(name));
		if (!relation) {
			throw new ApiError({
				status: 404,
				code: 'PGRST205',
				message: `Could not find the table 'public.${name}' in the schema cache`,
				hint: suggestion(name, [...deps.schema().relations.keys()], 'table')
			});
		}
		return relation;
	}

	async function run(
		request: Request,
		ctx: RestContext,
		path: string,
		statement: BuiltStatement,
		check?: (o: Outcome) => void,
		planned?: BuiltStatement
	): Promise<Outcome> {
		try {
			return await deps.executor.request(
				{ role: ctx.role, claims: ctx.claims, method: request.method, path },
				async (q) => {
					const outcome = readOutcome(await q(statement.sql, statement.params));
					if (planned) outcome.total = plannedRows(await q(planned.sql, planned.params));
					// Throwing here rolls the transaction back, as PostgREST does on PGRST116.
					check?.(outcome);
					return outcome;
				}
			);
		} catch (error) {
			if (error instanceof ApiError) throw error;
			const api = fromDatabaseError(error, ctx.role === 'anon');
			if (api) throw api;
			throw error;
		}
	}

	function contentRange(offset: number, o: Outcome): string {
		const total = o.total === null ? '*' : String(o.total);
		return o.pageTotal === 0 ? `*/${total}` : `${offset}-${offset + o.pageTotal - 1}/${total}`;
	}

	function respond(
		status: number,
		headers: Record<string, string>,
		body: string | null,
		head: boolean
	): Response {
		return new Response(head || body === null ? null : body, {
			status,
			headers: body === null ? headers : { 'content-type': JSON_TYPE, ...headers }
		});
	}

	function shapeBody(o: Outcome, accept: Accept, shape: 'array' | RpcShape): string {
		if (shape === 'scalar' || shape === 'void') return o.body;
		let data = JSON.parse(o.body) as unknown;
		if (shape === 'row') data = Array.isArray(data) ? (data[0] ?? null) : data;
		else if (accept.single) {
			if (!Array.isArray(data) || data.length !== 1) throw singleError(o.pageTotal);
			data = data[0];
		}
		if (accept.stripNulls) data = stripNulls(data);
		return JSON.stringify(data);
	}

	async function handleTable(request: Request, ctx: RestContext, name: string, path: string) {
		const url = new URL(request.url);
		const method = request.method;
		const accept = negotiate(request.headers.get('accept'));
		const prefs = parsePrefer([request.headers.get('prefer') ?? '']);
		const parsed = parseQuery(url.searchParams.entries());
		const relation = await relationFor(name);
		const cache = deps.schema();
		const count = prefs.count !== null;
		const applied = prefs.applied.filter(
			(p) =>
				(!p.startsWith('missing') || method === 'POST') &&
				(!p.startsWith('max-affected') || method === 'PATCH' || method === 'DELETE')
		);
		const preferenceApplied: Record<string, string> = applied.length
			? { 'preference-applied': applied.join(', ') }
			: {};

		if (parsed.onConflict && method !== 'POST') throw misplaced('on_conflict', method);
		if (parsed.columns && method !== 'POST' && method !== 'PATCH')
			throw misplaced('columns', method);
		if (method === 'GET' || method === 'HEAD') {
			applyRange(parsed, request.headers.get('range'));
			applyMaxRows(parsed, deps.maxRows);
			const root = parsed.levels.get('');
			const offset = root?.offset ?? 0;
			// count=planned: the planner's estimate, as PostgREST reports it (estimated is exact here).
			const planned =
				prefs.count === 'planned' ? buildPlannedCount(cache, relation, parsed) : undefined;
			const o = await run(
				request,
				ctx,
				path,
				buildRead(cache, relation, parsed, { count: count && !planned }),
				undefined,
				planned
			);
			if (o.total !== null && offset > 0 && offset >= o.total && o.pageTotal === 0) {
				throw new ApiError({
					status: 416,
					code: 'PGRST103',
					message: 'Requested range not satisfiable',
					details: `An offset of ${offset} was requested, but there are only ${o.total} rows.`,
					headers: { 'content-range': `*/${o.total}` }
				});
			}
			const body = shapeBody(o, accept, 'array');
			const status = o.total !== null && o.pageTotal < o.total ? 206 : 200;
			return respond(
				status,
				{ 'content-range': contentRange(offset, o), ...preferenceApplied },
				body,
				method === 'HEAD'
			);
		}

		const representation = prefs.return === 'representation';
		const options = { returnRepresentation: representation, count, select: parsed.select };
		const check = (o: Outcome) => {
			if (accept.single && representation && o.pageTotal !== 1) throw singleError(o.pageTotal);
			if (method === 'PATCH' || method === 'DELETE') checkMaxAffected(maxAffected, o.pageTotal);
		};
		const maxAffected = prefs.strict ? prefs.maxAffected : null;
		let statement: BuiltStatement;
		let status: number;
		if (method === 'POST') {
			const body = await readJsonBody(request);
			const rows = Array.isArray(body) ? body : isRecord(body) ? [body] : null;
			if (!rows || !rows.every(isRecord)) {
				throw new ApiError({
					status: 400,
					code: 'PGRST102',
					message: 'Empty or invalid json',
					details: 'An insert takes a JSON object or an array of JSON objects'
				});
			}
			statement = buildInsert(cache, relation, parsed, rows, {
				...options,
				resolution: prefs.resolution,
				missingDefault: prefs.missing === 'default'
			});
			status = 201;
		} else if (method === 'PATCH') {
			const body = await readJsonBody(request);
			if (!isRecord(body)) {
				throw new ApiError({
					status: 400,
					code: 'PGRST102',
					message: 'Empty or invalid json',
					details: 'An update takes one JSON object'
				});
			}
			statement = buildUpdate(cache, relation, parsed, body, options);
			status = representation ? 200 : 204;
		} else if (method === 'DELETE') {
			statement = buildDelete(cache, relation, parsed, options);
			status = representation ? 200 : 204;
		} else {
			throw new ApiError({
				status: 405,
				code: 'PGRST105',
				message: `${method} is not supported on tables here; use POST, PATCH or DELETE`
			});
		}
		const o = await run(request, ctx, path, statement, check);
		const headers = {
			'content-range': `*/${count ? o.pageTotal : '*'}`,
			...preferenceApplied
		};
		// PostgREST: an upsert that inserted nothing (it only updated) answers 200, not 201.
		if (method === 'POST' && prefs.resolution && o.pageTotal > 0 && o.inserted === 0) status = 200;
		if (!representation) return respond(status, headers, null, false);
		return respond(status, headers, shapeBody(o, accept, 'array'), false);
	}

	async function handleRpc(request: Request, ctx: RestContext, name: string, path: string) {
		const url = new URL(request.url);
		const method = request.method;
		if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
			throw new ApiError({
				status: 405,
				code: 'PGRST101',
				message: 'Only GET, HEAD and POST are allowed for functions'
			});
		}
		const accept = negotiate(request.headers.get('accept'));
		const prefs = parsePrefer([request.headers.get('prefer') ?? '']);
		const overloads = (await lookup((c) => c.functions.get(name))) ?? [];
		const cache = deps.schema();
		let args: Record<string, unknown> = {};
		let body: unknown;
		let parsed: ParsedQuery;
		if (method === 'POST') {
			body = await readJsonBody(request);
			parsed = parseQuery(url.searchParams.entries());
			if (body !== undefined && isRecord(body)) args = body;
			else if (
				body !== undefined &&
				!overloads.some((f) => f.args.length === 1 && f.args[0]?.name === '')
			) {
				throw new ApiError({
					status: 400,
					code: 'PGRST102',
					message: 'Empty or invalid json',
					details: 'Function arguments are a JSON object of named parameters'
				});
			}
		} else {
			const names = new Set(overloads.flatMap((f) => f.args.map((a) => a.name)).filter(Boolean));
			parsed = parseQuery(url.searchParams.entries(), { rpcArgNames: names });
			// A repeated argument (`?ids=1&ids=2`) becomes an array, as PostgREST does.
			const multi = new Map<string, string[]>();
			for (const [k, v] of url.searchParams.entries()) {
				if (names.has(k)) multi.set(k, [...(multi.get(k) ?? []), v]);
			}
			for (const [k, values] of multi) args[k] = values.length === 1 ? values[0] : values;
		}
		if (parsed.onConflict) throw misplaced('on_conflict', 'an RPC');
		if (parsed.columns) throw misplaced('columns', 'an RPC');
		const { fn, singleJson } = resolveFunction(cache, name, Object.keys(args), body);
		applyRange(parsed, method === 'POST' ? null : request.headers.get('range'));
		const count = prefs.count !== null;
		const returnsRows = fn.returnsSet;
		if (returnsRows) applyMaxRows(parsed, deps.maxRows);
		const statement = buildRpc(cache, fn, args, singleJson ? body : undefined, parsed, { count });
		const check = (o: Outcome) => {
			if (accept.single && (statement.shape === 'rows' || statement.shape === 'set-scalar')) {
				if (o.pageTotal !== 1) throw singleError(o.pageTotal);
			}
			if (prefs.strict) checkMaxAffected(prefs.maxAffected, o.pageTotal);
		};
		const o = await run(request, ctx, path, statement, check);
		if (statement.shape === 'void') return respond(204, {}, null, false);
		const offset = parsed.levels.get('')?.offset ?? 0;
		const headers: Record<string, string> = {};
		if (statement.shape === 'rows' || statement.shape === 'set-scalar') {
			headers['content-range'] = contentRange(offset, o);
		} else if (count) {
			// A single value or row counts as one, as PostgREST reports it.
			headers['content-range'] = '0-0/1';
		}
		const status = o.total !== null && o.pageTotal < o.total ? 206 : 200;
		return respond(status, headers, shapeBody(o, accept, statement.shape), method === 'HEAD');
	}

	/** Handles one request under /rest/v1/, already authenticated as `ctx`. */
	return async function handleRest(request: Request, ctx: RestContext): Promise<Response> {
		try {
			const url = new URL(request.url);
			const rest = url.pathname.replace(/^\/rest\/v1\/?/, '');
			checkProfile(request);
			const segments = rest.split('/').map((s) => decodeURIComponent(s));
			if (segments.length === 2 && segments[0] === 'rpc' && segments[1]) {
				return await handleRpc(request, ctx, segments[1], url.pathname);
			}
			if (segments.length === 1 && segments[0]) {
				return await handleTable(request, ctx, segments[0], url.pathname);
			}
			throw new ApiError({
				status: 404,
				code: 'PGRST125',
				message: `Invalid path specified in request URL: ${url.pathname}`
			});
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			throw error;
		}
	};
}
