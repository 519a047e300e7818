import { describe, expect, it } from 'vitest';
import { embedSearch, iframeSnippet, parseEmbedParams } from './embed.ts';

describe('parseEmbedParams', () => {
	it('reads a quartier, a category and a support kind', () => {
		const params = new URLSearchParams('quartier=2&category=self_organisation&support=Home_Visits');
		expect(parseEmbedParams(params)).toEqual({
			quartier: 2,
			category: 'self_organisation',
			support: 'home_visits'
		});
	});

	it('drops wrong or empty values and keeps the rest', () => {
		const params = new URLSearchParams('quartier=abc&category=&support=home_visits&x=1');
		expect(parseEmbedParams(params)).toEqual({ support: 'home_visits' });
		expect(parseEmbedParams(new URLSearchParams('support=<script>'))).toEqual({});
	});
});

describe('embedSearch', () => {
	it('writes only the given filters, in a fixed order', () => {
		expect(embedSearch({ support: 'meals_food', quartier: 7 })).toBe(
			'quartier=7&support=meals_food'
		);
		expect(embedSearch({})).toBe('');
	});
});

describe('iframeSnippet', () => {
	it('is one iframe with the address, a title and a fixed height', () => {
		const code = iframeSnippet({
			src: 'https://nabij.example/nl/embed?quartier=2&support=x',
			title: 'Nabij'
		});
		expect(code).toBe(
			'<iframe src="https://nabij.example/nl/embed?quartier=2&amp;support=x" title="Nabij" width="100%" height="600" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>'
		);
	});

	it('escapes quotes and angle brackets in the title', () => {
		expect(iframeSnippet({ src: 'https://x/', title: '"><script>' })).toContain(
			'title="&quot;&gt;&lt;script&gt;"'
		);
	});
});
