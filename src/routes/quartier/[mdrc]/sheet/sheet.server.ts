// Builds everything a quartier sheet prints, from the visitor's supabase client (published
// entries only, as RLS decides) and the quartier's outline.
import { contactText, publicContacts, scheduleLines } from '#lib/domain/finder/entry.ts';
import { boundsOf } from '#lib/domain/geo/projection.ts';
import { languageList, type UiLocale } from '#lib/domain/languages.ts';
import {
	fitToBudget,
	groupBySupportKind,
	NEARBY_RADIUS_METERS,
	placeEntries,
	type SheetCandidate,
	SHEET_BUDGET,
	SHEET_BUDGET_TWO_LANGUAGES,
	splitBudget,
	type NearbyReason,
	type SupportGroup
} from '#lib/domain/sheet/group.ts';
import { grow, sheetMap, type SheetMap } from '#lib/domain/sheet/map.ts';
import { offerLine } from '#lib/domain/sheet/offer.ts';
import type { SecondLanguage } from '#lib/domain/sheet/schema.ts';
import type { Db } from '#lib/server/db/client.ts';
import type { QuartierFeature } from '#lib/domain/geo/quartier.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import { publicOrigin } from '#lib/server/config.ts';
import * as resourcesNear from '#lib/server/db/resources-near.ts';
import * as resources from '#lib/server/db/resources.ts';
import type { ResourceIndexRow } from '#lib/server/db/resources.ts';
import type { Taxonomy } from '#lib/server/db/taxonomy.ts';
import { qrDataUrl } from '#lib/server/qr.ts';

/** Text in the page's locale and, when the reader chose one we translate into, the second. */
export type Twice = { text: string; second: string | null };

/** One printed entry. */
export type SheetEntry = {
	number: number;
	name: string;
	service: string | null;
	offer: Twice | null;
	when: { kind: ResourceIndexRow['schedule_kind']; lines: string[]; secondLines: string[] };
	/** Null for a group meeting at a private address: no address, no point. */
	address: string | null;
	contacts: string[];
	languages: string;
	speaksSecond: boolean;
	nearby: NearbyReason | null;
	link: string;
	qr: string;
};

/** A printed group: its support-kind label (in both languages) and entries. */
export type SheetGroup = { label: Twice; entries: SheetEntry[] };

/** One part of the sheet (the quartier, or nearby), with how many were left out. */
export type SheetPart = { groups: SheetGroup[]; hidden: number; total: number };

/** An entry placed on the sheet: in the quartier (no reason) or nearby, and why. */
type Placed = { row: SheetCandidate; reason: NearbyReason | null };

type Options = {
	supabase: Db;
	mdrc: number;
	outline: QuartierFeature;
	terms: Taxonomy;
	locale: UiLocale;
	second: SecondLanguage | null;
};

/** Entries in print, with their numbers, groups and QR codes, and the map drawing them. */
export async function buildSheet(options: Options): Promise<{
	inside: SheetPart;
	nearby: SheetPart;
	map: SheetMap;
	all: { link: string; qr: string };
}> {
	const { supabase, mdrc, outline, terms, locale, second } = options;
	const bbox = grow(boundsOf([outline.geometry]), NEARBY_RADIUS_METERS);
	const candidates = await resourcesNear.nearQuartier(supabase, { mdrc, bbox });
	const placed = placeEntries({ rows: candidates, mdrc, outline });
	// Two languages make every entry taller: fewer fit on two pages.
	const budget = splitBudget({
		inside: placed.inside.length,
		nearby: placed.nearby.length,
		budget: second?.kind === 'translated' ? SHEET_BUDGET_TWO_LANGUAGES : SHEET_BUDGET
	});
	const collator = new Intl.Collator(locale);
	const kinds = terms.supportKinds;
	const inside = fitToBudget(
		groupBySupportKind(
			placed.inside.map((row): Placed => ({ row, reason: null })),
			{
				kinds,
				collator,
				supportKindsOf: (i) => i.row.support_kinds,
				nameOf: (i) => i.row.organization_name
			}
		),
		budget.inside
	);
	const nearby = fitToBudget(
		groupBySupportKind(placed.nearby, {
			kinds,
			collator,
			supportKindsOf: (i) => i.row.support_kinds,
			nameOf: (i) => i.row.organization_name
		}),
		budget.nearby
	);
	const shown: Placed[] = [...inside.groups, ...nearby.groups].flatMap((g): Placed[] => g.items);
	const rows = new Map(
		(
			await resources.getMany(
				supabase,
				shown.map((i) => i.row.id)
			)
		).map((r) => [r.id, r])
	);
	const numbers = new Map(shown.map((item, i) => [item.row.id, i + 1]));
	const entry = (item: { row: { id: string }; reason: NearbyReason | null }) => {
		const row = rows.get(item.row.id);
		const number = numbers.get(item.row.id) ?? 0;
		return row ? toEntry({ row, number, reason: item.reason, options }) : null;
	};
	const part = async (
		groups: SupportGroup<{ row: { id: string }; reason: NearbyReason | null }>[],
		hidden: number
	): Promise<SheetPart> => {
		const printed = await Promise.all(
			groups.map(async (group) => ({
				label: groupLabel(group.code, kinds, locale, second),
				entries: (await Promise.all(group.items.map(entry))).filter((e) => e !== null)
			}))
		);
		const kept = printed.filter((g) => g.entries.length > 0);
		return { groups: kept, hidden, total: kept.reduce((n, g) => n + g.entries.length, 0) + hidden };
	};
	const allLink = new URL(localizeHref(`/find?quartier=${mdrc}`, { locale }), publicOrigin()).href;
	return {
		inside: await part(inside.groups, inside.hidden),
		nearby: await part(nearby.groups, nearby.hidden),
		map: sheetMap({
			outline: outline.geometry,
			points: shown.flatMap((item) =>
				item.row.location_precision === 'quartier' || !rows.has(item.row.id)
					? []
					: [
							{
								number: numbers.get(item.row.id) ?? 0,
								lon: item.row.lon,
								lat: item.row.lat,
								inside: item.reason === null
							}
						]
			)
		}),
		all: { link: allLink, qr: await qrDataUrl(allLink) }
	};
}

function twice(
	text: (locale: UiLocale) => string | null,
	locale: UiLocale,
	second: SecondLanguage | null
): Twice | null {
	const first = text(locale);
	if (first === null) return null;
	const other = second?.kind === 'translated' ? text(second.locale) : null;
	return { text: first, second: other && other !== first ? other : null };
}

function groupLabel(
	code: string | null,
	kinds: Taxonomy['supportKinds'],
	locale: UiLocale,
	second: SecondLanguage | null
): Twice {
	const term = kinds.find((k) => k.code === code);
	return (
		twice((l) => (term ? term[`label_${l}`] : null), locale, second) ?? {
			text: '',
			second: null
		}
	);
}

async function toEntry({
	row,
	number,
	reason,
	options: { locale, second, terms }
}: {
	row: ResourceIndexRow;
	number: number;
	reason: NearbyReason | null;
	options: Options;
}): Promise<SheetEntry> {
	const description = (l: UiLocale) => offerLine(row[`description_${l}`]);
	const kinds = (l: UiLocale) =>
		row.support_kinds
			.map((code) => terms.supportKinds.find((k) => k.code === code)?.[`label_${l}`])
			.filter(Boolean)
			.join(' · ') || null;
	const link = new URL(localizeHref(`/resources/${row.id}`, { locale }), publicOrigin()).href;
	const placeParts = [row.location_name, row.partner_venue_name, row.address].filter(Boolean);
	return {
		number,
		name: row.organization_name,
		service: row.service_name !== row.organization_name ? row.service_name : null,
		offer: twice((l) => description(l) ?? kinds(l), locale, second),
		when: {
			kind: row.schedule_kind,
			lines: scheduleLines(row, locale),
			secondLines: second?.kind === 'translated' ? scheduleLines(row, second.locale) : []
		},
		// A group meeting at someone's home never shows where: the view gives no address for it,
		// and the sheet does not print one even if a future column did.
		address: row.location_precision === 'quartier' ? null : placeParts.join(', ') || null,
		contacts: publicContacts(row.contacts).map(contactText),
		languages: languageList(row.languages, locale),
		speaksSecond: second?.kind === 'community' && row.languages.includes(second.code),
		nearby: reason,
		link,
		qr: await qrDataUrl(link)
	};
}
