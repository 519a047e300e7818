// The geocoder is shared with registration and the server hooks; it lives in src/lib/places.
export { geocoder } from '#lib/places/geocoder.server.ts';
