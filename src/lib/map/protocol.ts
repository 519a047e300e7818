// The offline basemap's loader. Its tiles and glyphs are stored gzip-compressed (the app's static
// server compresses only text files), so MapLibre asks for them through our own URL scheme and
// this loader fetches them from the app's origin on the main thread and inflates them. A fetch on
// the main thread also picks up what the page preloaded (`<link rel="preload" as="fetch">`).
import { BASEMAP_PROTOCOL } from './basemap.ts';

/** What MapLibre passes to a protocol loader (the part we read). */
export type BasemapRequest = { url: string; type?: string };

/**
 * The same-origin path of a basemap URL.
 *
 * @example basemapPath('nabij://basemap/tiles/14/8389/5479.pbf') // '/basemap/tiles/14/8389/5479.pbf'
 */
export function basemapPath(url: string): string {
	const prefix = `${BASEMAP_PROTOCOL}://`;
	if (!url.startsWith(prefix)) throw new Error(`not a basemap URL: ${url}`);
	return `/${url.slice(prefix.length)}`;
}

/** Whether bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The bytes inflated when they are gzip (as stored), unchanged when a server or proxy already
 * sent them with `Content-Encoding: gzip` and the browser inflated them.
 */
export async function inflate(bytes: ArrayBuffer): Promise<ArrayBuffer> {
	if (!isGzip(new Uint8Array(bytes))) return bytes;
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Response(stream).arrayBuffer();
}

/**
 * A MapLibre protocol loader for the basemap. A missing file is an empty tile (the tile set
 * leaves out tiles without streets).
 */
export function basemapLoader(fetcher: typeof fetch = fetch) {
	return async (request: BasemapRequest, abort: AbortController) => {
		const response = await fetcher(basemapPath(request.url), { signal: abort.signal });
		if (response.status === 404 && request.type !== 'json') return { data: new ArrayBuffer(0) };
		if (!response.ok) throw new Error(`${response.status} for ${request.url}`);
		if (request.type === 'json') return { data: (await response.json()) as unknown as object };
		return { data: await inflate(await response.arrayBuffer()) };
	};
}
