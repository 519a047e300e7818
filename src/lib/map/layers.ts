// The finder map's sources and layers as plain MapLibre style data. The offline base is drawn
// from static GeoJSON (scripts/build-geo.ts): no tiles, no glyphs, no network.
import { categoryColourExpression } from './categories.ts';

/** Where the offline base layers are served from (static/geo). */
export const GEO_ASSETS = {
	quartiers: '/geo/quartiers.json',
	communes: '/geo/communes.json'
} as const;

/** Brussels-Capital Region `[[minLon, minLat], [maxLon, maxLat]]`. */
export const BRUSSELS_BOUNDS: [[number, number], [number, number]] = [
	[4.2437, 50.7636],
	[4.4823, 50.914]
];

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** A complete offline style: background, quartiers and commune borders. */
export function offlineStyle(attribution: string) {
	return {
		version: 8 as const,
		sources: {
			quartiers: { type: 'geojson' as const, data: GEO_ASSETS.quartiers, attribution },
			communes: { type: 'geojson' as const, data: GEO_ASSETS.communes }
		},
		layers: [
			{ id: 'background', type: 'background' as const, paint: { 'background-color': '#f4f1ea' } },
			{
				id: 'quartiers-fill',
				type: 'fill' as const,
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
				type: 'line' as const,
				source: 'quartiers',
				paint: { 'line-color': '#9aa5ad', 'line-width': 0.6 }
			},
			{
				id: 'communes-line',
				type: 'line' as const,
				source: 'communes',
				paint: { 'line-color': '#4a5560', 'line-width': 1.6 }
			}
		]
	};
}

/** Sources the finder adds on top of any base style. */
export function resultSources() {
	return {
		'finder-quartiers': { type: 'geojson' as const, data: GEO_ASSETS.quartiers },
		'finder-radius': { type: 'geojson' as const, data: EMPTY },
		'finder-place': { type: 'geojson' as const, data: EMPTY },
		'finder-points': {
			type: 'geojson' as const,
			data: EMPTY,
			cluster: true,
			clusterRadius: 40,
			clusterMaxZoom: 15
		}
	};
}

/** Layers the finder adds, bottom to top. Filters on quartiers are set per search. */
export function resultLayers() {
	return [
		{
			id: 'finder-area-fill',
			type: 'fill' as const,
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'fill-color': '#b3006b', 'fill-opacity': 0.15 }
		},
		{
			id: 'finder-area-line',
			type: 'line' as const,
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'line-color': '#b3006b', 'line-width': 2, 'line-dasharray': [2, 1] }
		},
		{
			id: 'finder-selected-area',
			type: 'line' as const,
			source: 'finder-quartiers',
			filter: ['in', ['get', 'mdrc'], ['literal', []]],
			paint: { 'line-color': '#1b1f24', 'line-width': 4 }
		},
		{
			id: 'finder-radius',
			type: 'line' as const,
			source: 'finder-radius',
			paint: { 'line-color': '#0b5f5a', 'line-width': 2 }
		},
		{
			id: 'finder-place',
			type: 'circle' as const,
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
			type: 'circle' as const,
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
			type: 'circle' as const,
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
