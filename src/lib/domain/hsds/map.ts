// Our directory rows as HSDS 3.0 objects: organizations, services, locations and the
// service_at_location join, with contact channels as HSDS phones / e-mail / website, our
// taxonomy codes as HSDS attributes linking taxonomy terms, and schedules as HSDS schedules.
// Fields we have no value for are left out (HSDS types them as strings, never null).
import { languageName } from '../languages.ts';
import { derivedId } from './ids.ts';
import { toSchedules } from './schedule.ts';
import type { HsdsTerm, TermIndex } from './taxonomy.ts';
import type {
	ChannelRow,
	HsdsLocale,
	HsdsObject,
	LocationRow,
	OrganizationRow,
	ServiceRow
} from './types.ts';

/** The HSDS version this API follows. */
export const HSDS_VERSION = '3.0';

type Described = {
	description_fr: string | null;
	description_nl: string | null;
	description_en: string | null;
};

/** The description in the asked locale, else in the first language that has one. */
export function describe(row: Described, locale: HsdsLocale): string {
	return (
		row[`description_${locale}`] ??
		row.description_fr ??
		row.description_nl ??
		row.description_en ??
		''
	);
}

/** Leaves out the keys whose value is null, undefined or an empty array. */
function compact(object: HsdsObject): HsdsObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)
		)
	);
}

// Organization status → HSDS service status. Paused entries are temporarily closed; dormant
// ones (not confirmed for a while) are still listed, with an alert.
const SERVICE_STATUS: Record<string, string> = {
	active: 'active',
	paused: 'temporarily closed',
	dormant: 'active'
};

const ALERTS: Record<HsdsLocale, { dormant: string; full: string }> = {
	fr: {
		dormant: 'Pas confirmé récemment : vérifiez avant d’orienter quelqu’un.',
		full: 'N’accepte pas de nouvelles personnes pour le moment.'
	},
	nl: {
		dormant: 'Niet recent bevestigd: controleer voor u iemand doorverwijst.',
		full: 'Neemt momenteel geen nieuwe mensen aan.'
	},
	en: {
		dormant: 'Not confirmed recently: check before referring someone.',
		full: 'Not accepting new people at the moment.'
	}
};

const WAITLIST: Record<HsdsLocale, string> = {
	fr: 'Liste d’attente',
	nl: 'Wachtlijst',
	en: 'Waiting list'
};

const COST: Record<HsdsLocale, Record<string, string>> = {
	fr: { free: 'Gratuit', contribution: 'Participation libre ou symbolique', paid: 'Payant' },
	nl: { free: 'Gratis', contribution: 'Vrije of symbolische bijdrage', paid: 'Betalend' },
	en: { free: 'Free', contribution: 'Voluntary or token contribution', paid: 'Paid' }
};

const REGION: Record<HsdsLocale, string> = {
	fr: 'Région de Bruxelles-Capitale',
	nl: 'Brussels Hoofdstedelijk Gewest',
	en: 'Brussels-Capital Region'
};

/** The organization's one-to-one fields (an HSDS organization list item). */
export function toOrganizationListItem(
	org: OrganizationRow,
	locale: HsdsLocale,
	channels: Pick<ChannelRow, 'kind' | 'value' | 'service_id'>[] = []
): HsdsObject {
	const own = channels.filter((c) => c.service_id === null);
	return compact({
		id: org.id,
		name: org.name,
		alternate_name: org.alternate_name,
		description: describe(org, locale),
		email: own.find((c) => c.kind === 'email')?.value,
		website: own.find((c) => c.kind === 'website')?.value,
		legal_status: org.legal_status
	});
}

/** The service's one-to-one fields (an HSDS service list item, without nested objects). */
export function toServiceListItem(
	service: ServiceRow,
	org: Pick<OrganizationRow, 'status' | 'assured_date'>,
	locale: HsdsLocale
): HsdsObject {
	const alerts = [
		org.status === 'dormant' ? ALERTS[locale].dormant : null,
		service.accepting_new === 'full' ? ALERTS[locale].full : null
	].filter((a) => a !== null);
	return compact({
		id: service.id,
		organization_id: service.organization_id,
		name: service.name,
		description: describe(service, locale),
		status: SERVICE_STATUS[org.status] ?? 'inactive',
		eligibility_description: service.eligibility_description,
		fees_description: service.cost_note ?? COST[locale][service.cost],
		wait_time: service.accepting_new === 'waitlist' ? WAITLIST[locale] : null,
		assured_date: org.assured_date,
		alert: alerts.length ? alerts.join(' ') : null,
		last_modified: new Date(service.updated_at).toISOString()
	});
}

/** The terms a service is tagged with: support kinds, target groups, languages. */
export function serviceTerms(service: ServiceRow, terms: TermIndex): HsdsTerm[] {
	return [
		...service.support_kinds.map((code) => terms.of('support_kinds', code)),
		...service.target_groups.map((code) => terms.of('target_groups', code)),
		...service.languages.map((code) => terms.of('languages', code))
	];
}

/** HSDS attributes linking an object to taxonomy terms. */
export function toAttributes(input: {
	linkId: string;
	linkEntity: 'service' | 'organization' | 'location';
	terms: HsdsTerm[];
}): HsdsObject[] {
	return input.terms.map((term) => ({
		id: derivedId('attribute', input.linkId, term.id),
		link_id: input.linkId,
		link_type: term.taxonomy,
		link_entity: input.linkEntity,
		taxonomy_term_id: term.id,
		taxonomy_term: compact({
			id: term.id,
			code: term.code,
			name: term.name,
			description: term.description,
			parent_id: term.parent_id,
			taxonomy: term.taxonomy,
			taxonomy_id: term.taxonomy_id,
			language: term.language
		})
	}));
}

/** Contact channels as HSDS phones (phone and WhatsApp numbers). */
export function toPhones(
	channels: ChannelRow[],
	link: { organization_id?: string; service_id?: string; location_id?: string }
): HsdsObject[] {
	return channels
		.filter((c) => c.kind === 'phone' || c.kind === 'whatsapp')
		.map((c) =>
			compact({
				id: derivedId('phone', c.id),
				...link,
				number: c.value,
				type: c.kind === 'whatsapp' ? 'text' : 'voice',
				description:
					c.kind === 'whatsapp' ? (c.label ? `WhatsApp: ${c.label}` : 'WhatsApp') : c.label
			})
		);
}

/** Relay channels (someone who passes messages on) as HSDS contacts. */
function toContacts(channels: ChannelRow[], link: HsdsObject): HsdsObject[] {
	return channels
		.filter((c) => c.kind === 'relay')
		.map((c) =>
			compact({ id: derivedId('contact', c.id), ...link, name: c.value, title: c.label })
		);
}

/**
 * Splits our one-line address ("Rue de la Victoire 12, Saint-Gilles", optionally with a postcode
 * before the commune) into HSDS's parts.
 */
export function toAddress(location: LocationRow, locale: HsdsLocale): HsdsObject | null {
	// Quartier-only locations never show an address, even if a row carried one.
	if (location.location_precision === 'quartier' || !location.address) return null;
	const comma = location.address.lastIndexOf(',');
	const street = comma > 0 ? location.address.slice(0, comma).trim() : location.address.trim();
	let city = comma > 0 ? location.address.slice(comma + 1).trim() : '';
	const postcode = /\b(1\d{3})\b/.exec(city)?.[1] ?? '';
	city = city.replace(/\b1\d{3}\b/, '').trim();
	return {
		id: derivedId('address', location.id),
		location_id: location.id,
		address_1: street,
		city,
		state_province: REGION[locale],
		postal_code: postcode,
		country: 'BE',
		address_type: 'physical'
	};
}

const PRECISION_NOTE: Record<HsdsLocale, string> = {
	fr: 'Lieu précis non publié : le point est celui du quartier.',
	nl: 'Precieze plek niet gepubliceerd: het punt is dat van de wijk.',
	en: 'Exact place not published: the point is the quartier’s.'
};

/**
 * An HSDS location. A quartier-only location (a group meeting at someone's home) carries only
 * its quartier's point and no address; the quartier (mdrc) and the precision are attributes.
 */
export function toLocation(location: LocationRow, locale: HsdsLocale): HsdsObject {
	const address = toAddress(location, locale);
	const quartierOnly = location.location_precision === 'quartier';
	return compact({
		id: location.id,
		location_type: 'physical',
		organization_id: location.organization_id,
		name: location.name ?? location.partner_venue_name,
		description: quartierOnly ? PRECISION_NOTE[locale] : null,
		latitude: location.lat,
		longitude: location.lon,
		external_identifier: String(location.mdrc),
		external_identifier_type: 'mdrc',
		addresses: address ? [address] : [],
		attributes: [
			{
				id: derivedId('attribute', location.id, 'quartier'),
				link_id: location.id,
				link_type: 'quartier',
				link_entity: 'location',
				value: String(location.mdrc)
			},
			{
				id: derivedId('attribute', location.id, 'location_precision'),
				link_id: location.id,
				link_type: 'location_precision',
				link_entity: 'location',
				value: location.location_precision
			}
		]
	});
}

/** The languages a service is offered in, as HSDS language objects. */
function toLanguages(service: ServiceRow, locale: HsdsLocale): HsdsObject[] {
	return service.languages.map((code) => ({
		id: derivedId('language', service.id, code),
		service_id: service.id,
		name: languageName(code, locale),
		code
	}));
}

/** What a service's full form is built from. */
export type ServiceParts = {
	service: ServiceRow;
	organization: OrganizationRow;
	/** Its service_at_location links with their locations. */
	locations: { id: string; location: LocationRow }[];
	/** The organization's public channels (its own and this service's). */
	channels: ChannelRow[];
	terms: TermIndex;
	locale: HsdsLocale;
};

/** A fully nested HSDS service (`/services/{id}`). */
export function toService(parts: ServiceParts): HsdsObject {
	const { service, organization, locale } = parts;
	const channels = parts.channels.filter(
		(c) => c.service_id === null || c.service_id === service.id
	);
	return compact({
		...toServiceListItem(service, organization, locale),
		email: channels.find((c) => c.kind === 'email')?.value,
		url: channels.find((c) => c.kind === 'website')?.value,
		organization: toOrganizationListItem(organization, locale, parts.channels),
		phones: toPhones(channels, { service_id: service.id }),
		contacts: toContacts(channels, { service_id: service.id }),
		schedules: toSchedules({
			serviceId: service.id,
			text: service.schedules,
			kind: service.schedule_kind
		}),
		languages: toLanguages(service, locale),
		cost_options: [
			compact({
				id: derivedId('cost_option', service.id),
				service_id: service.id,
				option: COST[locale][service.cost],
				currency: 'EUR',
				amount: service.cost === 'free' ? 0 : null,
				amount_description: service.cost_note
			})
		],
		service_at_locations: parts.locations.map(({ id, location }) =>
			compact({
				id,
				service_id: service.id,
				location_id: location.id,
				location: toLocation(location, locale)
			})
		),
		attributes: toAttributes({
			linkId: service.id,
			linkEntity: 'service',
			terms: serviceTerms(service, parts.terms)
		})
	});
}

/** A fully nested HSDS organization (`/organizations/{id}`), its services in list form. */
export function toOrganization(input: {
	organization: OrganizationRow;
	services: ServiceRow[];
	locations: LocationRow[];
	channels: ChannelRow[];
	terms: TermIndex;
	locale: HsdsLocale;
}): HsdsObject {
	const { organization, locale } = input;
	const own = input.channels.filter((c) => c.service_id === null);
	return compact({
		...toOrganizationListItem(organization, locale, input.channels),
		phones: toPhones(own, { organization_id: organization.id }),
		contacts: toContacts(own, { organization_id: organization.id }),
		locations: input.locations.map((l) => toLocation(l, locale)),
		services: input.services.map((s) => toServiceListItem(s, organization, locale)),
		attributes: toAttributes({
			linkId: organization.id,
			linkEntity: 'organization',
			terms: [input.terms.of('categories', organization.category)]
		})
	});
}

/** An HSDS paging object around one page of contents. */
export function toPage<T>(input: {
	contents: T[];
	totalItems: number;
	page: number;
	perPage: number;
}): {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
} {
	const totalPages = Math.ceil(input.totalItems / input.perPage);
	return {
		total_items: input.totalItems,
		total_pages: totalPages,
		page_number: input.page,
		size: input.contents.length,
		first_page: input.page === 1,
		last_page: input.page >= totalPages,
		empty: input.contents.length === 0,
		contents: input.contents
	};
}
