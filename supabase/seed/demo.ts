// Fictional demo entries: organizations, services, locations, links and contact channels spread
// over the Brussels quartiers. Pure and deterministic: the same input always gives the same
// rows (seeded PRNG, counter-based ids), so tests and screenshots are stable. Names carry
// "(demo)", e-mail and web addresses use the reserved .invalid domain and phone numbers the
// unassigned +32 2 000 block, so nothing can be mistaken for a real service.
import { quartierAt, type LonLat, type QuartierCollection } from '#lib/domain/geo/quartier.ts';
import type { Street, Taxonomy } from './geography.ts';
import { prng } from './prng.ts';

export type DemoQuartier = {
	mdrc: number;
	name_fr: string;
	name_nl: string;
	type: string;
	nis_main: string;
	point_lon: number;
	point_lat: number;
};

export type DemoInput = {
	/** Published service-at-location rows to generate (what anonymous visitors can find). */
	count: number;
	/** Reference day `YYYY-MM-DD` for assured, paused-until and dormant dates. */
	today: string;
	quartiers: DemoQuartier[];
	quartierCollection: QuartierCollection;
	streets: Street[];
	communes: { nis: string; name_fr: string }[];
	taxonomy: Taxonomy;
	/** PRNG seed; default 20261123. */
	seed?: number;
};

type Status = 'pending' | 'active' | 'paused' | 'dormant' | 'closed' | 'rejected' | 'archived';

export type DemoOrganization = {
	id: string;
	name: string;
	alternate_name: string | null;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
	legal_status: string | null;
	category: string;
	trust_tier: 'self_declared' | 'vouched' | 'verified';
	vouched_by_organization_id: string | null;
	status: Status;
	assured_date: string | null;
	paused_until: string | null;
};

export type DemoService = {
	id: string;
	organization_id: string;
	name: string;
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
	support_kinds: string[];
	target_groups: string[];
	languages: string[];
	eligibility_description: string | null;
	accessibility: string | null;
	wheelchair_accessible: boolean | null;
	cost: 'free' | 'contribution' | 'paid';
	cost_note: string | null;
	accepting_new: 'open' | 'waitlist' | 'full';
	schedules: string | null;
	schedule_kind: 'hours' | 'by_appointment' | 'irregular';
};

export type DemoLocation = {
	id: string;
	organization_id: string;
	name: string | null;
	address: string | null;
	location_precision: 'exact' | 'street' | 'quartier';
	lon: number;
	lat: number;
	mdrc: number;
	service_area_mdrc: number[];
	partner_venue_name: string | null;
};

export type DemoServiceAtLocation = {
	id: string;
	organization_id: string;
	service_id: string;
	location_id: string;
};

export type DemoContactChannel = {
	id: string;
	organization_id: string;
	service_id: string | null;
	kind: 'phone' | 'email' | 'website' | 'whatsapp' | 'relay';
	value: string;
	label: string | null;
	public: boolean;
	sort_order: number;
};

export type DemoData = {
	organizations: DemoOrganization[];
	services: DemoService[];
	locations: DemoLocation[];
	serviceAtLocation: DemoServiceAtLocation[];
	contactChannels: DemoContactChannel[];
	/** Service-at-location rows of published organizations (equals `count`). */
	published: number;
};

const PUBLISHED: readonly Status[] = ['active', 'paused', 'dormant'];

/** First and last organization id of the demo range, to find or delete demo entries. */
export const DEMO_ORGANIZATION_ID_RANGE = [demoId(0, 0), demoId(0, 0xffffffffffff)] as const;

/** Counter-based UUID (version 4 layout) in a block reserved for demo rows of one table. */
function demoId(table: number, n: number): string {
	return `0de0000${table}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

type Random = {
	next(): number;
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<T>(items: readonly (readonly [T, number])[]): T;
	sample<T>(items: readonly T[], n: number): T[];
	shuffle<T>(items: readonly T[]): T[];
};

function random(seed: number): Random {
	const next = prng(seed);
	const r: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick(items) {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		weighted(items) {
			const total = items.reduce((sum, [, w]) => sum + w, 0);
			let x = next() * total;
			for (const [item, w] of items) {
				x -= w;
				if (x < 0) return item;
			}
			const last = items.at(-1);
			if (!last) throw new Error('weighted pick from an empty list');
			return last[0];
		},
		shuffle<T>(items: readonly T[]): T[] {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
			}
			return copy;
		},
		sample: (items, n) => r.shuffle(items).slice(0, n)
	};
	return r;
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
}

const two = (n: number) => String(n % 100).padStart(2, '0');

// Community languages are weighted after how often support is offered in them in Brussels;
// codes not listed here get weight 1.
const LANGUAGE_WEIGHTS: Record<string, number> = {
	ar: 14,
	ary: 10,
	tr: 8,
	es: 7,
	pt: 6,
	ro: 6,
	pl: 5,
	it: 5,
	ln: 4,
	rif: 4,
	ber: 3,
	bg: 3,
	ru: 3,
	uk: 3,
	sq: 2,
	ps: 2,
	prs: 2,
	fa: 2,
	so: 2,
	ti: 2,
	am: 1,
	el: 2,
	sw: 1,
	ff: 1,
	wo: 1,
	vgt: 0.5,
	sfb: 0.5
};

const SCHEDULES = [
	'Mo-Fr 09:00-12:00',
	'Mo-Fr 09:00-12:30,13:30-16:00',
	'Tu,Th 14:00-17:00',
	'We 10:00-12:00; Sa 10:00-13:00',
	'Mo 18:00-20:00',
	'Th 13:30-16:30',
	'Sa 14:00-18:00',
	'Mo,We,Fr 10:00-15:00',
	'Tu 09:30-11:30; Th 09:30-11:30',
	'Fr 12:00-14:00',
	'Mo-Sa 11:30-14:00',
	'We 14:00-17:30',
	'Su 15:00-18:00',
	'Mo-Th 16:00-18:00; PH off'
];

const NAME_PATTERNS: Record<string, [fr: string, nl: string]> = {
	self_organisation: ['Association des habitants', 'Bewonersvereniging'],
	community_pension_antenna: ['Antenne BuurtPensioen', 'BuurtPensioen antenne'],
	local_service_centre: ['Centre de services', 'Dienstencentrum'],
	volunteer_initiative: ['Coup de main', 'Burenhulp'],
	seniors_association: ['Amicale des seniors', 'Seniorenclub'],
	community_centre: ['Maison de quartier', 'Gemeenschapscentrum'],
	faith_community_work: ['Entraide solidaire', 'Solidariteitswerking'],
	social_restaurant: ['Resto du quartier', 'Sociaal restaurant'],
	community_health_centre: ['Maison médicale', 'Wijkgezondheidscentrum'],
	general_welfare_centre: ['Service social', 'Welzijnspunt'],
	public_social_service: ['Antenne sociale', 'Sociaal antennepunt'],
	home_care_service: ['Aide à domicile', 'Thuiszorg'],
	other: ['Collectif', 'Collectief']
};

// Each note with what it clearly says about a wheelchair: step-free or a lift, or neither.
const ACCESSIBILITY: readonly (readonly [note: string, wheelchair: boolean])[] = [
	['Ground floor, step-free entrance.', true],
	['Lift available; adapted toilet.', true],
	['First floor without lift.', false],
	['Step-free access via the side door.', true]
];

function access(entry: readonly [string, boolean] | null) {
	return { accessibility: entry?.[0] ?? null, wheelchair_accessible: entry?.[1] ?? null };
}

const ELIGIBILITY = [
	'Residents of the quartier and surrounding streets.',
	'People aged 60 and over.',
	'Open to everyone; registration at the first visit.',
	'Families with children under 12.',
	'On referral by a social worker.'
];

const COST_NOTES: Record<'contribution' | 'paid', string[]> = {
	contribution: ['2 EUR per meal.', 'Free will contribution.', '5 EUR per year membership.'],
	paid: ['10 EUR per session, reduced rate on request.', '15 EUR per hour of help.']
};

const VENUES = [
	'Salle paroissiale (demo)',
	'Bibliothèque de quartier (demo)',
	'Local du comité de quartier (demo)',
	'Buurthuis (demo)',
	'Café associatif (demo)'
];

/**
 * Generates `count` published demo resources (service at location rows) plus a few
 * unpublished ones, spread round-robin over the residential quartiers, covering every category.
 *
 * @example
 * generateDemo({ count: 320, today: '2026-11-23', quartiers, quartierCollection, streets, communes, taxonomy })
 */
export function generateDemo(input: DemoInput): DemoData {
	const rnd = random(input.seed ?? 20261123);
	const { taxonomy } = input;
	const communeName = new Map(input.communes.map((c) => [c.nis, c.name_fr]));
	const categories = taxonomy.categories.map((c) => c.code);
	const kinds = taxonomy.supportKinds.filter((k) => k.parent_code !== null);
	const groups = taxonomy.targetGroups.map((g) => g.code).filter((g) => g !== 'everyone');
	const communityLanguages = taxonomy.languages
		.map((l) => l.code)
		.filter((code) => !['fr', 'nl', 'en', 'de'].includes(code))
		.map((code) => [code, LANGUAGE_WEIGHTS[code] ?? 1] as const);

	const residential = input.quartiers.filter((q) => q.type === 'residential');
	const homeOrder = rnd.shuffle(residential.length > 0 ? residential : input.quartiers);
	const byCommune = new Map<string, DemoQuartier[]>();
	for (const q of input.quartiers) {
		byCommune.set(q.nis_main, [...(byCommune.get(q.nis_main) ?? []), q]);
	}
	const streetsByQuartier = new Map<number, Street[]>();
	for (const street of input.streets) {
		const mdrc = quartierAt([street.lon, street.lat], input.quartierCollection);
		if (mdrc !== null)
			streetsByQuartier.set(mdrc, [...(streetsByQuartier.get(mdrc) ?? []), street]);
	}

	const data: DemoData = {
		organizations: [],
		services: [],
		locations: [],
		serviceAtLocation: [],
		contactChannels: [],
		published: 0
	};
	const counters = [0, 0, 0, 0, 0];
	const nextId = (table: number) => demoId(table, ++counters[table]!);
	const vouchers: string[] = [];

	function location(orgId: string, home: DemoQuartier): DemoLocation {
		const precision = rnd.weighted([
			['exact', 0.75],
			['street', 0.15],
			['quartier', 0.1]
		] as const);
		const streets = streetsByQuartier.get(home.mdrc) ?? [];
		const venue = rnd.chance(0.12) ? rnd.pick(VENUES) : null;
		const serviceArea = rnd.chance(0.2)
			? [
					home.mdrc,
					...rnd
						.sample(byCommune.get(home.nis_main) ?? [], 3)
						.map((q) => q.mdrc)
						.filter((m) => m !== home.mdrc)
				].sort((a, b) => a - b)
			: [];
		const base = {
			id: nextId(2),
			organization_id: orgId,
			name: venue ?? (rnd.chance(0.5) ? `Local ${home.name_fr} (demo)` : null),
			service_area_mdrc: serviceArea,
			partner_venue_name: venue
		};
		if (precision === 'quartier' || streets.length === 0) {
			return {
				...base,
				address: null,
				location_precision: 'quartier',
				lon: home.point_lon,
				lat: home.point_lat,
				mdrc: home.mdrc
			};
		}
		const street = rnd.pick(streets);
		const commune = communeName.get(street.nis) ?? '';
		if (precision === 'street') {
			return {
				...base,
				address: `${street.name_fr}, ${commune}`,
				location_precision: 'street',
				lon: street.lon,
				lat: street.lat,
				mdrc: quartierAt([street.lon, street.lat], input.quartierCollection) ?? home.mdrc
			};
		}
		// A house a few dozen metres along the street; the quartier is recomputed for the moved
		// point, which may cross into the neighbouring quartier like a real address would.
		const round = (x: number) => Math.round(x * 1e6) / 1e6;
		let point: LonLat = [
			round(street.lon + (rnd.next() - 0.5) * 0.0008),
			round(street.lat + (rnd.next() - 0.5) * 0.0005)
		];
		let mdrc = quartierAt(point, input.quartierCollection);
		if (mdrc === null) {
			point = [street.lon, street.lat];
			mdrc = quartierAt(point, input.quartierCollection) ?? home.mdrc;
		}
		return {
			...base,
			address: `${street.name_fr} ${rnd.int(1, 180)}, ${commune}`,
			location_precision: 'exact',
			lon: point[0],
			lat: point[1],
			mdrc
		};
	}

	function service(orgId: string, home: DemoQuartier, mainLanguage: 'fr' | 'nl'): DemoService {
		const serviceKinds = rnd.sample(
			kinds,
			rnd.weighted([
				[1, 0.5],
				[2, 0.35],
				[3, 0.15]
			] as const)
		);
		const first = serviceKinds[0]!;
		const targetGroups = rnd.chance(0.2) ? ['everyone'] : rnd.sample(groups, rnd.int(0, 2));
		const languages = new Set<string>([mainLanguage]);
		if (rnd.chance(0.45)) languages.add(mainLanguage === 'fr' ? 'nl' : 'fr');
		if (rnd.chance(0.3)) languages.add('en');
		for (
			let i = rnd.weighted([
				[0, 0.35],
				[1, 0.4],
				[2, 0.2],
				[3, 0.05]
			] as const);
			i > 0;
			i--
		) {
			languages.add(rnd.weighted(communityLanguages));
		}
		const scheduleKind = rnd.weighted([
			['hours', 0.75],
			['by_appointment', 0.15],
			['irregular', 0.1]
		] as const);
		const cost = rnd.weighted([
			['free', 0.7],
			['contribution', 0.22],
			['paid', 0.08]
		] as const);
		const label = mainLanguage === 'fr' ? first.label_fr : first.label_nl;
		return {
			id: nextId(1),
			organization_id: orgId,
			name: `${label} (demo)`,
			description_fr: `Exemple fictif : ${first.label_fr.toLowerCase()} à ${home.name_fr}.`,
			description_nl:
				rnd.chance(0.6) || mainLanguage === 'nl'
					? `Fictief voorbeeld: ${first.label_nl.toLowerCase()} in ${home.name_fr}.`
					: null,
			description_en: rnd.chance(0.4)
				? `Fictional example: ${first.label_en.toLowerCase()} in ${home.name_fr}.`
				: null,
			support_kinds: serviceKinds.map((k) => k.code),
			target_groups: targetGroups,
			languages: [...languages],
			eligibility_description: rnd.chance(0.3) ? rnd.pick(ELIGIBILITY) : null,
			...access(rnd.chance(0.4) ? rnd.pick(ACCESSIBILITY) : null),
			cost,
			cost_note: cost === 'free' ? null : rnd.pick(COST_NOTES[cost]),
			accepting_new: rnd.weighted([
				['open', 0.8],
				['waitlist', 0.13],
				['full', 0.07]
			] as const),
			schedules:
				scheduleKind === 'hours' || (scheduleKind === 'by_appointment' && rnd.chance(0.5))
					? rnd.pick(SCHEDULES)
					: null,
			schedule_kind: scheduleKind
		};
	}

	function contacts(orgId: string, name: string, n: number) {
		const host = `${slug(name)}-${n}.invalid`;
		const channels: Omit<DemoContactChannel, 'id' | 'organization_id' | 'sort_order'>[] = [
			{
				kind: 'phone',
				value: `+32 2 000 ${two(n)} ${two(n >> 7)}`,
				label: null,
				public: rnd.chance(0.85),
				service_id: null
			}
		];
		if (rnd.chance(0.8))
			channels.push({
				kind: 'email',
				value: `contact@${host}`,
				label: null,
				public: rnd.chance(0.75),
				service_id: null
			});
		if (rnd.chance(0.35))
			channels.push({
				kind: 'website',
				value: `https://www.${host}`,
				label: null,
				public: true,
				service_id: null
			});
		if (rnd.chance(0.2))
			channels.push({
				kind: 'whatsapp',
				value: `+32 2 000 ${two(n >> 3)} ${two(n)}`,
				label: 'Coordinator',
				public: false,
				service_id: null
			});
		if (rnd.chance(0.1))
			channels.push({
				kind: 'relay',
				value: 'Ask at the reception of the local service centre.',
				label: null,
				public: true,
				service_id: null
			});
		channels.forEach((c, i) =>
			data.contactChannels.push({ id: nextId(4), organization_id: orgId, sort_order: i, ...c })
		);
	}

	function organization(status: Status, home: DemoQuartier, category: string): DemoOrganization {
		const n = data.organizations.length + 1;
		const mainLanguage = rnd.chance(0.72) ? 'fr' : 'nl';
		const [fr, nl] = NAME_PATTERNS[category] ?? ['Initiative', 'Initiatief'];
		const name = `${mainLanguage === 'fr' ? fr : nl} – ${home.name_fr} (demo ${n})`;
		const published = PUBLISHED.includes(status);
		let trust: DemoOrganization['trust_tier'] = 'self_declared';
		let vouchedBy: string | null = null;
		if (published && vouchers.length > 0 && rnd.chance(0.2)) {
			trust = 'vouched';
			vouchedBy = rnd.pick(vouchers);
		} else if (published && rnd.chance(0.1)) trust = 'verified';
		const id = nextId(0);
		if (
			published &&
			trust !== 'vouched' &&
			[
				'local_service_centre',
				'community_pension_antenna',
				'general_welfare_centre',
				'public_social_service'
			].includes(category)
		) {
			vouchers.push(id);
		}
		const assured =
			status === 'dormant'
				? addDays(input.today, -rnd.int(400, 800))
				: status === 'pending' || status === 'rejected'
					? null
					: addDays(input.today, -rnd.int(0, 300));
		const org: DemoOrganization = {
			id,
			name,
			alternate_name: rnd.chance(0.15)
				? `${mainLanguage === 'fr' ? nl : fr} ${home.name_fr} (demo)`
				: null,
			description_fr:
				mainLanguage === 'fr' || rnd.chance(0.5)
					? `Organisation fictive de démonstration à ${home.name_fr}.`
					: null,
			description_nl:
				mainLanguage === 'nl' || rnd.chance(0.5)
					? `Fictieve demo-organisatie in ${home.name_fr}.`
					: null,
			description_en: rnd.chance(0.3) ? `Fictional demo organisation in ${home.name_fr}.` : null,
			legal_status: rnd.weighted([
				['non_profit_association', 0.5],
				['de_facto_association', 0.3],
				[null, 0.2]
			] as const),
			category,
			trust_tier: trust,
			vouched_by_organization_id: vouchedBy,
			status,
			assured_date: assured,
			paused_until: status === 'paused' ? addDays(input.today, rnd.int(10, 90)) : null
		};
		data.organizations.push(org);
		contacts(id, name, n);
		return org;
	}

	function build(status: Status, index: number, maxRows: number): number {
		const home = homeOrder[index % homeOrder.length]!;
		const category = index < categories.length ? categories[index]! : rnd.pick(categories);
		const org = organization(status, home, category);
		const mainLanguage = org.description_fr ? 'fr' : 'nl';
		const shape =
			maxRows < 2
				? [1, 1]
				: rnd.weighted([
						[[1, 1], 0.7],
						[[2, 1], 0.2],
						[[1, 2], 0.1]
					] as const);
		const services = Array.from({ length: shape[0]! }, () => service(org.id, home, mainLanguage));
		const locations = Array.from({ length: shape[1]! }, () => location(org.id, home));
		for (const s of services) {
			for (const l of locations) {
				data.serviceAtLocation.push({
					id: nextId(3),
					organization_id: org.id,
					service_id: s.id,
					location_id: l.id
				});
			}
		}
		data.services.push(...services);
		data.locations.push(...locations);
		return services.length * locations.length;
	}

	let index = 0;
	while (data.published < input.count) {
		const status = rnd.weighted([
			['active', 0.86],
			['paused', 0.07],
			['dormant', 0.07]
		] as const);
		data.published += build(status, index++, input.count - data.published);
	}
	const unpublished = input.count > 0 ? Math.max(4, Math.round(input.count * 0.06)) : 0;
	for (let i = 0; i < unpublished; i++) {
		const status =
			i < 4
				? (['pending', 'pending', 'rejected', 'closed'] as const)[i]!
				: rnd.weighted([
						['pending', 0.6],
						['rejected', 0.15],
						['closed', 0.15],
						['archived', 0.1]
					] as const);
		build(status, index++, 1);
	}
	return data;
}
