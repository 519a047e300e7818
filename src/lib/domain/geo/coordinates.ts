// Coordinates as the whole app writes them: GeoJSON order, WGS84 degrees, on Turf's sphere.

/** A [longitude, latitude] pair in WGS84 degrees, GeoJSON order. */
export type LonLat = [lon: number, lat: number];

/** Mean Earth radius in metres, the value Turf's `distance` uses. */
export const EARTH_RADIUS_METERS = 6_371_008.8;
