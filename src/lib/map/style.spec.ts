import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { TILE_URL } from './basemap.ts';
import { areaFilter, resultLayers, resultSources } from './layers.ts';
import { OUTLINE_SOURCE, offlineStyle, STREET_LABEL_MIN_ZOOM } from './style.ts';

const style = offlineStyle({ attribution: '© OpenStreetMap contributors', locale: 'nl' });
const layer = (id: string) => style.layers.find((l) => l.id === id);

describe('offlineStyle', () => {
	it('is a valid style, with the finder layers added on top', () => {
		const full = {
			...style,
			sources: { ...style.sources, ...resultSources() },
			layers: [...style.layers, ...resultLayers()]
		};
		expect(validateStyleMin(full)).toEqual([]);
	});

	it('draws streets from the pre-built tiles and their names from street zooms on', () => {
		expect(style.sources.basemap).toMatchObject({ type: 'vector', tiles: [TILE_URL] });
		expect(style.glyphs).toMatch(/^nabij:\/\/basemap\/glyphs\/\{fontstack\}\/\{range\}\.pbf$/);
		expect(layer('street-labels')).toMatchObject({
			minzoom: STREET_LABEL_MIN_ZOOM,
			layout: { 'text-field': ['get', 'nl'], 'symbol-placement': 'line' }
		});
	});

	it('names quartiers and communes in the reader’s language', () => {
		expect(layer('quartier-labels')).toMatchObject({
			layout: { 'text-field': ['get', 'name_nl'] }
		});
		const fr = offlineStyle({ attribution: '', locale: 'en' });
		expect(fr.layers.find((l) => l.id === 'commune-labels')).toMatchObject({
			layout: { 'text-field': ['get', 'name_fr'] }
		});
	});

	it('puts labels above lines, and lines above areas', () => {
		const order = style.layers.map((l) => l.id);
		expect(order.indexOf('quartiers-fill')).toBeLessThan(order.indexOf('streets'));
		expect(order.indexOf('communes-line')).toBeLessThan(order.indexOf('street-labels'));
		expect(order.at(-1)).toBe('commune-labels');
	});
});

describe('result layers', () => {
	it('shows the count on each cluster', () => {
		const count = resultLayers().find((l) => l.id === 'finder-cluster-count');
		expect(count).toMatchObject({
			type: 'symbol',
			source: 'finder-points',
			layout: { 'text-field': ['get', 'point_count_abbreviated'] }
		});
	});

	it('shades quartiers of the outline by code', () => {
		expect(resultLayers().find((l) => l.id === 'finder-area-fill')).toMatchObject({
			source: OUTLINE_SOURCE
		});
		expect(areaFilter([3, 7])).toEqual([
			'all',
			['==', ['get', 'kind'], 'quartier'],
			['in', ['get', 'mdrc'], ['literal', [3, 7]]]
		]);
	});
});
