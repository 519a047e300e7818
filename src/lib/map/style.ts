// The offline basemap as MapLibre style data: land, quartier areas, the street network from the
// pre-built vector tiles, quartier and commune borders, and labels (street names at street
// zooms, quartier and commune names) drawn with the glyphs shipped beside the tiles.
import type { Locale } from '#lib/i18n/locales.ts';
import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification
} from 'maplibre-gl';
import {
	BASEMAP,
	BASEMAP_PROTOCOL,
	BRUSSELS_BOUNDS,
	GLYPHS_URL,
	OUTLINE_URL,
	TILE_MAX_ZOOM,
	TILE_MIN_ZOOM,
	TILE_URL
} from './basemap.ts';

/** The source id of the outline file (quartiers, communes, label points), in every style. */
export const OUTLINE_SOURCE = 'nabij-outline';

/** Street names are drawn from this zoom on (a street-level view). */
export const STREET_LABEL_MIN_ZOOM = 14;
/** Quartier names between these zooms; commune names below the last. */
export const QUARTIER_LABEL_ZOOMS: [number, number] = [12, 16];
export const COMMUNE_LABEL_MAX_ZOOM = 13;

/** The font of every map label, including the cluster counts. */
export const MAP_FONT = [BASEMAP.font];

/** Label language: Dutch names for nl, French otherwise (as on the street signs). */
export type NameLocale = Locale;

const outlineUrl = `${BASEMAP_PROTOCOL}:/${OUTLINE_URL}`;

const kind = (value: string): ExpressionSpecification => ['==', ['get', 'kind'], value];

/** The outline source (one file for areas, borders and label points). */
export function outlineSource(): SourceSpecification {
	return { type: 'geojson', data: outlineUrl };
}

const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6, 'text-halo-blur': 0.4 };

/** Quartier and commune borders: drawn over any base style, offline or hosted. */
export function outlineLayers(): LayerSpecification[] {
	return [
		{
			id: 'quartiers-line',
			type: 'line',
			source: OUTLINE_SOURCE,
			filter: kind('quartier'),
			paint: {
				'line-color': '#8e8aa0',
				'line-opacity': 0.7,
				'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 15, 1.2],
				'line-dasharray': [3, 2]
			}
		},
		{
			id: 'communes-line',
			type: 'line',
			source: OUTLINE_SOURCE,
			filter: kind('commune'),
			paint: {
				'line-color': '#5d5670',
				'line-opacity': 0.85,
				'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 2.4]
			}
		}
	];
}

/** Quartier and commune names (offline style only: a hosted style has its own place labels). */
export function placeLabelLayers(locale: NameLocale): LayerSpecification[] {
	const name: ExpressionSpecification = ['get', locale === 'nl' ? 'name_nl' : 'name_fr'];
	return [
		{
			id: 'quartier-labels',
			type: 'symbol',
			source: OUTLINE_SOURCE,
			filter: kind('quartier_label'),
			minzoom: QUARTIER_LABEL_ZOOMS[0],
			maxzoom: QUARTIER_LABEL_ZOOMS[1],
			layout: {
				'text-field': name,
				'text-font': MAP_FONT,
				'text-size': ['interpolate', ['linear'], ['zoom'], 12, 11, 15, 13],
				'text-max-width': 7,
				'text-letter-spacing': 0.04,
				'text-padding': 4
			},
			paint: { 'text-color': '#5a4f73', ...halo }
		},
		{
			id: 'commune-labels',
			type: 'symbol',
			source: OUTLINE_SOURCE,
			filter: kind('commune_label'),
			maxzoom: COMMUNE_LABEL_MAX_ZOOM,
			layout: {
				'text-field': name,
				'text-font': MAP_FONT,
				'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 12, 14],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.08,
				'text-max-width': 8,
				'text-padding': 2
			},
			paint: { 'text-color': '#2e2a3a', ...halo, 'text-halo-width': 2 }
		}
	];
}

const streetSource = { source: 'basemap', 'source-layer': BASEMAP.streetLayer } as const;

/** Streets from the vector tiles: a thin network at region zooms, white with a casing closer. */
export function streetLineLayers(): LayerSpecification[] {
	const common = streetSource;
	const width = (base: number): ExpressionSpecification => [
		'interpolate',
		['exponential', 1.6],
		['zoom'],
		10,
		0.3 + base,
		13,
		1 + base,
		15,
		4 + base * 2,
		18,
		18 + base * 3
	];
	return [
		{
			id: 'streets-casing',
			type: 'line',
			...common,
			minzoom: 13,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#cdc5b4', 'line-width': width(1.2) }
		},
		{
			id: 'streets',
			type: 'line',
			...common,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': ['interpolate', ['linear'], ['zoom'], 12, '#cec6b6', 13, '#ffffff'],
				'line-width': width(0)
			}
		}
	];
}

/** Street names along the lines, from {@link STREET_LABEL_MIN_ZOOM}. */
export function streetLabelLayer(locale: NameLocale): LayerSpecification {
	return {
		id: 'street-labels',
		type: 'symbol',
		...streetSource,
		minzoom: STREET_LABEL_MIN_ZOOM,
		layout: {
			'symbol-placement': 'line',
			'text-field': ['get', locale === 'nl' ? 'nl' : 'fr'],
			'text-font': MAP_FONT,
			'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10.5, 17, 13.5],
			'text-max-angle': 30,
			'text-padding': 2,
			'symbol-spacing': 320
		},
		paint: { 'text-color': '#3b4148', ...halo }
	};
}

/**
 * The complete offline style: background, quartier areas, streets, borders and labels. Every
 * file it names is served by the app itself.
 */
export function offlineStyle({
	attribution,
	locale
}: {
	/** Shown in the map's attribution control (data licences). */
	attribution: string;
	locale: NameLocale;
}): StyleSpecification {
	return {
		version: 8,
		glyphs: GLYPHS_URL,
		sources: {
			basemap: {
				type: 'vector',
				tiles: [TILE_URL],
				minzoom: TILE_MIN_ZOOM,
				maxzoom: TILE_MAX_ZOOM,
				bounds: [...BRUSSELS_BOUNDS[0], ...BRUSSELS_BOUNDS[1]],
				attribution
			},
			[OUTLINE_SOURCE]: outlineSource()
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#efebe3' } },
			{
				id: 'quartiers-fill',
				type: 'fill',
				source: OUTLINE_SOURCE,
				filter: kind('quartier'),
				paint: {
					'fill-color': [
						'match',
						['get', 'type'],
						'park_forest',
						'#d3e5c6',
						'cemetery',
						'#dce2d2',
						'industrial_infrastructure',
						'#e7e2da',
						'#f7f4ee'
					]
				}
			},
			...streetLineLayers(),
			...outlineLayers(),
			streetLabelLayer(locale),
			...placeLabelLayers(locale)
		]
	};
}
