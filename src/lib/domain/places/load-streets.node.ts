// Node-only: reads the street index from disk. Kept apart so the index itself stays pure and can
// run in the browser with rows fetched another way.

import { readFile } from 'node:fs/promises';
import { parseStreetCsv } from './csv.ts';
import type { StreetRow } from './types.ts';

/**
 * Reads and parses a `rues_osm_index.csv` file.
 *
 * @example await loadStreetRows('data/brussels/rues_osm_index.csv') // 5,984 rows
 */
export async function loadStreetRows(path: string | URL): Promise<StreetRow[]> {
	return parseStreetCsv(await readFile(path, 'utf8'));
}
