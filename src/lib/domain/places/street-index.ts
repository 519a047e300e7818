// The default geocoder: an in-memory index of Brussels street, quartier and commune names.
//
// Built once: every name is folded into tokens, and each distinct token points to the places that
// use it. A query then scans only the vocabulary (a few thousand tokens) to find exact, prefix and
// near-miss tokens, and intersects the places they point to.

import { bitCount, boundedEditDistance, foldText, letterSet, textTokens } from './normalize.ts';
import { tidyName } from './place-name.ts';
import type {
	CommunePlace,
	Geocoder,
	PlaceLocale,
	PlaceSuggestion,
	QuartierPlace,
	StreetRow,
	SuggestOptions
} from './types.ts';

/** Suggestions returned when no limit is given. */
export const DEFAULT_SUGGESTION_LIMIT = 8;

// Abbreviations people type for street-name words (FR and NL); matched as whole words.
const ABBREVIATIONS: Record<string, string[]> = {
	st: ['saint', 'sint'],
	ste: ['sainte'],
	av: ['avenue'],
	ave: ['avenue'],
	bd: ['boulevard'],
	bld: ['boulevard'],
	bvd: ['boulevard'],
	ch: ['chaussee'],
	chee: ['chaussee'],
	chs: ['chaussee'],
	pl: ['place', 'plein'],
	sq: ['square'],
	r: ['rue'],
	stwg: ['steenweg'],
	str: ['straat'],
	ln: ['laan']
};

// Small words that may be missing or extra in what people type ("rue royale" vs "rue de la …").
const OPTIONAL_WORDS = new Set([
	'de',
	'du',
	'des',
	'la',
	'le',
	'les',
	'l',
	'd',
	'au',
	'aux',
	'et',
	'van',
	'der',
	'den',
	'het',
	't',
	'te',
	'ter',
	'en',
	'the',
	'of'
]);

const KIND_WORDS: Record<'quartier' | 'commune', Record<PlaceLocale, string>> = {
	quartier: { fr: 'Quartier', nl: 'Wijk', en: 'Neighbourhood' },
	commune: { fr: 'Commune', nl: 'Gemeente', en: 'Municipality' }
};

// Among exact name matches, communes come before quartiers before streets of the same name.
const KIND_BONUS = { commune: 30, quartier: 20, street: 0 } as const;
const EXACT_TIER = 5;

interface Entry {
	kind: PlaceSuggestion['kind'];
	id: string;
	labels: Record<PlaceLocale, string>;
	secondaries: Record<PlaceLocale, string>;
	lon: number;
	lat: number;
	bbox?: [number, number, number, number];
	mdrc?: number;
	nis?: string;
	/** Whole names without spaces or punctuation, for exact and prefix matches. */
	compacts: string[];
	/** 0–10, longer streets first among equals; quartiers and communes 0. */
	weight: number;
}

/** How well one typed word matches each place (0 = not at all), indexed by place. */
interface WordHits {
	quality: Float32Array;
	edits: Uint8Array;
	/** 1 when the best hit is in the place's own name, 0 when only in its commune's name. */
	viaName: Uint8Array;
	/** Places with a hit, in no particular order. */
	touched: number[];
}

/** Input of {@link createStreetIndex}. */
export interface StreetIndexInput {
	streets: StreetRow[];
	quartiers?: QuartierPlace[];
	communes?: CommunePlace[];
}

/** The default geocoder, with a synchronous `search` for callers that have the index at hand. */
export interface StreetIndex extends Geocoder {
	search(query: string, opts?: SuggestOptions): PlaceSuggestion[];
	/** Number of indexed places (streets × communes, quartiers, communes). */
	size: number;
}

function bilingual(fr: string, nl: string): string {
	return fr === nl || nl === '' ? fr : fr === '' ? nl : `${fr} - ${nl}`;
}

// Folding is the costly part of building: commune names repeat on every street row, and each
// street name is used for tokens, whole-name forms and sort keys. Fold each distinct text once.
function createFolder() {
	const folded = new Map<string, string>();
	const fold = (text: string) => {
		let value = folded.get(text);
		if (value === undefined) {
			value = foldText(text);
			folded.set(text, value);
		}
		return value;
	};
	const tokenLists = new Map<string, string[]>();
	// "d'Ixelles" is also typed "dixelles": index the joined form beside the separate words.
	const tokensOf = (text: string) => {
		let tokens = tokenLists.get(text);
		if (tokens === undefined) {
			const value = fold(text);
			tokens = value.split(/[^a-z0-9]+/).filter((token) => token !== '');
			for (const match of value.matchAll(/([a-z0-9]+)'([a-z0-9]+)/g)) {
				tokens.push(`${match[1]}${match[2]}`);
			}
			tokenLists.set(text, tokens);
		}
		return tokens;
	};
	return {
		fold,
		compact: (text: string) => fold(text).replace(/[^a-z0-9]+/g, ''),
		tokens: (texts: string[]) => [...new Set(texts.flatMap(tokensOf))]
	};
}

/**
 * Builds the default geocoder over street rows (from `rues_osm_index.csv`), quartiers and communes.
 * Pure: rows come in, no file or network access. Matching ignores case, accents, apostrophes,
 * hyphens and word order, accepts French or Dutch names and common abbreviations (`st`, `av`, `bd`),
 * and tolerates one typo per word (two from 8 letters). Ranking: whole name exact > whole name
 * prefix > every word found (the last as a prefix) > near misses; then communes, quartiers,
 * streets; then longer streets.
 *
 * @example createStreetIndex({ streets }).search('chaussee de wavre', { locale: 'fr' })[0]
 * // { kind: 'street', label: 'Chaussée de Wavre', secondary: 'Ixelles', lon: 4.37…, … }
 */
export function createStreetIndex(input: StreetIndexInput): StreetIndex {
	const entries: Entry[] = [];
	const vocabulary: string[] = [];
	const tokenIds = new Map<string, number>();
	const namePostings: number[][] = [];
	const communePostings: number[][] = [];

	const post = (postings: number[][], token: string, entryId: number) => {
		let id = tokenIds.get(token);
		if (id === undefined) {
			id = vocabulary.length;
			tokenIds.set(token, id);
			vocabulary.push(token);
			namePostings.push([]);
			communePostings.push([]);
		}
		postings[id]?.push(entryId);
	};

	const folder = createFolder();
	const add = (entry: Entry, names: string[], places: string[]) => {
		const entryId = entries.length;
		entries.push(entry);
		const own = folder.tokens(names);
		for (const token of own) post(namePostings, token, entryId);
		for (const token of folder.tokens(places)) {
			if (!own.includes(token)) post(communePostings, token, entryId);
		}
	};

	const seenStreets = new Set<string>();
	for (const row of input.streets) {
		const id = `street:${row.nis}:${row.name_osm}`;
		// The source has one row per street and commune; a repeated pair adds nothing.
		if (seenStreets.has(id)) continue;
		seenStreets.add(id);
		const names = [row.name_osm, row.name_fr, row.name_nl].filter((n) => n !== '');
		add(
			{
				kind: 'street',
				id,
				labels: {
					fr: row.name_fr || row.name_osm,
					nl: row.name_nl || row.name_osm,
					en: row.name_osm
				},
				secondaries: {
					fr: row.commune_fr,
					nl: row.commune_nl,
					en: bilingual(row.commune_fr, row.commune_nl)
				},
				lon: row.lon,
				lat: row.lat,
				bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
				nis: row.nis,
				compacts: [...new Set(names.map(folder.compact))],
				weight: Math.min(10, Math.log2(1 + Math.max(0, row.length_m) / 100))
			},
			names,
			[row.commune_fr, row.commune_nl]
		);
	}
	for (const q of input.quartiers ?? []) {
		const fr = tidyName(q.name_fr);
		const nl = tidyName(q.name_nl);
		const communeFr = q.commune_fr ?? '';
		const communeNl = q.commune_nl ?? communeFr;
		const where = (word: string, commune: string) => (commune ? `${word} · ${commune}` : word);
		add(
			{
				kind: 'quartier',
				id: `quartier:${q.mdrc}`,
				labels: { fr, nl, en: bilingual(fr, nl) },
				secondaries: {
					fr: where(KIND_WORDS.quartier.fr, communeFr),
					nl: where(KIND_WORDS.quartier.nl, communeNl),
					en: where(KIND_WORDS.quartier.en, bilingual(communeFr, communeNl))
				},
				lon: q.lon,
				lat: q.lat,
				...(q.bbox ? { bbox: q.bbox } : {}),
				mdrc: q.mdrc,
				...(q.nis ? { nis: q.nis } : {}),
				compacts: [...new Set([fr, nl].map(folder.compact))],
				weight: 0
			},
			[fr, nl],
			[communeFr, communeNl]
		);
	}
	for (const c of input.communes ?? []) {
		const fr = tidyName(c.name_fr);
		const nl = tidyName(c.name_nl);
		add(
			{
				kind: 'commune',
				id: `commune:${c.nis}`,
				labels: { fr, nl, en: bilingual(fr, nl) },
				secondaries: KIND_WORDS.commune,
				lon: c.lon,
				lat: c.lat,
				...(c.bbox ? { bbox: c.bbox } : {}),
				nis: c.nis,
				compacts: [...new Set([fr, nl].map(folder.compact))],
				weight: 0
			},
			[fr, nl],
			[]
		);
	}

	// Sorted vocabulary for prefix ranges; tokens grouped by length for typo matching.
	const sortedTokenIds = vocabulary
		.map((_, id) => id)
		.sort((a, b) => {
			const x = vocabulary[a] ?? '';
			const y = vocabulary[b] ?? '';
			return x < y ? -1 : x > y ? 1 : 0;
		});
	const tokenLetters = Int32Array.from(vocabulary, letterSet);
	const tokenIdsByLength: number[][] = [];
	vocabulary.forEach((token, id) => (tokenIdsByLength[token.length] ??= []).push(id));
	// Alphabetical rank of each label per locale, so ranking never compares strings. Folded labels
	// (no case, no accents) sort like a base-sensitivity collator for these names, far faster.
	const labelRank = Object.fromEntries(
		(['fr', 'nl', 'en'] as const).map((locale) => {
			const keys = entries.map((entry) => folder.fold(entry.labels[locale]));
			const order = entries.map((_, i) => i);
			order.sort((a, b) => {
				const x = keys[a] ?? '';
				const y = keys[b] ?? '';
				return x < y ? -1 : x > y ? 1 : 0;
			});
			const rank = new Uint32Array(entries.length);
			order.forEach((entryId, position) => (rank[entryId] = position));
			return [locale, rank];
		})
	) as Record<PlaceLocale, Uint32Array>;

	/** First position in the sorted vocabulary whose token is not below `prefix`. */
	const lowerBound = (prefix: string) => {
		let low = 0;
		let high = sortedTokenIds.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((vocabulary[sortedTokenIds[middle] ?? 0] ?? '') < prefix) low = middle + 1;
			else high = middle;
		}
		return low;
	};

	/** For one typed word: the best hit per place, in arrays indexed by place. */
	const hitsFor = (typed: string, isLast: boolean): WordHits => {
		const hits: WordHits = {
			quality: new Float32Array(entries.length),
			edits: new Uint8Array(entries.length),
			viaName: new Uint8Array(entries.length),
			touched: []
		};
		const record = (tokenId: number, quality: number, edits: number) => {
			for (const [postings, viaName] of [
				[namePostings[tokenId] ?? [], 1],
				[communePostings[tokenId] ?? [], 0]
			] as const) {
				const effective = viaName ? quality : quality * 0.8;
				for (const entryId of postings) {
					const previous = hits.quality[entryId] ?? 0;
					if (previous === 0) hits.touched.push(entryId);
					if (previous < effective) {
						hits.quality[entryId] = effective;
						hits.edits[entryId] = edits;
						hits.viaName[entryId] = viaName;
					}
				}
			}
		};
		for (const expansion of [typed, ...(ABBREVIATIONS[typed] ?? [])]) {
			const tokenId = tokenIds.get(expansion);
			if (tokenId !== undefined) record(tokenId, 3, 0);
		}
		for (let i = lowerBound(typed); i < sortedTokenIds.length; i++) {
			const tokenId = sortedTokenIds[i] ?? 0;
			const token = vocabulary[tokenId] ?? '';
			if (!token.startsWith(typed)) break;
			if (token !== typed) record(tokenId, isLast ? 2 : 1.5, 0);
		}
		const maxEdits = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
		if (maxEdits === 0) return hits;
		const typedLetters = letterSet(typed);
		for (let length = typed.length - maxEdits; length <= typed.length + maxEdits; length++) {
			for (const tokenId of tokenIdsByLength[length] ?? []) {
				if (bitCount(typedLetters ^ (tokenLetters[tokenId] ?? 0)) > 2 * maxEdits) continue;
				const token = vocabulary[tokenId] ?? '';
				if (token === typed) continue;
				const edits = boundedEditDistance({ from: typed, to: token, maxEdits });
				if (edits <= maxEdits) record(tokenId, 1, edits);
			}
		}
		if (isLast) {
			// Still typing, with a typo: compare with the start of longer words sharing the first letter.
			const first = typed[0] ?? '';
			for (let i = lowerBound(first); i < sortedTokenIds.length; i++) {
				const tokenId = sortedTokenIds[i] ?? 0;
				const token = vocabulary[tokenId] ?? '';
				if (!token.startsWith(first)) break;
				if (token.length <= typed.length || token.startsWith(typed)) continue;
				if (bitCount(typedLetters ^ letterSet(token.slice(0, typed.length))) > 2) continue;
				if (
					boundedEditDistance({ from: typed, to: token.slice(0, typed.length), maxEdits: 1 }) <= 1
				)
					record(tokenId, 0.8, 1);
			}
		}
		return hits;
	};

	const search = (query: string, opts: SuggestOptions = {}): PlaceSuggestion[] => {
		const locale = opts.locale ?? 'fr';
		const limit = opts.limit ?? DEFAULT_SUGGESTION_LIMIT;
		const typed = textTokens(query);
		if (typed.length === 0 || limit <= 0) return [];
		const words = typed.map((token, index) => ({
			token,
			hits: hitsFor(token, index === typed.length - 1),
			optional: OPTIONAL_WORDS.has(token)
		}));
		const allOptional = words.every((w) => w.optional);
		const required = allOptional ? words : words.filter((w) => !w.optional);
		// Whole-name forms of the query, with abbreviations expanded (`st gilles` → `saintgilles`).
		let compactQueries = [''];
		for (const token of typed) {
			const options = [token, ...(ABBREVIATIONS[token] ?? [])];
			compactQueries = compactQueries.flatMap((q) => options.map((o) => q + o)).slice(0, 16);
		}

		const smallest = required.reduce((a, b) =>
			b.hits.touched.length < a.hits.touched.length ? b : a
		);
		const candidates: number[] = [];
		const scores: number[] = [];
		for (const entryId of smallest.hits.touched) {
			let tokenScore = 0;
			let edits = 0;
			let viaName = false;
			let allWordsFound = true;
			let ok = true;
			for (const word of words) {
				const quality = word.hits.quality[entryId] ?? 0;
				if (quality === 0) {
					if (allOptional || !word.optional) {
						ok = false;
						break;
					}
					continue;
				}
				tokenScore += quality;
				edits += word.hits.edits[entryId] ?? 0;
				if (word.hits.viaName[entryId]) viaName = true;
				if (quality < 1.5) allWordsFound = false;
			}
			const entry = entries[entryId];
			if (!ok || !viaName || !entry) continue;
			let tier = allWordsFound ? 3 : 2;
			// "rue royale schaerbeek": compare the whole name with the words found in the name only.
			const nameQueries = words.every((w) => w.hits.viaName[entryId])
				? compactQueries
				: [words.map((w) => (w.hits.viaName[entryId] ? w.token : '')).join('')];
			for (const compact of entry.compacts) {
				for (const q of nameQueries) {
					if (compact === q) tier = EXACT_TIER;
					else if (tier < 4 && compact.startsWith(q)) tier = 4;
				}
			}
			const kindBonus = tier === EXACT_TIER ? KIND_BONUS[entry.kind] : 0;
			candidates.push(entryId);
			scores[entryId] = tier * 1000 + tokenScore * 10 - edits * 20 + kindBonus + entry.weight;
		}
		const rank = labelRank[locale];
		const better = (a: number, b: number) =>
			(scores[b] ?? 0) - (scores[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0);
		// Keep only the best few in order (a one-letter query matches almost every place); fall back
		// to a full sort if duplicates eat them all.
		const keep = limit * 4;
		const best: number[] = [];
		for (const entryId of candidates) {
			const last = best[best.length - 1];
			if (best.length >= keep && last !== undefined && better(entryId, last) >= 0) continue;
			let low = 0;
			let high = best.length;
			while (low < high) {
				const middle = (low + high) >> 1;
				if (better(best[middle] ?? 0, entryId) <= 0) low = middle + 1;
				else high = middle;
			}
			best.splice(low, 0, entryId);
			if (best.length > keep) best.pop();
		}
		const collect = (ordered: number[]) => {
			const results: PlaceSuggestion[] = [];
			const seen = new Set<string>();
			for (const entryId of ordered) {
				const entry = entries[entryId];
				if (!entry) continue;
				const label = entry.labels[locale];
				const secondary = entry.secondaries[locale];
				const key = `${entry.kind}|${label}|${secondary}`;
				if (seen.has(key)) continue;
				seen.add(key);
				results.push({
					kind: entry.kind,
					id: entry.id,
					label,
					secondary,
					lon: entry.lon,
					lat: entry.lat,
					...(entry.bbox ? { bbox: entry.bbox } : {}),
					...(entry.mdrc !== undefined ? { mdrc: entry.mdrc } : {}),
					...(entry.nis !== undefined ? { nis: entry.nis } : {})
				});
				if (results.length >= limit) break;
			}
			return results;
		};
		const results = collect(best);
		if (results.length >= limit || best.length === candidates.length) return results;
		return collect(candidates.sort(better));
	};

	return {
		search,
		suggest: (query, opts) => Promise.resolve(search(query, opts)),
		size: entries.length
	};
}
