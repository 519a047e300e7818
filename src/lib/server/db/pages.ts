// Reading a whole ordered table or view through the API, whatever its row cap.
import type { PostgrestError } from '@supabase/supabase-js';
import { orThrow } from './errors.ts';

// Rows asked for per request. A Supabase project answers at most `max_rows` rows per request
// (1,000 by default, any number when configured) whatever the range asked, so reading goes on
// from the last row received.
const REQUEST_ROWS = 10_000;

/** One request of an ordered query, for rows `from`..`to` (inclusive, as `.range()` takes them). */
export type Page<T> = (
	from: number,
	to: number
) => PromiseLike<{ data: T[] | null; error: PostgrestError | null }>;

/**
 * All rows of an ordered query, in as few requests as the server allows; throws a DataError
 * when a request fails.
 *
 * @example const rows = await readAll((from, to) => db.from('sectors').select('cd_sector').order('cd_sector').range(from, to));
 */
export async function readAll<T>(page: Page<T>): Promise<T[]> {
	const rows: T[] = [];
	// The server's cap shows as the longest answer so far: a shorter answer, or an empty one, is
	// the end. A table that fits in one answer costs one more (empty) request.
	let cap = 0;
	for (;;) {
		const batch = orThrow(await page(rows.length, rows.length + REQUEST_ROWS - 1)) ?? [];
		rows.push(...batch);
		if (batch.length === 0 || batch.length < cap) return rows;
		cap = batch.length;
	}
}
