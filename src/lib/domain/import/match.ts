// The dry run: what importing each row would do. A row whose external id the source already
// brought in updates that entry; a row that looks like an entry already in the directory (or an
// earlier row of the same file) is a probable duplicate and is not imported; the rest are new.
import type { ImportEntry, RowIssue } from './entry.ts';

/** An entry already in the directory, as the dry run compares rows with it. */
export type ExistingEntry = {
	organization_id: string;
	name: string;
	lon: number;
	lat: number;
	phones: string[];
	websites: string[];
	/** The entry's external id in the source being imported, if it came from it. */
	external_id: string | null;
};

export type DuplicateReason = 'name' | 'distance' | 'phone' | 'website';

/** What a row of the file would do. */
export type RowOutcome =
	| { row: number; outcome: 'new'; name: string }
	| {
			row: number;
			outcome: 'update';
			name: string;
			of: { organization_id: string; name: string };
	  }
	| {
			row: number;
			outcome: 'duplicate';
			name: string;
			of: { organization_id: string; name: string } | { row: number; name: string };
			reasons: DuplicateReason[];
	  }
	| { row: number; outcome: 'invalid'; name: string; issues: RowIssue[] };

/** Closer than this, two entries with a similar name, phone or website are one place (metres). */
export const DUPLICATE_DISTANCE_METERS = 75;
/** Name similarity (0–1, trigram Dice) from which two names count as similar. */
export const SIMILAR_NAME = 0.5;

const EARTH_RADIUS_METERS = 6371008.8;

/** Great-circle distance between two [lon, lat] points in metres. */
export function distanceMeters(a: [number, number], b: [number, number]): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Words that say what kind of place it is, not which one.
const GENERIC = /\b(asbl|vzw|a\.s\.b\.l|v\.z\.w|the|de|het|la|le|les|du|des|van|et|en)\b/g;

function trigrams(name: string): Set<string> {
	const plain = ` ${name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(GENERIC, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= plain.length; i++) grams.add(plain.slice(i, i + 3));
	return grams;
}

/**
 * How alike two names are, from 0 (nothing shared) to 1 (the same once case, accents and words
 * such as "asbl" are ignored): the Dice coefficient of their letter trigrams.
 *
 * @example nameSimilarity('Maison médicale Jean Jaurès', 'MAISON MEDICALE JEAN JAURES') // 1
 */
export function nameSimilarity(a: string, b: string): number {
	const x = trigrams(a);
	const y = trigrams(b);
	if (x.size === 0 || y.size === 0) return 0;
	let shared = 0;
	for (const gram of x) if (y.has(gram)) shared++;
	return (2 * shared) / (x.size + y.size);
}

/** A website compared without scheme, `www.`, case or trailing slash. */
export function websiteKey(url: string): string {
	return url
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/^www\./, '')
		.replace(/[/#?]+$/, '');
}

/** A phone number compared by its digits only. */
function phoneKey(phone: string): string {
	return phone.replace(/\D/g, '').replace(/^0032|^32|^0/, '');
}

type Candidate = {
	key: { organization_id: string; name: string } | { row: number; name: string };
	name: string;
	point: [number, number];
	phones: string[];
	websites: string[];
};

// A grid of about 110 m × 70 m cells: near points are in the same or a neighbouring cell.
const CELL = 0.001;
const cellOf = ([lon, lat]: [number, number]): [number, number] => [
	Math.floor(lon / CELL),
	Math.floor(lat / CELL)
];

class CandidateIndex {
	private cells = new Map<string, Candidate[]>();
	private byPhone = new Map<string, Candidate[]>();
	private byWebsite = new Map<string, Candidate[]>();

	add(candidate: Candidate) {
		const [x, y] = cellOf(candidate.point);
		const push = (map: Map<string, Candidate[]>, key: string) =>
			map.set(key, [...(map.get(key) ?? []), candidate]);
		push(this.cells, `${x}:${y}`);
		for (const p of candidate.phones) push(this.byPhone, phoneKey(p));
		for (const w of candidate.websites) push(this.byWebsite, websiteKey(w));
	}

	near(entry: Candidate): Set<Candidate> {
		const found = new Set<Candidate>();
		const [x, y] = cellOf(entry.point);
		for (let dx = -1; dx <= 1; dx++)
			for (let dy = -1; dy <= 1; dy++)
				for (const c of this.cells.get(`${x + dx}:${y + dy}`) ?? []) found.add(c);
		for (const p of entry.phones) for (const c of this.byPhone.get(phoneKey(p)) ?? []) found.add(c);
		for (const w of entry.websites)
			for (const c of this.byWebsite.get(websiteKey(w)) ?? []) found.add(c);
		return found;
	}
}

/**
 * Why `row` looks like `other`, or null when it does not: near (< 75 m) with a similar name,
 * phone or website; or a very similar name with the same phone or website; or both the same
 * phone and website. Alone, a shared website (a federation's site) or phone (a switchboard)
 * is not enough.
 */
function duplicateReasons(row: Candidate, other: Candidate): DuplicateReason[] | null {
	const near = distanceMeters(row.point, other.point) < DUPLICATE_DISTANCE_METERS;
	const similarity = nameSimilarity(row.name, other.name);
	const phones = new Set(other.phones.map(phoneKey));
	const websites = new Set(other.websites.map(websiteKey));
	const phone = row.phones.some((p) => phones.has(phoneKey(p)));
	const website = row.websites.some((w) => websites.has(websiteKey(w)));
	const name = similarity >= SIMILAR_NAME;
	const duplicate =
		(near && (name || phone || website)) ||
		(similarity >= 0.8 && (phone || website)) ||
		(phone && website);
	if (!duplicate) return null;
	const reasons: DuplicateReason[] = [];
	if (name) reasons.push('name');
	if (near) reasons.push('distance');
	if (phone) reasons.push('phone');
	if (website) reasons.push('website');
	return reasons;
}

function candidateOf(entry: ImportEntry, key: Candidate['key']): Candidate {
	return {
		key,
		name: entry.organization.name,
		point: [entry.location.lon, entry.location.lat],
		phones: entry.channels.filter((c) => c.kind === 'phone').map((c) => c.value),
		websites: entry.channels.filter((c) => c.kind === 'website').map((c) => c.value)
	};
}

/**
 * The dry-run outcome of every row, in file order. `rows` are validated rows (an entry, or the
 * issues that keep it out); `existing` is the directory the rows are compared with. A second row
 * with an external id already used in the file is invalid (`duplicate_id`).
 */
export function matchRows(
	rows: { row: number; name: string; entry: ImportEntry | null; issues: RowIssue[] }[],
	existing: ExistingEntry[]
): RowOutcome[] {
	const bySourceId = new Map(
		existing.filter((e) => e.external_id !== null).map((e) => [e.external_id!, e])
	);
	const index = new CandidateIndex();
	for (const e of existing) {
		// Entries the source itself brought in are updated, not duplicates of their own rows.
		if (e.external_id !== null) continue;
		index.add({
			key: { organization_id: e.organization_id, name: e.name },
			name: e.name,
			point: [e.lon, e.lat],
			phones: e.phones,
			websites: e.websites
		});
	}
	const seenIds = new Set<string>();
	return rows.map(({ row, name, entry, issues }): RowOutcome => {
		if (!entry) return { row, outcome: 'invalid', name, issues };
		if (seenIds.has(entry.external_id))
			return {
				row,
				outcome: 'invalid',
				name,
				issues: [{ field: 'external_id', code: 'duplicate_id', value: entry.external_id }]
			};
		seenIds.add(entry.external_id);
		const known = bySourceId.get(entry.external_id);
		if (known) {
			// A later row that duplicates this one stays a duplicate on a re-import of the file,
			// as it was on the first.
			index.add(candidateOf(entry, { organization_id: known.organization_id, name: known.name }));
			return {
				row,
				outcome: 'update',
				name,
				of: { organization_id: known.organization_id, name: known.name }
			};
		}
		const candidate = candidateOf(entry, { row, name });
		let best: { of: Candidate; reasons: DuplicateReason[] } | null = null;
		for (const other of index.near(candidate)) {
			const reasons = duplicateReasons(candidate, other);
			if (reasons && (!best || reasons.length > best.reasons.length)) best = { of: other, reasons };
		}
		index.add(candidate);
		if (best) return { row, outcome: 'duplicate', name, of: best.of.key, reasons: best.reasons };
		return { row, outcome: 'new', name };
	});
}
