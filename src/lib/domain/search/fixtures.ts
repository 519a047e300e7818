// Hand-made finder rows placed at real Brussels spots (points on streets from the street
// index, quartier codes from the Monitoring des Quartiers), for tests and the benchmark.

import type { FinderQuery, LonLat, ResourceRow } from './types.ts';

/** The Parvis de Saint-Gilles, where a social worker stands in the tests. */
export const PARVIS_SAINT_GILLES: LonLat = [4.3456, 50.8276];

/** Part of the support-kind taxonomy (child → parent), from the taxonomy in data/. */
export const SUPPORT_PARENTS: Record<string, string> = {
	meeting_place: 'social_contact',
	home_visits: 'social_contact',
	telephone_befriending: 'social_contact',
	peer_support_group: 'listening_support',
	shopping_help: 'everyday_help',
	shared_meals: 'meals_food',
	administrative_help: 'information_rights'
};

function row(
	fields: Partial<ResourceRow> & Pick<ResourceRow, 'id' | 'lon' | 'lat' | 'mdrc'>
): ResourceRow {
	return {
		organization_id: `org-${fields.id}`,
		organization_name: 'Organisation',
		service_name: 'Service',
		category: 'self_organisation',
		description_fr: null,
		description_nl: null,
		description_en: null,
		location_precision: 'exact',
		languages: ['fr'],
		support_kinds: [],
		target_groups: ['everyone'],
		accepting_new: 'open',
		trust_tier: 'self_declared',
		vouched_by_name: null,
		assured_date: '2026-10-01',
		status: 'active',
		schedules: null,
		schedule_kind: 'irregular',
		...fields
	};
}

/** Six resources across Brussels. */
export function brusselsResources(): ResourceRow[] {
	return [
		row({
			id: 'parvis',
			// Parvis Saint-Gilles, quartier Porte de Hal (48): about 320 m from PARVIS_SAINT_GILLES.
			lon: 4.344937,
			lat: 50.830472,
			mdrc: 48,
			organization_name: 'Maison de quartier du Parvis',
			service_name: 'Café papote',
			category: 'community_centre',
			description_fr: 'Un lieu de rencontre ouvert à tous, café et jeux de société.',
			description_nl: 'Een ontmoetingsplek voor iedereen, koffie en gezelschapsspelen.',
			description_en: 'A drop-in meeting place for everyone, coffee and board games.',
			languages: ['fr', 'ar', 'es'],
			support_kinds: ['meeting_place'],
			trust_tier: 'vouched',
			vouched_by_name: 'Centre de services local Saint-Gilles',
			assured_date: '2026-10-01',
			schedules: 'Mo-Fr 09:00-12:00,13:30-17:00; PH off',
			schedule_kind: 'hours'
		}),
		row({
			id: 'anneessens',
			// Place Anneessens, quartier Anneessens (10): about 1.8 km away.
			lon: 4.344019,
			lat: 50.843761,
			mdrc: 10,
			organization_name: 'Antenne BuurtPensioen Anneessens',
			service_name: 'Bezoek aan huis',
			category: 'community_pension_antenna',
			description_nl: 'Vrijwilligers bezoeken ouderen thuis en bellen wekelijks.',
			description_fr: 'Des bénévoles rendent visite aux aînés à domicile.',
			languages: ['nl', 'fr'],
			support_kinds: ['home_visits', 'telephone_befriending'],
			target_groups: ['older_people', 'people_living_alone'],
			accepting_new: 'waitlist',
			assured_date: '2026-06-15',
			schedules: 'We[1,3] 14:00-16:00',
			schedule_kind: 'hours'
		}),
		row({
			id: 'grand-place',
			// Grand-Place, quartier Grand Place (1): about 2.2 km away.
			lon: 4.352712,
			lat: 50.846926,
			mdrc: 1,
			organization_name: 'Restaurant social du Centre',
			service_name: 'Repas à 3 euros',
			category: 'social_restaurant',
			description_fr: 'Repas chauds à prix réduit, le midi.',
			languages: ['fr', 'nl', 'en'],
			support_kinds: ['shared_meals'],
			target_groups: ['people_in_poverty'],
			accepting_new: 'full',
			assured_date: '2025-11-20',
			schedules: 'Mo-Sa 11:30-14:00',
			schedule_kind: 'hours'
		}),
		row({
			id: 'flagey',
			// Place Flagey, quartier Flagey - Malibran (37): about 1.9 km away.
			lon: 4.372549,
			lat: 50.82728,
			mdrc: 37,
			organization_name: 'Lokaal Dienstencentrum Elsene',
			service_name: 'Administratieve hulp',
			category: 'local_service_centre',
			description_nl: 'Hulp bij brieven, formulieren en de computer.',
			description_fr: "Aide pour le courrier, les formulaires et l'ordinateur.",
			languages: ['nl', 'fr', 'tr'],
			support_kinds: ['administrative_help'],
			target_groups: ['older_people'],
			assured_date: '2026-09-01',
			schedule_kind: 'by_appointment'
		}),
		row({
			id: 'colignon',
			// Place Colignon, quartier Colignon (23): about 4.9 km away; not confirmed for long.
			lon: 4.373229,
			lat: 50.86777,
			mdrc: 23,
			organization_name: 'Femmes en dialogue',
			service_name: 'Groupe de parole',
			description_fr: 'Groupe de parole entre femmes, en français et en arabe.',
			languages: ['fr', 'ar'],
			support_kinds: ['peer_support_group'],
			target_groups: ['women'],
			assured_date: '2024-03-01',
			status: 'dormant',
			schedules: 'Sa[-1] 10:00-12:00',
			schedule_kind: 'hours'
		}),
		row({
			id: 'vaillance',
			// Place de la Vaillance, quartier 58 (Anderlecht centre): about 2.9 km away, quartier only.
			lon: 4.306537,
			lat: 50.835648,
			mdrc: 58,
			location_precision: 'quartier',
			organization_name: 'Voisins solidaires Anderlecht',
			service_name: 'Courses partagées',
			category: 'volunteer_initiative',
			description_fr:
				'Des voisins font les courses pour les personnes qui ne peuvent plus se déplacer.',
			languages: ['fr', 'ro', 'pl'],
			support_kinds: ['shopping_help'],
			assured_date: '2026-11-01',
			schedules: 'Tu,Th 10:00-12:00',
			schedule_kind: 'hours'
		})
	];
}

/** A query with no filter, at a fixed moment: Tuesday 7 April 2026, 10:30 in Brussels. */
export function emptyQuery(overrides: Partial<FinderQuery> = {}): FinderQuery {
	return {
		languages: [],
		support: [],
		target: [],
		category: [],
		openNow: false,
		accepting: false,
		wheelchair: false,
		sort: 'distance',
		page: 1,
		now: new Date('2026-04-07T08:30:00Z'),
		...overrides
	};
}
