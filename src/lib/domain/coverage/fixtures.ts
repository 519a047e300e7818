// Node-only loader for the real Brussels geography in the repository's data folder, used by the tests
// and the benchmark. Not imported by the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseCsvRecords } from '../places/csv.ts';
import { describeCoverage, MEASURES, SOURCES } from './measures.ts';
import type { CoverageCatalog, CoverageTexts } from './measures.ts';
import type { LocalizedText, QuartierInput, ResourceInput, SectorInput } from './types.ts';

/** The repository's Brussels data folder, `data/brussels/` (with a trailing slash). */
export function brusselsDataDir(): string {
	return fileURLToPath(new URL('../../../../data/brussels/', import.meta.url));
}

function readCsv(dir: string, name: string) {
	return parseCsvRecords(readFileSync(`${dir}${name}`, 'utf8'));
}

function numberOrNull(text: string | undefined): number | null {
	if (text === undefined || text.trim() === '') return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : null;
}

type AreaCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** The real Brussels geography as coverage-engine inputs. */
export interface BrusselsFixtures {
	quartiers: QuartierInput[];
	sectors: SectorInput[];
	sectorGeometries: AreaCollection;
	quartierGeometries: AreaCollection;
	/** ULB compilation rows by sector: population 2018, households 2011 and their shares. */
	ulbSectors: {
		cd_sector: string;
		pop_2018: number | null;
		men_2011: number | null;
		part_65plus_pct: number | null;
		part_menages_isoles_pct: number | null;
	}[];
}

function representativePoint(feature: Feature<Polygon | MultiPolygon>): [number, number] {
	const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
	return [lon, lat];
}

/**
 * Loads the 145 quartiers (with a Turf `pointOnFeature` representative point each) and the 724
 * sectors (population 2019 from `secteurs_indicateurs.csv`, representative point from the sector
 * geometry) from the shared data folder.
 */
export function loadBrusselsFixtures(dir: string = brusselsDataDir()): BrusselsFixtures {
	const sectorGeometries = JSON.parse(
		readFileSync(`${dir}secteurs_statistiques.geojson`, 'utf8')
	) as AreaCollection;
	const quartierGeometries = JSON.parse(
		readFileSync(`${dir}quartiers_monitoring.geojson`, 'utf8')
	) as AreaCollection;

	const sectorPoints = new Map<string, [number, number]>();
	for (const f of sectorGeometries.features) {
		sectorPoints.set(String(f.properties.cd_sector), representativePoint(f));
	}
	const sectors: SectorInput[] = readCsv(dir, 'secteurs_indicateurs.csv').map((row) => {
		const point = sectorPoints.get(row.cd_sector as string);
		if (!point) throw new Error(`sector ${row.cd_sector} has no geometry`);
		return {
			cd_sector: row.cd_sector as string,
			mdrc: Number(row.mdrc),
			pop_2019: Number(row.pop_2019),
			lon: point[0],
			lat: point[1]
		};
	});

	const quartierPoints = new Map<number, [number, number]>();
	for (const f of quartierGeometries.features) {
		quartierPoints.set(Number(f.properties.mdrc), representativePoint(f));
	}
	const quartiers: QuartierInput[] = readCsv(dir, 'quartiers_indicateurs.csv').map((row) => {
		const mdrc = Number(row.mdrc);
		const point = quartierPoints.get(mdrc);
		return {
			mdrc,
			name_fr: row.name_fr as string,
			name_nl: row.name_nl as string,
			type: row.type as string,
			nis_main: row.nis_main as string,
			pop_2019: Number(row.pop_2019),
			households: numberOrNull(row.nb_menages_prives),
			median_income_2019: numberOrNull(row.ibsa_revenu_median_decla_2019),
			share_65plus_pct: numberOrNull(row.ulb_part_65plus_pct),
			share_single_households_pct: numberOrNull(row.ulb_part_menages_isoles_pct),
			...(point ? { lon: point[0], lat: point[1] } : {})
		};
	});

	const ulbSectors = readCsv(dir, 'secteurs_ulb_compilation_2011_2018.csv').map((row) => ({
		cd_sector: row.cd_sector as string,
		pop_2018: numberOrNull(row.pop_2018),
		men_2011: numberOrNull(row.men_2011),
		part_65plus_pct: numberOrNull(row.part_65plus_pct),
		part_menages_isoles_pct: numberOrNull(row.part_menages_isoles_pct)
	}));

	return { quartiers, sectors, sectorGeometries, quartierGeometries, ulbSectors };
}

/** A residential quartier with plausible defaults, for hand-made test fixtures. */
export function makeQuartier(overrides: Partial<QuartierInput> & { mdrc: number }): QuartierInput {
	return {
		name_fr: `Quartier ${overrides.mdrc}`,
		name_nl: `WIJK ${overrides.mdrc}`,
		type: 'residential',
		nis_main: '21004',
		pop_2019: 1000,
		households: 500,
		median_income_2019: 20000,
		share_65plus_pct: 10,
		share_single_households_pct: 40,
		...overrides
	};
}

/** An active, exactly located resource with plausible defaults, for hand-made test fixtures. */
export function makeResource(
	overrides: Partial<ResourceInput> & { id: string; mdrc: number }
): ResourceInput {
	return {
		category: 'local_service_centre',
		support_kinds: ['home_visits'],
		lon: 4.35,
		lat: 50.85,
		location_precision: 'exact',
		status: 'active',
		assured_date: '2026-10-01',
		...overrides
	};
}

/**
 * The coverage catalog with its words read straight from messages/coverage/{fr,nl,en}.json, as
 * the UI layer gets them from Paraglide (domain code and its tests do not import Paraglide).
 * Throws when a message is missing, so a renamed key fails the tests.
 */
export function loadCoverageCatalog(): CoverageCatalog {
	const read = (locale: string) =>
		JSON.parse(
			readFileSync(new URL(`../../../../messages/coverage/${locale}.json`, import.meta.url), 'utf8')
		) as Record<string, string>;
	const files = { fr: read('fr'), nl: read('nl'), en: read('en') };
	const text = (key: string): LocalizedText => {
		const [fr, nl, en] = [files.fr[key], files.nl[key], files.en[key]];
		if (fr === undefined || nl === undefined || en === undefined) throw new Error(`no ${key}`);
		return { fr, nl, en };
	};
	const optional = (key: string) => (key in files.en ? text(key) : null);
	const sources = Object.fromEntries(
		Object.keys(SOURCES).map((id) => [
			id,
			{
				name: text(`coverage_source_${id}_name`),
				caveat: optional(`coverage_source_${id}_caveat`)
			}
		])
	) as CoverageTexts['sources'];
	const measures = Object.fromEntries(
		Object.keys(MEASURES).map((id) => [
			id,
			{
				label: text(`coverage_measure_${id}_label`),
				description: text(`coverage_measure_${id}_description`)
			}
		])
	) as CoverageTexts['measures'];
	const steps: LocalizedText[] = [];
	for (let i = 1; `coverage_gap_formula_step_${i}` in files.en; i++) {
		steps.push(text(`coverage_gap_formula_step_${i}`));
	}
	return describeCoverage({
		sources,
		measures,
		gapIndex: {
			population: text('coverage_gap_formula_population'),
			steps,
			caveats: text('coverage_gap_formula_caveats')
		},
		walkingCoverageMethod: text('coverage_walking_method'),
		exportTitle: text('coverage_export_title'),
		exportNotes: text('coverage_export_notes')
	});
}
