// The quartier sheet's read against the local gateway with the demo seed, as an anonymous
// visitor: the light candidate read returns exactly the published entries located in the
// quartier, serving it, or with a point in the box around it, and nothing else.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundsOf } from '#lib/domain/geo/projection.ts';
import { grow } from '#lib/domain/sheet/map.ts';
import { NEARBY_RADIUS_METERS, placeEntries } from '#lib/domain/sheet/group.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as resourcesNear from '#lib/server/db/resources-near.ts';
import * as resources from '#lib/server/db/resources.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed } from '../../supabase/seed/run.ts';

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
};

let gateway: Gateway;
let anon: SupabaseClient;
let published: {
	id: string;
	mdrc: number;
	lon: number;
	lat: number;
	service_area_mdrc: number[];
}[];

beforeAll(async () => {
	gateway = await startGateway({ dataDir: null, port: 0, migrate: true });
	await seed({ url: gateway.url, serviceRoleKey: gateway.serviceRoleKey });
	anon = createClient(gateway.url, gateway.anonKey, options);
	const ids = (await resources.list(anon)).map((r) => r.id);
	published = (await resources.getMany(anon, ids)).map((r) => ({
		id: r.id,
		mdrc: r.mdrc,
		lon: r.lon,
		lat: r.lat,
		service_area_mdrc: r.service_area_mdrc
	}));
});

afterAll(async () => {
	await gateway?.stop();
});

describe('resourcesNear.nearQuartier', () => {
	it('reads what is in, around or serving a quartier, exactly', async () => {
		const shapes = await geography.quartierCollection(anon);
		let withServiceArea = 0;
		for (const mdrc of [1, 17, 106]) {
			const outline = shapes.features.find((f) => f.properties.mdrc === mdrc);
			if (!outline) throw new Error(`quartier ${mdrc} missing`);
			const bbox = grow(boundsOf([outline.geometry]), NEARBY_RADIUS_METERS);
			const [west, south, east, north] = bbox;
			const expected = published
				.filter(
					(r) =>
						r.mdrc === mdrc ||
						r.service_area_mdrc.includes(mdrc) ||
						(r.lon >= west && r.lon <= east && r.lat >= south && r.lat <= north)
				)
				.map((r) => r.id)
				.sort();
			const rows = await resourcesNear.nearQuartier(anon, { mdrc, bbox });
			expect(rows.map((r) => r.id).sort()).toEqual(expected);
			expect(rows.length).toBeGreaterThan(0);
			withServiceArea += rows.filter(
				(r) => r.mdrc !== mdrc && r.service_area_mdrc.includes(mdrc)
			).length;

			// Placing keeps every entry located in the quartier and drops none of them.
			const placed = placeEntries({ rows, mdrc, outline });
			expect(placed.inside.map((r) => r.id).sort()).toEqual(
				published
					.filter((r) => r.mdrc === mdrc)
					.map((r) => r.id)
					.sort()
			);
		}
		expect(withServiceArea).toBeGreaterThan(0);
	});

	it('returns nothing for a quartier code that does not exist', async () => {
		const rows = await resourcesNear.nearQuartier(anon, { mdrc: 998, bbox: [0, 0, 0.001, 0.001] });
		expect(rows).toEqual([]);
	});
});
