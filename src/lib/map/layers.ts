// The finder map's sources and layers as plain MapLibre style data. The offline base is drawn
// from static GeoJSON (scripts/build-geo.ts): no tiles, no glyphs, no network.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { categoryColourExpression } from './categories.ts';

/** Where the offline base layers are served from (static/geo). */
export const GEO_ASSETS = {
	quartiers: '/geo/quartiers.json',
	communes: '/geo/communes.json',
	labels: '/geo/quartier-labels.json'
};

/** From this zoom on, quartier names are shown (below they would crowd the map). */
export const LABEL_MIN_ZOOM = 13;

/** Brussels-Capital Region `[[minLon, minLat], [maxLon, maxLat]]`. */
export const BRUSSELS_BOUNDS: [[number, number], [number, number]] = [
	[4.2437, 50.7636],
	[4.4823, 50.914]
];

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A complete offline style: background, quartiers and commune borders. */
export function offlineStyle(attribution: string): StyleSpecification {
	return {
		version: 8,
		sources: {
			quartiers: { type: 'geojson', data: GEO_ASSETS.quartiers, attribution },
			communes: { type: 'geojson', data: GEO_ASSETS.communes }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
			{
				id: 'quartiers-fill',
				type: 'fill',
				source: 'quartiers',
				paint: {
					'fill-color': [
						'match',
						['get', 'type'],
						'park_forest',
						'#d8e8cf',
						'cemetery',
						'#dfe3d6',
						'industrial_infrastructure',
						'#e4e0da',
						'#fbfaf7'
					]
				}
			},
			{
				id: 'quartiers-line',
				type: 'line',
				source: 'quartiers',
				paint: { 'line-color': '#9aa5ad', 'line-width': 0.6 }
			},
			{
				id: 'communes-line',
				type: 'line',
				source: 'communes',
				paint: { 'line-color': '#4a5560', 'line-width': 1.6 }
			}
		]
	};
}

/** Sources the finder adds on top of any base style. */
export function resultSources(): Record<string, SourceSpecification> {
	return {
		'finder-quartiers': { type: 'geojson', data: GEO_ASSETS.quartiers },
		'finder-radius': { type: 'geojson', data: EMPTY },
		'finder-place': { type: 'geojson', data: EMPTY },
		'finder-points': {
			type: 'geojson',
			data: EMPTY,
			cluster: true,
			clusterRadius: 40,
			clusterMaxZoom: 15
		}
	};
}

/** Layers the finder adds, bottom to top. Filters on quartiers are set per search. */
export function resultLayers(): LayerSpecification[] {
	return [
		{
			id: 'finder-area-fill',
			type: 'fill',
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'fill-color': '#b3006b', 'fill-opacity': 0.15 }
		},
		{
			id: 'finder-area-line',
			type: 'line',
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'line-color': '#b3006b', 'line-width': 2, 'line-dasharray': [2, 1] }
		},
		{
			id: 'finder-selected-area',
			type: 'line',
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'line-color': '#1b1f24', 'line-width': 4 }
		},
		{
			id: 'finder-radius',
			type: 'line',
			source: 'finder-radius',
			paint: { 'line-color': '#0b5f5a', 'line-width': 2 }
		},
		{
			id: 'finder-place',
			type: 'circle',
			source: 'finder-place',
			paint: {
				'circle-radius': 7,
				'circle-color': '#ffffff',
				'circle-stroke-color': '#0b5f5a',
				'circle-stroke-width': 4
			}
		},
		{
			id: 'finder-clusters',
			type: 'circle',
			source: 'finder-points',
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': '#1b1f24',
				'circle-opacity': 0.85,
				'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: 'finder-points',
			type: 'circle',
			source: 'finder-points',
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-color': categoryColourExpression(),
				'circle-radius': ['case', ['boolean', ['feature-state', 'highlight'], false], 11, 7],
				'circle-stroke-color': [
					'case',
					['boolean', ['feature-state', 'highlight'], false],
					'#b3006b',
					'#1b1f24'
				],
				'circle-stroke-width': ['case', ['boolean', ['feature-state', 'highlight'], false], 4, 1.5],
				'circle-opacity': ['case', ['get', 'dormant'], 0.5, 1]
			}
		}
	];
}
