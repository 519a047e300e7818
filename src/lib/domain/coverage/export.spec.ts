import { describe, expect, it } from 'vitest';
import { computeCoverage } from './compute.ts';
import { toAboutText, toCsv, toGeoJson } from './export.ts';
import { parseCsv } from '../export/csv.ts';
import { loadBrusselsFixtures, loadCoverageCatalog, makeResource } from './fixtures.ts';

const catalog = loadCoverageCatalog();
const { measures: MEASURES, sources: SOURCES } = catalog;

const { quartiers, sectors, quartierGeometries } = loadBrusselsFixtures();
const NOW = new Date('2026-11-23T10:00:00Z');

const result = computeCoverage({
	quartiers,
	sectors,
	resources: [
		makeResource({ id: 'a', mdrc: 1, lon: 4.3525, lat: 50.8467, support_kinds: ['home_visits'] }),
		makeResource({ id: 'b', mdrc: 2, lon: 4.343, lat: 50.851, support_kinds: ['meals_food'] })
	],
	surveys: [{ mdrc: 1, checked_on: '2026-10-01', organization_name: '=HYPERLINK("x"), "LDC"' }],
	signals: [
		{ mdrc: 1, support_kind: 'home_visits', outcome: 'not_found', count: 9 },
		{ mdrc: 1, support_kind: 'home_visits', outcome: 'found', count: 3 }
	],
	filters: { supportKind: 'home_visits' },
	now: NOW
});

describe('toCsv', () => {
	const csv = toCsv(result);
	const [header = [], ...body] = parseCsv(csv);
	const rows = body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));

	it('is a spreadsheet file for fr-BE / nl-BE: BOM, semicolons, CRLF, no # lines', () => {
		expect(csv.startsWith('\uFEFFmdrc;name_fr;name_nl;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n').some((l) => l.startsWith('#'))).toBe(false);
	});

	it('has a header row then one row per quartier', () => {
		expect(rows).toHaveLength(145);
		expect(header.slice(0, 3)).toEqual(['mdrc', 'name_fr', 'name_nl']);
		expect(header).toContain('walking_coverage_pct_500m');
		expect(header).toContain('walking_coverage_pct_1000m');
		expect(header).toContain('gap_rank');
		expect(header).toContain('survey_status');
	});

	it('writes values, withheld counts as <5, empty cells for missing values, decimal commas', () => {
		const q1 = rows.find((r) => r.mdrc === '1');
		expect(q1?.name_fr).toBe('Grand Place');
		expect(q1?.population).toBe('3384');
		expect(q1?.supply_count).toBe('1');
		expect(q1?.survey_status).toBe('surveyed');
		expect(q1?.need_signals_not_found).toBe('9');
		expect(q1?.need_signals_found).toBe('<5');
		expect(q1?.gap_index).toMatch(/^-?\d+,\d+$/);
		const park = rows.find((r) => r.mdrc === '905');
		expect(park?.excluded).toBe('true');
		expect(park?.median_income_eur).toBe('');
		expect(park?.gap_rank).toBe('');
	});

	it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
		const q1 = rows.find((r) => r.mdrc === '1');
		expect(q1?.last_survey_by).toBe(`'=HYPERLINK("x"), "LDC"`);
	});
});

describe('toAboutText', () => {
	const text = toAboutText(result, 'fr', catalog);

	it('holds the date, filters, formula, measures, sources and licences', () => {
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('Nabij – couverture des quartiers bruxellois');
		expect(text).toContain('generated_at: 2026-11-23T10:00:00.000Z');
		expect(text).toContain('support_kind=home_visits');
		expect(text).toContain('gap = z(need) − z(supply)');
		expect(text).toContain(MEASURES.walking_coverage_pct.label.fr);
		for (const s of Object.values(SOURCES)) expect(text).toContain(s.licence);
		expect(text).toContain(SOURCES.statbel_population_2019.attribution);
		expect(text).toContain('region: population=1205395; population_65plus=');
		expect(text).toContain('need_signals_detail: ');
		expect(text).toContain('point-virgule');
	});

	it('is written in the requested language', () => {
		expect(toAboutText(result, 'nl', catalog)).toContain(MEASURES.walking_coverage_pct.label.nl);
		expect(toAboutText(result, 'en', catalog)).toContain(MEASURES.gap_index.description.en);
	});
});

describe('toGeoJson', () => {
	const geojson = toGeoJson(result, quartierGeometries, catalog);

	it('returns one feature per quartier with its polygon and figures', () => {
		expect(geojson.type).toBe('FeatureCollection');
		expect(geojson.features).toHaveLength(145);
		const q1 = geojson.features.find((f) => f.id === 1);
		expect(q1?.geometry?.type).toBe('MultiPolygon');
		expect(q1?.properties.population).toBe(3384);
		expect(q1?.properties.need_signals).toEqual([
			{
				supportKind: 'home_visits',
				found: { suppressed: true },
				notFound: { suppressed: false, count: 9 },
				total: { suppressed: true }
			}
		]);
	});

	it('carries a top-level metadata member with measures, sources, licences and the date', () => {
		expect(geojson.metadata.generatedAt).toBe('2026-11-23T10:00:00.000Z');
		expect(geojson.metadata.measures).toBe(MEASURES);
		expect(geojson.metadata.sources).toBe(SOURCES);
		expect(geojson.metadata.licences).toHaveLength(Object.keys(SOURCES).length);
		expect(geojson.metadata.parameters.filters).toEqual({ supportKind: 'home_visits' });
		expect(JSON.parse(JSON.stringify(geojson)).metadata.gapIndexFormula.id).toBe('gap_index');
	});

	it('keeps a quartier without a polygon, with a null geometry', () => {
		const partial = toGeoJson(
			result,
			{
				type: 'FeatureCollection',
				features: quartierGeometries.features.slice(1)
			},
			catalog
		);
		expect(partial.features).toHaveLength(145);
		expect(partial.features.filter((f) => f.geometry === null)).toHaveLength(1);
	});
});
