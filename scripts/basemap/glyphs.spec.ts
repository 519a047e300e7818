import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { glyphRange, glyphRanges, subsetGlyphs } from './glyphs.ts';

describe('glyphRanges', () => {
	it('lists the 256-code-point blocks the names use, Latin always', () => {
		expect(glyphRange(0x2019)).toBe('8192-8447');
		expect(glyphRanges([])).toEqual(['0-255']);
		expect(glyphRanges(['Rue de l’Église', 'Łódź'])).toEqual(['0-255', '256-511', '8192-8447']);
	});
});

describe('subsetGlyphs', () => {
	const block = readFileSync(
		resolve(
			import.meta.dirname,
			'../../node_modules/tileserver-gl-styles/fonts/Noto Sans Regular/0-255.pbf'
		)
	);
	const ids = (pbf: Uint8Array) => {
		const found: number[] = [];
		new PbfReader(pbf).readFields((tag, _, top) => {
			if (tag !== 1) return;
			top.readMessage((t, __, stack) => {
				if (t !== 3) return;
				const glyph = stack.readBytes();
				new PbfReader(glyph).readFields((g, ___, p) => {
					if (g === 1) found.push(p.readVarint());
				}, null);
			}, null);
		}, null);
		return found;
	};

	it('keeps only the glyphs asked for, whole', () => {
		const keep = new Set([...'Rue é12'].map((c) => c.codePointAt(0) ?? 0));
		const subset = subsetGlyphs(block, keep);
		expect(ids(subset).sort((a, b) => a - b)).toEqual([...keep].sort((a, b) => a - b));
		expect(subset.length).toBeLessThan(block.length / 10);
		// The kept glyphs are byte for byte those of the block.
		expect(Buffer.from(block).includes(Buffer.from(subset.subarray(subset.length - 200)))).toBe(
			true
		);
	});
});
