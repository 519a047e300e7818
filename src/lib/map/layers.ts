// The finder's own sources and layers as plain MapLibre style data, drawn on top of any base
// style: the offline one (style.ts) or a hosted one (PUBLIC_MAP_STYLE_URL).
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { categoryColourExpression } from './categories.ts';
import { MAP_FONT, OUTLINE_SOURCE } from './style.ts';

export { BRUSSELS_BOUNDS } from './basemap.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A filter on the outline's quartier areas whose code is in `mdrcs`.
 *
 * @example areaFilter([12]) // ['all', ['==', ['get', 'kind'], 'quartier'], ['in', ['get', 'mdrc'], ['literal', [12]]]]
 */
export function areaFilter(mdrcs: readonly number[]): ExpressionSpecification {
	return [
		'all',
		['==', ['get', 'kind'], 'quartier'],
		['in', ['get', 'mdrc'], ['literal', [...mdrcs]]]
	];
}

/** Sources the finder adds on top of any base style (the outline source comes with the base). */
export function resultSources(): Record<string, SourceSpecification> {
	return {
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
			source: OUTLINE_SOURCE,
			filter: areaFilter([]),
			paint: { 'fill-color': '#b3006b', 'fill-opacity': 0.15 }
		},
		{
			id: 'finder-area-line',
			type: 'line',
			source: OUTLINE_SOURCE,
			filter: areaFilter([]),
			paint: { 'line-color': '#b3006b', 'line-width': 2, 'line-dasharray': [2, 1] }
		},
		{
			id: 'finder-selected-area',
			type: 'line',
			source: OUTLINE_SOURCE,
			filter: areaFilter([]),
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
			id: 'finder-cluster-count',
			type: 'symbol',
			source: 'finder-points',
			filter: ['has', 'point_count'],
			layout: {
				'text-field': ['get', 'point_count_abbreviated'],
				'text-font': MAP_FONT,
				'text-size': 12,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': '#ffffff' }
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
