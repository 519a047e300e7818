// Which glyph ranges of the map font the labels need. MapLibre asks for glyphs in blocks of 256
// code points ("0-255.pbf", "256-511.pbf", …); shipping only the blocks our names use keeps the
// offline map small.
import { PbfReader, PbfWriter } from 'pbf';

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

/** Code points every label may need besides the names: printable ASCII (cluster counts like "1.2k"). */
export const ALWAYS_KEPT = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

type FontStack = { name: string; range: string; glyphs: Uint8Array[] };

function readStack(tag: number, stack: FontStack, pbf: PbfReader) {
	if (tag === 1) stack.name = pbf.readString();
	else if (tag === 2) stack.range = pbf.readString();
	else if (tag === 3) stack.glyphs.push(pbf.readBytes());
}

function glyphId(glyph: Uint8Array): number {
	return new PbfReader(glyph).readFields(
		(tag, result: { id: number }, pbf) => {
			if (tag === 1) result.id = pbf.readVarint();
		},
		{ id: -1 }
	).id;
}

/**
 * A glyph block (MapLibre's glyph PBF: font stacks of signed-distance-field glyphs) with only the
 * glyphs of `keep`: the map downloads the letters our names use, not the whole block.
 */
export function subsetGlyphs(block: Uint8Array, keep: ReadonlySet<number>): Uint8Array {
	const stacks = new PbfReader(block).readFields((tag, result: FontStack[], pbf) => {
		if (tag === 1) result.push(pbf.readMessage(readStack, { name: '', range: '', glyphs: [] }));
	}, []);
	const out = new PbfWriter();
	for (const stack of stacks) {
		out.writeMessage(
			1,
			(s: FontStack, pbf: PbfWriter) => {
				pbf.writeStringField(1, s.name);
				pbf.writeStringField(2, s.range);
				for (const glyph of s.glyphs) {
					if (keep.has(glyphId(glyph))) pbf.writeBytesField(3, glyph);
				}
			},
			stack
		);
	}
	return out.finish();
}
