// A public venue's street address to a point and its quartier: the finder's street index finds
// the street, `quartierAt` (Turf point in polygon) gives the quartier. When the street is not
// found the chosen quartier is used, so a registration never fails on geocoding.
import type { Db } from '#lib/server/db/client.ts';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import type { PlaceLocale } from '#lib/domain/places/index.ts';
import { quartierCollection } from '#lib/server/db/geography.ts';
import { geocoder } from '#lib/places/geocoder.server.ts';

/** The street's point and quartier for `address`, or null when no Brussels street matches. */
export async function locateAddress(
	supabase: Db,
	address: string,
	locale: PlaceLocale
): Promise<{ lon: number; lat: number; mdrc: number } | null> {
	try {
		const [hit] = await (await geocoder()).suggest(address, { limit: 1, locale });
		if (!hit || hit.kind !== 'street') return null;
		const mdrc = quartierAt([hit.lon, hit.lat], await quartierCollection(supabase));
		return mdrc === null ? null : { lon: hit.lon, lat: hit.lat, mdrc };
	} catch (error) {
		console.warn('[register] street lookup unavailable, using the chosen quartier', error);
		return null;
	}
}
