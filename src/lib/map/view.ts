// What the finder map shows for one search, as plain data: the GeoJSON of each of its sources,
// the quartier filter of each layer, and the view to fit. MapView.svelte only hands these to
// MapLibre; the numbers are here, named and tested (view.spec.ts).
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { circlePolygon } from '#lib/domain/finder/circle.ts';
import { EARTH_RADIUS_METERS } from '#lib/domain/geo/coordinates.ts';
import type { Bounds } from './basemap.ts';
import { areaFilter, BRUSSELS_BOUNDS } from './layers.ts';
import type { MapCollection } from './points.ts';

/** A searched place, and the radius drawn around it when the search has one. */
export type MapPlace = { lon: number; lat: number; radiusMeters?: number };

/** The half-height of the view around a place searched without a radius. */
export const VIEW_RADIUS_WITHOUT_RADIUS_METERS = 1500;
/** The view is this much wider than high around a place, as the map usually is. */
export const VIEW_ASPECT = 1.6;
/** Padding in pixels around a place's view, and around the whole region. */
export const PLACE_PADDING_PX = 20;
export const REGION_PADDING_PX = 10;
/** Layers whose features answer a click (an entry, or a cluster to zoom into). */
export const CLICKABLE_LAYERS = ['finder-points', 'finder-clusters'];

const METERS_PER_DEGREE_LAT = (EARTH_RADIUS_METERS * Math.PI) / 180;

/**
 * The map view around a searched place: its radius (or 1.5 km when none) above and below, 1.6
 * times that to each side, so the drawn radius circle fits with room at any latitude of Brussels.
 *
 * @example placeBounds({ lon: 4.35, lat: 50.85, radiusMeters: 1112 }) // ≈ [[4.334, 50.84], [4.366, 50.86]]
 */
export function placeBounds(place: MapPlace): Bounds {
	const d = (place.radiusMeters ?? VIEW_RADIUS_WITHOUT_RADIUS_METERS) / METERS_PER_DEGREE_LAT;
	return [
		[place.lon - d * VIEW_ASPECT, place.lat - d],
		[place.lon + d * VIEW_ASPECT, place.lat + d]
	];
}

/** Where the map opens and what it fits to: the searched place, else the whole region. */
export function initialView(place: MapPlace | null): { bounds: Bounds; padding: number } {
	return place
		? { bounds: placeBounds(place), padding: PLACE_PADDING_PX }
		: { bounds: BRUSSELS_BOUNDS, padding: REGION_PADDING_PX };
}

function collection(geometry: Geometry | null): FeatureCollection {
	const features: Feature[] = geometry ? [{ type: 'Feature', properties: {}, geometry }] : [];
	return { type: 'FeatureCollection', features };
}

/** Everything the result layers show for one search. */
export interface ResultView {
	/** GeoJSON data by source id. */
	sources: Record<'finder-points' | 'finder-place' | 'finder-radius', FeatureCollection>;
	/** Quartier filters by layer id. */
	filters: Record<
		'finder-area-fill' | 'finder-area-line' | 'finder-selected-area',
		ExpressionSpecification
	>;
	/** Entries drawn: points plus those shown as their quartier. */
	renderedCount: number;
}

/**
 * The data of the finder's sources and the filters of its quartier layers for one search: the
 * result points, the quartiers of entries known only by quartier, the chosen quartier, the
 * searched place and its radius circle.
 */
export function resultView({
	results,
	place,
	quartier
}: {
	results: MapCollection;
	place: MapPlace | null;
	quartier: number | null;
}): ResultView {
	const areas = areaFilter(results.areaQuartiers);
	return {
		sources: {
			'finder-points': results.points,
			'finder-place': collection(place && { type: 'Point', coordinates: [place.lon, place.lat] }),
			'finder-radius': collection(
				place?.radiusMeters !== undefined
					? circlePolygon([place.lon, place.lat], place.radiusMeters)
					: null
			)
		},
		filters: {
			'finder-area-fill': areas,
			'finder-area-line': areas,
			'finder-selected-area': areaFilter(quartier === null ? [] : [quartier])
		},
		renderedCount: results.points.features.length + results.areaCount
	};
}
