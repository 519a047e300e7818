import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from './interior-point.ts';
import type { LonLat } from './coordinates.ts';
import { distanceMeters, quartierAt, type QuartierCollection } from './quartier.ts';

const dataDir = new URL('../../../../data/', import.meta.url).pathname;
const readJson = (file: string): unknown =>
	JSON.parse(readFileSync(`${dataDir}/brussels/${file}`, 'utf8'));

const quartiers = readJson('quartiers_monitoring.geojson') as QuartierCollection;
const sectors = readJson('secteurs_statistiques.geojson') as FeatureCollection<
	MultiPolygon,
	{ cd_sector: string; mdrc: number }
>;

describe('quartierAt', () => {
	it('finds Grand Place for the Grand-Place', () => {
		expect(quartierAt([4.3525, 50.8467], quartiers)).toBe(1);
	});

	it('finds the quartier of well-known places', () => {
		// Place Flagey (Ixelles), the Atomium (Heysel), Gare du Midi (Saint-Gilles side).
		expect(
			quartiers.features.find((f) => f.properties.mdrc === quartierAt([4.3725, 50.8275], quartiers))
				?.properties
		).toMatchObject({ nis_main: '21009' });
		expect(quartierAt([4.3416, 50.8949], quartiers)).not.toBeNull();
		expect(quartierAt([4.3355, 50.8358], quartiers)).not.toBeNull();
	});

	it('returns null outside the region and for invalid input', () => {
		expect(quartierAt([4.7005, 50.8798], quartiers)).toBeNull(); // Leuven
		expect(quartierAt([4.2, 50.7], quartiers)).toBeNull();
		expect(quartierAt([0, 0], quartiers)).toBeNull();
		expect(quartierAt([Number.NaN, 50.85], quartiers)).toBeNull();
	});

	it("maps every quartier's own representative point back to it", () => {
		for (const feature of quartiers.features) {
			const [lon, lat] = interiorPoint(feature);
			expect(quartierAt([lon, lat], quartiers)).toBe(feature.properties.mdrc);
		}
	});

	it('maps every sector representative point to a quartier, agreeing with the IBSA table', () => {
		let agree = 0;
		for (const sector of sectors.features) {
			const point = interiorPoint(sector);
			const mdrc = quartierAt(point, quartiers);
			expect(mdrc, sector.properties.cd_sector).not.toBeNull();
			if (mdrc === sector.properties.mdrc) agree++;
		}
		// The README reports 9 boundary slivers where the official table and geometry differ.
		expect(sectors.features).toHaveLength(724);
		expect(agree).toBeGreaterThanOrEqual(724 - 9);
	});
});

describe('distanceMeters', () => {
	it('is zero for the same point and symmetric', () => {
		const a: LonLat = [4.3525, 50.8467];
		const b: LonLat = [4.3499, 50.845];
		expect(distanceMeters(a, a)).toBe(0);
		expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 9);
	});

	it('measures about 1112 m per 0.01 degree of latitude', () => {
		expect(distanceMeters([4.35, 50.8], [4.35, 50.81])).toBeGreaterThan(1105);
		expect(distanceMeters([4.35, 50.8], [4.35, 50.81])).toBeLessThan(1120);
	});

	it('measures Grand-Place to Manneken Pis at about 260 m', () => {
		const d = distanceMeters([4.3525, 50.8467], [4.34995, 50.84501]);
		expect(d).toBeGreaterThan(230);
		expect(d).toBeLessThan(290);
	});
});
