// Which glyph ranges of the map font the labels need. MapLibre asks for glyphs in blocks of 256
// code points ("0-255.pbf", "256-511.pbf", …); shipping only the blocks our names use keeps the
// offline map small.

/** The glyph block file name ("0-255") of a code point. */
export function glyphRange(codePoint: number): string {
	const start = Math.floor(codePoint / 256) * 256;
	return `${start}-${start + 255}`;
}

/**
 * The glyph blocks needed to draw `texts`, sorted by first code point; always the Latin block
 * "0-255" (digits for the cluster counts).
 *
 * @example glyphRanges(['Rue de l’Église']) // ['0-255', '8192-8447']
 */
export function glyphRanges(texts: Iterable<string>): string[] {
	const starts = new Set<number>([0]);
	for (const text of texts) {
		for (const char of text) starts.add(Math.floor((char.codePointAt(0) ?? 0) / 256) * 256);
	}
	return [...starts].sort((a, b) => a - b).map((start) => glyphRange(start));
}
