import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { basemapLoader, basemapPath, inflate, isGzip } from './protocol.ts';

const bytes = new TextEncoder().encode('a vector tile');

describe('basemapPath', () => {
	it('maps the style’s URLs to files of the app', () => {
		expect(basemapPath('nabij://basemap/tiles/14/8390/5496.pbf')).toBe(
			'/basemap/tiles/14/8390/5496.pbf'
		);
		expect(() => basemapPath('https://example.invalid/x.pbf')).toThrow(/not a basemap URL/);
	});
});

describe('inflate', () => {
	it('inflates gzip and passes through what the browser already inflated', async () => {
		const gz = gzipSync(bytes);
		expect(isGzip(gz)).toBe(true);
		expect(
			new Uint8Array(await inflate(gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.length)))
		).toEqual(bytes);
		expect(new Uint8Array(await inflate(bytes.buffer))).toEqual(bytes);
	});
});

describe('basemapLoader', () => {
	const served = new Map<string, Response>();
	const fetcher = (async (path: string) =>
		served.get(path) ?? new Response('not found', { status: 404 })) as typeof fetch;
	const load = basemapLoader(fetcher);
	const abort = new AbortController();

	it('serves stored tiles inflated, missing tiles as empty, and JSON parsed', async () => {
		served.set('/basemap/tiles/1/2/3.pbf', new Response(gzipSync(bytes)));
		served.set('/basemap/outline.json', Response.json({ type: 'FeatureCollection' }));
		const tile = await load({ url: 'nabij://basemap/tiles/1/2/3.pbf', type: 'arrayBuffer' }, abort);
		expect(new Uint8Array(tile.data as ArrayBuffer)).toEqual(bytes);
		const missing = await load(
			{ url: 'nabij://basemap/tiles/1/2/4.pbf', type: 'arrayBuffer' },
			abort
		);
		expect((missing.data as ArrayBuffer).byteLength).toBe(0);
		const json = await load({ url: 'nabij://basemap/outline.json', type: 'json' }, abort);
		expect(json.data).toEqual({ type: 'FeatureCollection' });
		await expect(load({ url: 'nabij://basemap/gone.json', type: 'json' }, abort)).rejects.toThrow(
			/404/
		);
	});
});
