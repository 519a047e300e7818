import type { Locale } from '#lib/i18n/locales.ts';
import { readFile } from 'node:fs/promises';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStreetRows } from './load-streets.node.ts';
import { createStreetIndex, type StreetIndex } from './street-index.ts';
import type { CommunePlace, QuartierPlace, StreetRow } from './types.ts';

const DATA = new URL('../../../../data/brussels/', import.meta.url);

async function features(name: string) {
	const text = await readFile(new URL(name, DATA), 'utf8');
	return (JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon>).features;
}

function pointOf(feature: Feature<Polygon | MultiPolygon>): { lon: number; lat: number } {
	const [lon = 0, lat = 0] = pointOnFeature(feature).geometry.coordinates;
	return { lon, lat };
}

let streets: StreetRow[];
let index: StreetIndex;

beforeAll(async () => {
	streets = await loadStreetRows(new URL('rues_osm_index.csv', DATA));
	const communes: CommunePlace[] = (await features('communes.geojson')).map((f) => ({
		nis: String(f.properties?.nis),
		name_fr: String(f.properties?.name_fr),
		name_nl: String(f.properties?.name_nl),
		...pointOf(f)
	}));
	const quartiers: QuartierPlace[] = (await features('quartiers_monitoring.geojson')).map((f) => ({
		mdrc: Number(f.properties?.mdrc),
		name_fr: String(f.properties?.name_fr),
		name_nl: String(f.properties?.name_nl),
		nis: String(f.properties?.nis_main),
		commune_fr: String(f.properties?.commune_main_fr),
		commune_nl: String(f.properties?.commune_main_nl),
		...pointOf(f)
	}));
	index = createStreetIndex({ streets, quartiers, communes });
});

const labels = (query: string, locale: Locale = 'fr', limit = 8) =>
	index.search(query, { locale, limit }).map((s) => `${s.label} | ${s.secondary}`);

describe('createStreetIndex', () => {
	it('indexes every street row, quartier and commune', () => {
		expect(index.size).toBe(5984 + 145 + 19);
	});

	it('finds a street by its French name without accents', () => {
		expect(labels('chaussee de wavre', 'fr', 3)).toEqual([
			'Chaussée de Wavre | Auderghem',
			'Chaussée de Wavre | Etterbeek',
			'Chaussée de Wavre | Ixelles'
		]);
	});

	it('finds the same street by its Dutch name and labels it in Dutch', () => {
		expect(labels('waversesteenweg', 'nl', 1)).toEqual(['Waversesteenweg | Oudergem']);
		expect(labels('chaussee de wavre', 'nl', 1)).toEqual(['Waversesteenweg | Oudergem']);
	});

	it('uses the bilingual OSM name in English', () => {
		expect(labels('chaussee de wavre', 'en', 1)).toEqual([
			'Chaussée de Wavre - Waversesteenweg | Auderghem - Oudergem'
		]);
	});

	it('ignores word order', () => {
		expect(labels('wavre chaussée', 'fr', 3)).toEqual(labels('chaussee de wavre', 'fr', 3));
	});

	it('lists a street in every commune it crosses, the longest first', () => {
		expect(labels('rue royale', 'fr', 4)).toEqual([
			'Rue Royale | Bruxelles',
			'Rue Royale | Saint-Josse',
			'Rue Royale | Schaerbeek',
			'Rue Royale-Sainte-Marie | Schaerbeek'
		]);
	});

	it('narrows by a commune name typed after the street', () => {
		expect(labels('rue royale schaerbeek', 'fr', 1)).toEqual(['Rue Royale | Schaerbeek']);
	});

	it('finds a commune by full or abbreviated name, before its streets', () => {
		for (const query of ['st gilles', 'saint-gilles', 'Saint Gilles', 'sint-gillis']) {
			const [first] = index.search(query);
			expect(first).toMatchObject({ kind: 'commune', nis: '21013', label: 'Saint-Gilles' });
		}
		expect(index.search('st gilles', { locale: 'nl' })[0]?.label).toBe('Sint-Gillis');
	});

	it('suggests while typing', () => {
		const typing = labels('chaussée de wa');
		expect(typing).toContain('Chaussée de Wavre | Ixelles');
		expect(typing).toContain('Chaussée de Waterloo | Saint-Gilles');
		expect(labels('chaussée de wav').every((l) => l.includes('Wavre'))).toBe(true);
	});

	it('forgives a typo', () => {
		expect(labels('chausee de wavre', 'fr', 1)).toEqual(['Chaussée de Wavre | Auderghem']);
		expect(labels('chaussée de wvare', 'fr', 1)).toEqual(['Chaussée de Wavre | Auderghem']);
		expect(labels('rue royal', 'fr', 1)).toEqual(['Rue Royale | Bruxelles']);
	});

	it('matches names with an apostrophe however it is typed', () => {
		for (const query of [
			"chaussée d'ixelles",
			'chaussee d’ixelles',
			'chaussee d ixelles',
			'chaussee dixelles'
		]) {
			expect(labels(query, 'fr', 1)).toEqual(["Chaussée d'Ixelles | Ixelles"]);
		}
	});

	it('finds quartiers, with their NL names in title case', () => {
		const [anneessens] = index.search('anneessens');
		expect(anneessens).toMatchObject({ kind: 'quartier', label: 'Anneessens' });
		expect(anneessens?.mdrc).toBeTypeOf('number');
		expect(index.search('grote markt', { locale: 'nl' })[0]).toMatchObject({
			kind: 'quartier',
			label: 'Grote Markt',
			secondary: 'Wijk · Brussel'
		});
	});

	it('returns streets with their point, bbox and commune code', () => {
		const [royale] = index.search('rue royale');
		const row = streets.find((s) => s.name_fr === 'Rue Royale' && s.nis === '21004');
		expect(royale).toEqual({
			kind: 'street',
			id: 'street:21004:Rue Royale - Koningsstraat',
			label: 'Rue Royale',
			secondary: 'Bruxelles',
			lon: row?.lon,
			lat: row?.lat,
			bbox: [row?.min_lon, row?.min_lat, row?.max_lon, row?.max_lat],
			nis: '21004'
		});
	});

	it('deduplicates repeated rows and respects the limit', () => {
		const doubled = createStreetIndex({ streets: [...streets, ...streets] });
		expect(doubled.size).toBe(streets.length);
		const ids = doubled.search('rue', { limit: 20 }).map((s) => s.id);
		expect(ids).toHaveLength(20);
		expect(new Set(ids).size).toBe(20);
		expect(index.search('r', { limit: 3 })).toHaveLength(3);
	});

	it('returns nothing for empty or unknown queries', async () => {
		expect(index.search('   ')).toEqual([]);
		expect(index.search('--')).toEqual([]);
		expect(index.search('zzqxv')).toEqual([]);
		expect(await index.suggest('rue royale', { limit: 2 })).toEqual(
			index.search('rue royale', { limit: 2 })
		);
	});
});
