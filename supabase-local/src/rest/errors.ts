// PostgREST's error shape and its SQLSTATE → HTTP status table.

/** An error answered as PostgREST's `{code, details, hint, message}` JSON with an HTTP status. */
export class ApiError extends Error {
	readonly status: number;
	readonly code: string;
	/** A message, or (PGRST201) the list of candidate relationships. */
	readonly details: string | unknown[] | null;
	readonly hint: string | null;
	readonly headers: Record<string, string>;
	constructor(init: {
		status: number;
		code: string;
		message: string;
		details?: string | unknown[] | null;
		hint?: string | null;
		headers?: Record<string, string>;
	}) {
		super(init.message);
		this.status = init.status;
		this.code = init.code;
		this.details = init.details ?? null;
		this.hint = init.hint ?? null;
		this.headers = init.headers ?? {};
	}

	/** The JSON body PostgREST sends. */
	toJSON(): {
		code: string;
		details: string | unknown[] | null;
		hint: string | null;
		message: string;
	} {
		return { code: this.code, details: this.details, hint: this.hint, message: this.message };
	}
}

/** PGRST100: the query string could not be parsed. */
export function parseError(message: string, details: string | null = null): ApiError {
	return new ApiError({ status: 400, code: 'PGRST100', message, details });
}

/**
 * The HTTP status PostgREST v14 gives a Postgres error. `anonymous` matters for 42501
 * (insufficient privilege): 401 for anon, 403 for a signed-in role.
 */
export function statusForSqlState(sqlState: string, anonymous: boolean): number {
	const exact: Record<string, number> = {
		'23503': 409,
		'23505': 409,
		'25006': 405,
		'2D000': 500,
		'42883': 404,
		'42P01': 404,
		'42P17': 500,
		'0L000': 403,
		'0LP01': 403,
		'0P000': 403,
		P0001: 400,
		'09000': 500
	};
	if (sqlState === '42501') return anonymous ? 401 : 403;
	// PostgREST lets a function choose the status: SQLSTATE PTxyz answers HTTP xyz.
	const custom = /^PT(\d{3})$/.exec(sqlState);
	if (custom) return Number(custom[1]);
	const hit = exact[sqlState];
	if (hit !== undefined) return hit;
	const prefix: Record<string, number> = {
		'08': 503,
		'25': 500,
		'28': 403,
		'38': 500,
		'39': 500,
		'3B': 500,
		'40': 500,
		'53': 503,
		'54': 500,
		'55': 500,
		'57': 500,
		'58': 500,
		F0: 500,
		HV: 500,
		P0: 500,
		XX: 500
	};
	return prefix[sqlState.slice(0, 2)] ?? 400;
}

type DatabaseErrorLike = { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown };

/** Turns an error thrown by pg or PGlite into an ApiError, or returns null if it is not one. */
export function fromDatabaseError(error: unknown, anonymous: boolean): ApiError | null {
	if (typeof error !== 'object' || error === null) return null;
	const e = error as DatabaseErrorLike;
	if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
	return new ApiError({
		status: statusForSqlState(e.code, anonymous),
		code: e.code,
		message: typeof e.message === 'string' ? e.message : 'database error',
		details: typeof e.detail === 'string' ? e.detail : null,
		hint: typeof e.hint === 'string' ? e.hint : null
	});
}
