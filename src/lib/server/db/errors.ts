import type { PostgrestError } from '@supabase/supabase-js';

/**
 * A data-layer failure the app knows how to present: `status` is the HTTP status to answer with,
 * `kind` what the user is told (translated by the page), `cause` the PostgREST error.
 */
export class DataError extends Error {
	readonly status: number;
	readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'too_many' | 'unavailable';
	readonly code: string;
	/** The rule the database named in the error's hint (e.g. 'moderation_required'), if any. */
	readonly reason: string | null;
	constructor(
		kind: DataError['kind'],
		status: number,
		error: Pick<PostgrestError, 'code' | 'message'> & { hint?: string | null }
	) {
		super(`${error.code}: ${error.message}`);
		this.kind = kind;
		this.status = status;
		this.code = error.code;
		// Our functions and triggers put a snake_case rule name in HINT; PostgreSQL's own hints
		// are sentences and are not reasons.
		this.reason = /^[a-z_]{3,40}$/.test(error.hint ?? '') ? (error.hint ?? null) : null;
	}
}

// PostgREST and SQLSTATE codes → what they mean to a user. One place, used by every data module.
const KNOWN: Record<string, [DataError['kind'], number]> = {
	PGRST116: ['not_found', 404], // .single() found no row (or several)
	'42501': ['forbidden', 403], // RLS or a missing grant
	PGRST301: ['forbidden', 401], // bad or expired token
	'23505': ['conflict', 409], // unique violation
	'23503': ['conflict', 409], // foreign key violation
	'23514': ['invalid', 400], // check violation
	'23502': ['invalid', 400], // not-null violation
	'22P02': ['invalid', 400], // invalid text representation (e.g. a bad uuid)
	P0001: ['invalid', 400], // raised by a trigger or function
	'22001': ['invalid', 400], // a value too long, raised by a function
	'22023': ['invalid', 400], // an invalid argument, raised by a function
	PT429: ['too_many', 429] // a limit enforced by the database (PostgREST answers 429)
};

/**
 * Throws a DataError for a PostgREST error (known codes mapped, anything else 503 'unavailable');
 * returns the data otherwise. Use as `const rows = orThrow(await supabase.from(…).select(…))`.
 */
export function orThrow<T>(result: { data: T; error: PostgrestError | null }): T {
	if (!result.error) return result.data;
	const [kind, status] = KNOWN[result.error.code] ?? ['unavailable', 503];
	throw new DataError(kind, status, result.error);
}
