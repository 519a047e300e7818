// The first real source: the OpenStreetMap care points of data/brussels/, imported through the
// same engine and database function as a moderator's upload, so the entries carry their
// provenance ("© OpenStreetMap contributors", ODbL) and stay apart from the fictional demo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { quartierAt, type QuartierCollection } from '#lib/domain/geo/quartier.ts';
import { dryRun } from '#lib/domain/import/index.ts';
import { OSM_SOURCE, osmRecords, parseOsmMapping } from '#lib/domain/import/osm.ts';
import type { Db } from '#lib/server/db/client.ts';
import * as imports from '#lib/server/db/imports.ts';
import type { Taxonomy } from './geography.ts';

export type OsmSeedResult = {
	imported: number;
	duplicates: number;
	invalid: number;
	failed: number;
};

/**
 * Imports data/brussels/osm_care_points.geojson with the mapping data/osm-mapping.csv. Safe to
 * run again: entries are matched by their external id, so a re-seed updates instead of adding.
 * Rows that look like another point of the same file are left out, as the dry run says.
 */
export async function importOsm(options: {
	supabase: SupabaseClient;
	dir: string;
	taxonomy: Taxonomy;
	quartiers: QuartierCollection;
}): Promise<OsmSeedResult> {
	const { dir, taxonomy, quartiers } = options;
	const supabase = options.supabase as Db;
	const features = JSON.parse(
		readFileSync(join(dir, 'brussels', 'osm_care_points.geojson'), 'utf8')
	).features;
	const mapping = parseOsmMapping(readFileSync(join(dir, 'osm-mapping.csv'), 'utf8'));
	const { outcomes, entries } = dryRun(
		osmRecords(features, mapping),
		{
			categories: new Set(taxonomy.categories.map((c) => c.code)),
			supportKinds: new Set(taxonomy.supportKinds.map((c) => c.code)),
			targetGroups: new Set(taxonomy.targetGroups.map((c) => c.code)),
			quartierAt: (point) => quartierAt(point, quartiers)
		},
		// Only duplicates within the source matter here: the demo entries are fictional.
		[]
	);
	const jobId = await imports.createJob(supabase, {
		source: OSM_SOURCE,
		format: 'geojson',
		entries,
		report: outcomes
	});
	await imports.start(supabase, jobId);
	const progress = await imports.runToEnd(supabase, jobId, 100);
	return {
		imported: progress.done - progress.failed,
		duplicates: outcomes.filter((o) => o.outcome === 'duplicate').length,
		invalid: outcomes.filter((o) => o.outcome === 'invalid').length,
		failed: progress.failed
	};
}
