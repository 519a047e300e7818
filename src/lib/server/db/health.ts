import type { Db } from './client.ts';

// A health check must answer fast even when the database hangs: a load balancer waits seconds,
// not minutes.
const TIMEOUT_MS = 3000;

/**
 * Whether the database answers through the Supabase API: one row of the smallest public
 * reference table (the 19 communes, readable by anyone). False on any error or after 3 s.
 */
export async function databaseReachable(supabase: () => Db): Promise<boolean> {
	try {
		const { data, error } = await supabase()
			.from('communes')
			.select('nis')
			.limit(1)
			.abortSignal(AbortSignal.timeout(TIMEOUT_MS));
		return !error && Array.isArray(data);
	} catch {
		return false;
	}
}
