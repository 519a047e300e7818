import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

const TTL_MS = 60_000;
let cached: { demoData: boolean; at: number } | undefined;

/**
 * Whether fictional demo entries are loaded (the seed sets `app_settings.demo_data`), so every
 * page can say so. Read at most once a minute per server process: it changes only on reseeding.
 */
export async function isDemoData(supabase: Db, now = Date.now()): Promise<boolean> {
	if (cached && now - cached.at < TTL_MS) return cached.demoData;
	const row = orThrow(
		await supabase.from('app_settings').select('value').eq('key', 'demo_data').maybeSingle()
	);
	cached = { demoData: row?.value === true, at: now };
	return cached.demoData;
}
