// Locations: where a service happens, with its precision and quartier.
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

const precision = z.enum(['exact', 'street', 'quartier']);

export type LocationInput = {
	organization_id: string;
	name?: string | null;
	address?: string | null;
	location_precision: z.infer<typeof precision>;
	lon: number;
	lat: number;
	mdrc: number;
	partner_venue_name?: string | null;
};

export type Location = LocationInput & { id: string };

/** Creates a location and returns its id; a quartier-only point is replaced by the database. */
export async function create(supabase: Db, input: LocationInput): Promise<string> {
	const row = orThrow(await supabase.from('locations').insert(input).select('id').single());
	if (!row) throw new Error('the insert returned no row');
	return row.id;
}

/** The locations of an organization the caller can read. */
export async function listForOrganization(
	supabase: Db,
	organizationId: string
): Promise<Location[]> {
	const rows =
		orThrow(
			await supabase
				.from('locations')
				.select(
					'id, organization_id, name, address, location_precision, lon, lat, mdrc, partner_venue_name'
				)
				.eq('organization_id', organizationId)
				.order('created_at')
		) ?? [];
	return rows.map((row) => ({
		...row,
		location_precision: precision.parse(row.location_precision)
	}));
}

export type QuartierOption = {
	mdrc: number;
	name_fr: string;
	name_nl: string;
	point_lon: number;
	point_lat: number;
};

/** The 145 quartiers with their representative point, by French name. */
export async function listQuartiers(supabase: Db): Promise<QuartierOption[]> {
	return (
		orThrow(
			await supabase
				.from('quartiers')
				.select('mdrc, name_fr, name_nl, point_lon, point_lat')
				.order('name_fr')
		) ?? []
	);
}
