// Text folding shared by the place index and the resource search: case, accents, ligatures and
// punctuation never decide whether something is found.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`´]/g;
const OUTSIDE_PRINTABLE_ASCII = /[^ -~]/;

/**
 * Lower-cases, removes accents, folds ligatures and turns apostrophes into `'`; other characters
 * are kept.
 *
 * @example foldText('Chaussée d’Ixelles') // "chaussee d'ixelles"
 */
export function foldText(text: string): string {
	const lower = text.toLowerCase();
	// Most text is plain printable ASCII: skip the costly Unicode normalisation for it.
	if (!OUTSIDE_PRINTABLE_ASCII.test(lower)) {
		return lower.includes('`') ? lower.replace(APOSTROPHES, "'") : lower;
	}
	return lower
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.replace(APOSTROPHES, "'");
}

/**
 * Folded words: letters and digits only, split on everything else (spaces, hyphens, apostrophes).
 *
 * @example textTokens("Chaussée d'Ixelles - Elsensesteenweg")
 * // ['chaussee', 'd', 'ixelles', 'elsensesteenweg']
 */
export function textTokens(text: string): string[] {
	return foldText(text)
		.split(/[^a-z0-9]+/)
		.filter((token) => token !== '');
}

/**
 * The folded text with everything but letters and digits removed, for whole-name comparisons.
 *
 * @example compactText('Saint-Gilles') // 'saintgilles'
 */
export function compactText(text: string): string {
	return foldText(text).replace(/[^a-z0-9]+/g, '');
}

// Scratch rows reused across calls: the typo search runs this thousands of times per query.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps) between
 * two strings, or `maxEdits + 1` as soon as it is known to exceed `maxEdits`.
 *
 * @example boundedEditDistance({ from: 'chausee', to: 'chaussee', maxEdits: 2 }) // 1
 */
export function boundedEditDistance(pair: { from: string; to: string; maxEdits: number }): number {
	const { from: a, to: b, maxEdits } = pair;
	if (Math.abs(a.length - b.length) > maxEdits) return maxEdits + 1;
	if (b.length + 1 > rowA.length) {
		rowA = new Int32Array(b.length + 1);
		rowB = new Int32Array(b.length + 1);
		rowC = new Int32Array(b.length + 1);
	}
	let beforePrevious = rowA;
	let previous = rowB;
	let current = rowC;
	for (let j = 0; j <= b.length; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const bj = b.charCodeAt(j - 1);
			let value = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + (ai === bj ? 0 : 1)
			);
			if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
				value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
			}
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > maxEdits) return maxEdits + 1;
		const spare = beforePrevious;
		beforePrevious = previous;
		previous = current;
		current = spare;
	}
	return Math.min(previous[b.length] ?? maxEdits + 1, maxEdits + 1);
}

/**
 * A 32-bit set of the letters and digits in a word. One edit changes at most two bits, so two
 * words whose sets differ in more than `2 × maxEdits` bits are too far apart to compare further.
 *
 * @example letterSet('ab') === ((1 << 0) | (1 << 1)) // true
 */
export function letterSet(word: string): number {
	let set = 0;
	for (let i = 0; i < word.length; i++) {
		const code = word.charCodeAt(i);
		// a–z take bits 0–25, digits share the remaining bits.
		set |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
	}
	return set;
}

/**
 * Number of set bits in a 32-bit integer.
 *
 * @example bitCount(0b1011) // 3
 */
export function bitCount(value: number): number {
	let v = value - ((value >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
