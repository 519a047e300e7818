// The finder's search over `resource_index` rows: filters, text match, ranking, and an explanation
// when little is found. Pure: rows and query in, results out.

import { distanceMeters } from '../geo/quartier.ts';
import {
	bitCount,
	boundedEditDistance,
	foldText,
	letterSet,
	textTokens
} from '../places/normalize.ts';
import { nextOpening, stateAt } from '../schedule/evaluate.ts';
import { scheduleOfText } from '../schedule/parse.ts';
import type { OpeningPeriod, Schedule } from '../schedule/types.ts';
import type {
	EmptyReason,
	FinderFilter,
	FinderQuery,
	ResourceResult,
	ResourceRow,
	SearchOutcome
} from './types.ts';
import { FINDER_FILTERS } from './types.ts';
import { walkingMinutes } from './walking.ts';

/** Below this many results, `searchResources` explains what else could be found. */
export const FEW_RESULTS = 5;

/** Radii, in metres, that `widen_radius` suggestions are chosen from. */
export const RADIUS_STEPS_METERS = [500, 1000, 2000, 5000, 10_000, 20_000] as const;

/** Input of {@link searchResources}. */
export interface SearchInput<Row extends ResourceRow> {
	resources: readonly Row[];
	query: FinderQuery;
	/** Support-kind taxonomy: child code → parent code; a parent in the query matches its children. */
	supportParents?: Readonly<Record<string, string>>;
	/** Most results returned (all by default); `total` still counts every match. */
	limit?: number;
}

// Bit positions of the filters in a row's failure mask.
const BIT = Object.fromEntries(FINDER_FILTERS.map((f, i) => [f, 1 << i])) as Record<
	FinderFilter,
	number
>;

/** Folded words of a row, for the text filter. */
interface RowText {
	nameTokens: string[];
	descriptionTokens: string[];
	/** `letterSet` of each token, for the typo search. */
	nameLetters: Int32Array;
	descriptionLetters: Int32Array;
	foldedName: string;
}

/** What is derived from a row, each part computed on first use. */
interface Prepared {
	text?: RowText;
	sortName?: string;
}

// Derived data is kept per row object, so a list of rows loaded once is searched cheaply as the
// user changes filters; and each part is computed only when a search needs it, so fresh rows on
// every request pay only for what that search uses.
const preparedRows = new WeakMap<ResourceRow, Prepared>();

function preparedOf(row: ResourceRow): Prepared {
	let prepared = preparedRows.get(row);
	if (!prepared) {
		prepared = {};
		preparedRows.set(row, prepared);
	}
	return prepared;
}

function textOf(row: ResourceRow): RowText {
	const prepared = preparedOf(row);
	if (prepared.text) return prepared.text;
	const name = textTokens(`${row.organization_name} ${row.service_name}`);
	const nameTokens = [...new Set(name)];
	const descriptionTokens = [
		...new Set(textTokens([row.description_fr, row.description_nl, row.description_en].join(' ')))
	];
	prepared.text = {
		nameTokens,
		descriptionTokens,
		nameLetters: Int32Array.from(nameTokens, letterSet),
		descriptionLetters: Int32Array.from(descriptionTokens, letterSet),
		foldedName: name.join(' ')
	};
	return prepared.text;
}

// As the database's `sort_name`: folded, with everything but letters and digits as spaces, so
// names such as "'t Hoeveke" or "[PIAS]" sort by their first word, not their punctuation.
function sortNameOf(row: ResourceRow): string {
	const prepared = preparedOf(row);
	prepared.sortName ??= foldText(`${row.organization_name} ${row.service_name}`)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	return prepared.sortName;
}

function scheduleOf(row: ResourceRow): Schedule | null {
	if (row.schedule_kind !== 'hours' || !row.schedules) return null;
	return scheduleOfText(row.schedules);
}

/**
 * A word typed with a slip ("benevloes"): one edit from 6 letters, two from 9, never on shorter
 * words where one edit turns a word into another. Scores below every exact or prefix hit.
 */
function typoScore(prepared: RowText, word: string): number {
	const maxEdits = word.length >= 9 ? 2 : word.length >= 6 ? 1 : 0;
	if (maxEdits === 0) return 0;
	const letters = letterSet(word);
	const near = (tokens: string[], tokenLetters: Int32Array) =>
		tokens.some(
			(token, i) =>
				Math.abs(token.length - word.length) <= maxEdits &&
				bitCount(letters ^ (tokenLetters[i] ?? 0)) <= 2 * maxEdits &&
				boundedEditDistance({ from: word, to: token, maxEdits }) <= maxEdits
		);
	if (near(prepared.nameTokens, prepared.nameLetters)) return 0.4;
	if (near(prepared.descriptionTokens, prepared.descriptionLetters)) return 0.2;
	return 0;
}

/** 0 when some word of the query is missing, else higher for name hits and whole words. */
function relevanceOf(prepared: RowText, words: string[], phrase: string): number {
	let score = 0;
	for (const word of words) {
		let best = 0;
		for (const token of prepared.nameTokens) {
			if (token === word) best = 3;
			else if (best < 2 && token.startsWith(word)) best = 2;
			if (best === 3) break;
		}
		if (best < 1) {
			for (const token of prepared.descriptionTokens) {
				if (token === word) best = 1;
				else if (best < 0.5 && token.startsWith(word)) best = 0.5;
				if (best === 1) break;
			}
		}
		if (best === 0) best = typoScore(prepared, word);
		if (best === 0) return 0;
		score += best;
	}
	// The query as a phrase inside the name ("maison medicale") counts more than scattered words.
	if (words.length > 1 && prepared.foldedName.includes(phrase)) score += 2;
	return score;
}

function supportMatches(
	kinds: readonly string[],
	wanted: ReadonlySet<string>,
	parents: Readonly<Record<string, string>>
): boolean {
	for (const kind of kinds) {
		// Walk up the taxonomy; the depth bound guards against a cycle in a bad map.
		let code: string | undefined = kind;
		for (let depth = 0; code !== undefined && depth < 8; depth++) {
			if (wanted.has(code)) return true;
			code = parents[code];
		}
	}
	return false;
}

function popCount(mask: number): number {
	let count = 0;
	for (let m = mask; m !== 0; m &= m - 1) count++;
	return count;
}

/**
 * Filters and ranks finder resources.
 *
 * Filters: text (`q`, every word must start a word of the organization or service name or of a
 * description in any language, accents ignored; words of 6+ letters may carry a typo), radius
 * around `near` (straight line), quartier (`mdrc`), languages (any of), support kinds (any of; a
 * parent code matches its children through `supportParents`), target groups (any of; a resource
 * for `everyone` matches every group), category (any of), accepting (`open` or `waitlist`), open
 * now (Brussels time, via the schedule).
 *
 * Order: dormant resources last; then by `sort` — distance (needs `near`; without it, text
 * relevance when `q` is set, else name), freshness (`assured_date`, newest first) or name; ties by
 * relevance, distance, name.
 *
 * When fewer than {@link FEW_RESULTS} match, `reasons` says which single filter to drop, or the
 * smallest radius of {@link RADIUS_STEPS_METERS} that finds more, the suggestion finding most first.
 *
 * @example
 * // With the rows of `brusselsResources()` (fixtures.ts), on a Tuesday morning:
 * searchResources({ resources, query: { ...query, near: [4.3456, 50.8276], radiusMeters: 1000 } })
 * // { results: [{ …row, distanceMeters: 323, walkingMinutes: 6, openNow: true, … }],
 * //   total: 1, reasons: [{ code: 'widen_radius', radiusMeters: 2000, resultsWithin: 3 }] }
 */
export function searchResources<Row extends ResourceRow>(
	input: SearchInput<Row>
): SearchOutcome<Row> {
	const { resources, query } = input;
	const parents = input.supportParents ?? {};
	if (resources.length === 0) return { results: [], total: 0, reasons: [{ code: 'no_resources' }] };

	const words = query.q ? textTokens(query.q) : [];
	const phrase = words.join(' ');
	const languages = new Set(query.languages);
	const support = new Set(query.support);
	const targets = new Set(query.target);
	const categories = new Set(query.category);
	const near = query.near;
	const radius = near ? query.radiusMeters : undefined;
	const active: FinderFilter[] = FINDER_FILTERS.filter((filter) => {
		switch (filter) {
			case 'text':
				return words.length > 0;
			case 'radius':
				return radius !== undefined;
			case 'quartier':
				return query.quartier !== undefined;
			case 'languages':
				return languages.size > 0;
			case 'support':
				return support.size > 0;
			case 'target':
				return targets.size > 0;
			case 'category':
				return categories.size > 0;
			case 'accepting':
				return query.accepting;
			case 'wheelchair':
				return query.wheelchair;
			case 'openNow':
				return query.openNow;
		}
	});

	const count = resources.length;
	const masks = new Int32Array(count);
	const distances = new Float64Array(count).fill(NaN);
	const relevance = new Float64Array(count);
	// Many services share the same opening hours: evaluate each distinct text once per search.
	const openNowByText = new Map<string, boolean | null>();
	const openNowOf = (row: Row): boolean | null => {
		const schedule = scheduleOf(row);
		if (!schedule || row.schedules === null) return null;
		let value = openNowByText.get(row.schedules);
		if (value === undefined) {
			const state = stateAt(schedule, query.now);
			value = state === 'unknown' ? null : state === 'open';
			openNowByText.set(row.schedules, value);
		}
		return value;
	};
	const nextOpeningByText = new Map<string, OpeningPeriod | null>();
	const nextOpeningOf = (row: Row): OpeningPeriod | null => {
		const schedule = scheduleOf(row);
		if (!schedule || row.schedules === null) return null;
		let value = nextOpeningByText.get(row.schedules);
		if (value === undefined) {
			value = nextOpening(schedule, query.now);
			nextOpeningByText.set(row.schedules, value);
		}
		// A copy, so that one result's dates are not shared with another's.
		return value && { opensAt: new Date(value.opensAt), closesAt: new Date(value.closesAt) };
	};

	for (let i = 0; i < count; i++) {
		const row = resources[i] as Row;
		let mask = 0;
		if (query.quartier !== undefined && row.mdrc !== query.quartier) mask |= BIT.quartier;
		if (languages.size > 0 && !row.languages.some((l) => languages.has(l))) mask |= BIT.languages;
		if (support.size > 0 && !supportMatches(row.support_kinds, support, parents))
			mask |= BIT.support;
		if (targets.size > 0 && !row.target_groups.some((t) => t === 'everyone' || targets.has(t))) {
			mask |= BIT.target;
		}
		if (categories.size > 0 && !categories.has(row.category)) mask |= BIT.category;
		if (query.accepting && row.accepting_new === 'full') mask |= BIT.accepting;
		if (query.wheelchair && row.wheelchair_accessible !== true) mask |= BIT.wheelchair;
		if (near) {
			distances[i] = distanceMeters(near, [row.lon, row.lat]);
			if (radius !== undefined && (distances[i] ?? 0) > radius) mask |= BIT.radius;
		}
		// The costlier checks only matter for rows that could still be results, or be one filter
		// away from being results (for the explanation).
		if (words.length > 0 && popCount(mask) <= 1) {
			relevance[i] = relevanceOf(textOf(row), words, phrase);
			if (relevance[i] === 0) mask |= BIT.text;
		}
		if (query.openNow && popCount(mask) <= 1 && openNowOf(row) !== true) mask |= BIT.openNow;
		masks[i] = mask;
	}

	const matches: number[] = [];
	for (let i = 0; i < count; i++) if (masks[i] === 0) matches.push(i);

	const mode =
		query.sort === 'distance'
			? near
				? 'distance'
				: words.length > 0
					? 'relevance'
					: 'name'
			: query.sort;
	// Sort keys looked up once per match, not once per comparison.
	const sortNames: Array<string | undefined> = new Array<string | undefined>(count);
	const dormant = new Uint8Array(count);
	for (const i of matches) dormant[i] = (resources[i] as Row).status === 'dormant' ? 1 : 0;
	// Folded names only for rows that the comparison reaches (name order, or a tie).
	const sortName = (i: number) => (sortNames[i] ??= sortNameOf(resources[i] as Row));
	const byName = (a: number, b: number) => {
		const x = sortName(a);
		const y = sortName(b);
		return x < y ? -1 : x > y ? 1 : 0;
	};
	const byDistance = (a: number, b: number) =>
		near ? (distances[a] ?? 0) - (distances[b] ?? 0) : 0;
	const byRelevance = (a: number, b: number) => (relevance[b] ?? 0) - (relevance[a] ?? 0);
	// ISO dates compare as strings; newest first, never confirmed last.
	const byFreshness = (a: Row, b: Row) => {
		const [dateA, dateB] = [a.assured_date ?? '', b.assured_date ?? ''];
		return dateA < dateB ? 1 : dateA > dateB ? -1 : 0;
	};
	matches.sort((a, b) => {
		const rowA = resources[a] as Row;
		const rowB = resources[b] as Row;
		const dormantFirst = (dormant[a] ?? 0) - (dormant[b] ?? 0);
		if (dormantFirst !== 0) return dormantFirst;
		const primary =
			mode === 'distance'
				? byDistance(a, b)
				: mode === 'relevance'
					? byRelevance(a, b)
					: mode === 'freshness'
						? byFreshness(rowA, rowB)
						: byName(a, b);
		return (
			primary ||
			byRelevance(a, b) ||
			byDistance(a, b) ||
			byName(a, b) ||
			(rowA.id < rowB.id ? -1 : rowA.id > rowB.id ? 1 : 0)
		);
	});

	const shown = input.limit === undefined ? matches : matches.slice(0, Math.max(0, input.limit));
	const results: ResourceResult<Row>[] = shown.map((i) => {
		const row = resources[i] as Row;
		const distance = near ? (distances[i] ?? null) : null;
		return {
			...row,
			distanceMeters: distance,
			walkingMinutes: distance === null ? null : walkingMinutes(distance),
			openNow: openNowOf(row),
			nextOpening: nextOpeningOf(row),
			dormant: row.status === 'dormant',
			relevance: relevance[i] ?? 0
		};
	});

	const reasons =
		matches.length < FEW_RESULTS
			? explain({ masks, distances, active, total: matches.length, radius })
			: [];
	return { results, total: matches.length, reasons };
}

function explain(input: {
	masks: Int32Array;
	distances: Float64Array;
	active: FinderFilter[];
	total: number;
	radius: number | undefined;
}): EmptyReason[] {
	const { masks, distances, active, total, radius } = input;
	const onlyFailing = new Map<number, number>();
	const radiusOnly: number[] = [];
	for (let i = 0; i < masks.length; i++) {
		const mask = masks[i] ?? 0;
		if (mask === 0 || popCount(mask) !== 1) continue;
		onlyFailing.set(mask, (onlyFailing.get(mask) ?? 0) + 1);
		if (mask === BIT.radius) radiusOnly.push(distances[i] ?? Infinity);
	}
	const suggestions: Array<{ reason: EmptyReason; results: number }> = [];
	if (radius !== undefined && radiusOnly.length > 0) {
		radiusOnly.sort((a, b) => a - b);
		// The smallest step that finds more: people on foot care about the nearest extra option.
		let chosen: { radiusMeters: number; resultsWithin: number } | null = null;
		for (const step of RADIUS_STEPS_METERS) {
			if (step <= radius) continue;
			const within = total + radiusOnly.filter((d) => d <= step).length;
			if (within > total) {
				chosen = { radiusMeters: step, resultsWithin: within };
				break;
			}
		}
		if (chosen) {
			suggestions.push({
				reason: { code: 'widen_radius', ...chosen },
				results: chosen.resultsWithin
			});
		}
	}
	for (const filter of active) {
		if (filter === 'radius') continue;
		const gained = onlyFailing.get(BIT[filter]) ?? 0;
		if (gained > 0) {
			suggestions.push({
				reason: { code: 'drop_filter', filter, resultsWithout: total + gained },
				results: total + gained
			});
		}
	}
	// Most results first; on a tie, a wider radius before dropping a filter (the sort is stable).
	suggestions.sort((a, b) => b.results - a.results);
	const reasons = suggestions.map((s) => s.reason);
	if (reasons.length === 0 && total === 0 && active.length > 1) {
		reasons.push({ code: 'combined_filters', filters: active });
	}
	return reasons;
}
