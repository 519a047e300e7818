// Benchmark of the coverage engine on the real Brussels geography (145 quartiers, 724 sectors)
// with 10,000 and 50,000 generated resources. Run: node bench/coverage.ts [runs]
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import { loadBrusselsFixtures } from '../src/lib/domain/coverage/fixtures.ts';
import { prng } from '../supabase/seed/prng.ts';
import {
	computeCoverage,
	type NeedSignalCountInput,
	type ResourceInput,
	type SurveyInput
} from '../src/lib/domain/coverage/index.ts';

const RUNS = Math.max(5, Number(process.argv[2] ?? 9));
const SIZES = [10_000, 50_000];
const NOW = new Date('2026-11-23T10:00:00Z');
const CATEGORIES = [
	'self_organisation',
	'community_pension_antenna',
	'local_service_centre',
	'volunteer_initiative',
	'community_centre',
	'social_restaurant',
	'community_health_centre',
	'public_social_service'
];
const SUPPORT_KINDS = [
	'meeting_place',
	'home_visits',
	'telephone_befriending',
	'practical_help_at_home',
	'shopping_help',
	'accompaniment',
	'shared_meals',
	'homework_help',
	'language_practice',
	'administrative_help',
	'leisure_activities',
	'time_bank'
];

const fixtures = loadBrusselsFixtures();
const { quartiers, sectors } = fixtures;
const sectorShapes = fixtures.sectorGeometries.features.map((f) => ({
	feature: f,
	mdrc: Number(f.properties.mdrc),
	box: bbox(f)
}));

function generateResources(count: number, seed: number): ResourceInput[] {
	const rand = prng(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
	const resources: ResourceInput[] = [];
	while (resources.length < count) {
		const shape = pick(sectorShapes);
		const [minLon, minLat, maxLon, maxLat] = shape.box as [number, number, number, number];
		const lon = minLon + rand() * (maxLon - minLon);
		const lat = minLat + rand() * (maxLat - minLat);
		if (!booleanPointInPolygon(point([lon, lat]), shape.feature)) continue;
		const roll = rand();
		const quartierOnly = rand() < 0.1;
		const kinds = [pick(SUPPORT_KINDS), pick(SUPPORT_KINDS)];
		const daysAgo = Math.floor(rand() * 720);
		resources.push({
			id: `bench-${resources.length}`,
			category: pick(CATEGORIES),
			support_kinds: [...new Set(kinds)],
			lon: quartierOnly ? null : lon,
			lat: quartierOnly ? null : lat,
			mdrc: shape.mdrc,
			location_precision: quartierOnly ? 'quartier' : 'exact',
			status: roll < 0.85 ? 'active' : roll < 0.93 ? 'paused' : 'dormant',
			assured_date: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10),
			service_area_mdrc: rand() < 0.05 ? [pick(quartiers).mdrc] : undefined
		});
	}
	return resources;
}

const rand = prng(7);
const surveys: SurveyInput[] = quartiers
	.filter(() => rand() < 0.4)
	.map((q) => ({
		mdrc: q.mdrc,
		checked_on: new Date(NOW.getTime() - Math.floor(rand() * 400) * 86_400_000)
			.toISOString()
			.slice(0, 10),
		organization_name: 'LDC'
	}));
const signals: NeedSignalCountInput[] = quartiers.flatMap((q) =>
	SUPPORT_KINDS.slice(0, 4).map((kind) => ({
		mdrc: q.mdrc,
		support_kind: kind,
		outcome: rand() < 0.5 ? ('found' as const) : ('not_found' as const),
		count: Math.floor(rand() * 12)
	}))
);

function median(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function bench(resources: ResourceInput[], filters: { category?: string; supportKind?: string }) {
	const run = () =>
		computeCoverage({ quartiers, sectors, resources, surveys, signals, filters, now: NOW });
	run(); // warm-up, not timed
	const times: number[] = [];
	let last = run();
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		last = run();
		times.push(performance.now() - start);
	}
	return { median: median(times), min: Math.min(...times), max: Math.max(...times), last };
}

console.log(
	`coverage engine: ${quartiers.length} quartiers, ${sectors.length} sectors, thresholds 500 m and 1 km, median of ${RUNS} runs`
);
const medians: Record<string, number[]> = { all: [], filtered: [], rare: [] };
for (const size of SIZES) {
	const resources = generateResources(size, size);
	for (const [label, filters] of [
		['all', {}],
		['filtered', { supportKind: 'home_visits' }],
		// About 2 % of the resources: coverage is partial, so uncovered sectors scan whole cells.
		['rare', { category: 'social_restaurant', supportKind: 'time_bank' }]
	] as const) {
		const r = bench(resources, filters);
		medians[label]?.push(r.median);
		const cover = r.last.region.walking.map((t) => `${((t.share ?? 0) * 100).toFixed(1)} %`);
		console.log(
			`${String(size).padStart(6)} resources, ${label.padEnd(8)}: median ${r.median.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}); region coverage ${cover.join(' / ')}`
		);
	}
}
for (const [label, [small, large]] of Object.entries(medians)) {
	if (small === undefined || large === undefined) continue;
	console.log(
		`${label}: ratio 50,000 / 10,000 = ${(large / small).toFixed(2)} (5× the resources; quadratic would be 25×)`
	);
}
