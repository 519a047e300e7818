import { describe, expect, it } from 'vitest';
import { parseSlipParams, slipPath } from './slip.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('parseSlipParams', () => {
	it('reads repeated and comma-separated ids, without duplicates or junk', () => {
		const params = new URLSearchParams(`ids=${id(1)},${id(2)}&ids=${id(1)}&ids=nope&lang=nl`);
		expect(parseSlipParams(params, 'fr')).toEqual({
			ids: [id(1), id(2)],
			lang: 'nl',
			tooMany: false
		});
	});

	it('keeps five entries and says when there were more', () => {
		const ids = [1, 2, 3, 4, 5, 6].map(id).join(',');
		const result = parseSlipParams(new URLSearchParams(`ids=${ids}`), 'en');
		expect(result.ids).toHaveLength(5);
		expect(result.tooMany).toBe(true);
		expect(result.lang).toBe('en');
	});

	it('falls back to the given language for a missing or unknown one', () => {
		expect(parseSlipParams(new URLSearchParams('lang=ar'), 'fr').lang).toBe('fr');
	});
});

describe('slipPath', () => {
	it('round-trips through parseSlipParams', () => {
		const path = slipPath([id(3), id(4)], 'en');
		const parsed = parseSlipParams(new URL(path, 'http://x').searchParams, 'fr');
		expect(parsed).toEqual({ ids: [id(3), id(4)], lang: 'en', tooMany: false });
	});
});
