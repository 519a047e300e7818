// How many server processes `node build/index.js` runs. One Node process renders pages on one
// thread: on the two-core target machine one process answered the 1 km finder page at 167–270
// requests/s with a quarter of the machine idle; two answered 1.2–1.4× as many in the same runs
// (the gateway and the load generator share those cores: npm run bench -- load).
import { z } from 'zod';

/**
 * The default stops here: every process holds its own street index and kept answers (about
 * 200 MB resident each), and past a few processes the Supabase API, not the app, is the limit.
 */
export const MAX_AUTO_WORKERS = 4;

const MESSAGE = 'NABIJ_WORKERS must be auto or a whole number of processes from 1 to 64';

/** `NABIJ_WORKERS`: `auto` (the default: one per core, up to {@link MAX_AUTO_WORKERS}) or 1–64. */
export const workersSetting = z
	.string()
	.optional()
	.refine(
		(value) =>
			value === undefined ||
			value === 'auto' ||
			(/^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 64),
		MESSAGE
	);

/**
 * The number of processes for a `NABIJ_WORKERS` value on a machine with `cores` usable cores.
 *
 * @example workerCount(undefined, 2) // 2
 * @example workerCount('auto', 16) // 4
 * @example workerCount('1', 8) // 1
 */
export function workerCount(setting: string | undefined, cores: number): number {
	const value = setting === '' ? undefined : setting;
	if (!workersSetting.safeParse(value).success) throw new Error(MESSAGE);
	if (value === undefined || value === 'auto')
		return Math.max(1, Math.min(cores, MAX_AUTO_WORKERS));
	return Number(value);
}
