import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	chooseEncoding,
	compressResponse,
	IN_PLACE_BYTES,
	isCompressibleType
} from './compress.ts';

const page = `<!doctype html><html><body>${'<p>Maison de quartier, Saint-Gilles</p>'.repeat(200)}</body></html>`;

function html(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
	const init: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...headers };
	if (typeof body === 'string') init['content-length'] ??= String(Buffer.byteLength(body));
	return new Response(body, { headers: init });
}

const get = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://127.0.0.1/fr/find', {
		method,
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});

describe('chooseEncoding', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=0.5, br;q=0.4', 'gzip'],
		['*', 'br'],
		['identity', null],
		['gzip;q=0, br;q=0', null],
		['', null]
	] as const)('%s → %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});

	it('compresses nothing without the header', () => {
		expect(chooseEncoding(null)).toBeNull();
	});
});

describe('isCompressibleType', () => {
	it.each([
		['text/html; charset=utf-8', true],
		['application/json', true],
		['application/geo+json', true],
		['image/svg+xml', true],
		['text/css', true],
		['image/png', false],
		['font/woff2', false],
		['application/octet-stream', false],
		[null, false]
	] as const)('%s → %s', (type, expected) => {
		expect(isCompressibleType(type)).toBe(expected);
	});
});

describe('compressResponse', () => {
	it('sends a page as brotli that decodes to the same HTML, with its length and Vary', async () => {
		const response = await compressResponse(get('gzip, br'), html(page, { vary: 'Cookie' }));
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
		expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);
	});

	it('compresses small and large bodies with either encoding to bytes that decode back', async () => {
		// A page is compressed in place, a body beyond IN_PLACE_BYTES in the thread pool.
		const large = page.repeat(Math.ceil((IN_PLACE_BYTES * 1.5) / page.length));
		expect(Buffer.byteLength(large)).toBeGreaterThan(IN_PLACE_BYTES);
		const decode = { br: brotliDecompressSync, gzip: gunzipSync };
		for (const body of [page, large]) {
			for (const encoding of ['br', 'gzip'] as const) {
				const response = await compressResponse(get(encoding), html(body));
				expect(response.headers.get('content-encoding')).toBe(encoding);
				const bytes = Buffer.from(await response.arrayBuffer());
				expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
				expect(decode[encoding](bytes).toString()).toBe(body);
			}
		}
	});

	it('compresses a streamed body chunk by chunk with gzip, sending each chunk at once', async () => {
		const encoder = new TextEncoder();
		let release: () => void = () => {};
		const later = new Promise<void>((done) => (release = done));
		const stream = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(encoder.encode(page));
				await later;
				controller.enqueue(encoder.encode('<script>streamed()</script>'));
				controller.close();
			}
		});
		const response = await compressResponse(get('gzip'), html(stream));
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.has('content-length')).toBe(false);
		const reader = response.body!.getReader();
		// The first chunk arrives (flushed) before the stream has ended.
		const first = await reader.read();
		expect(gunzipSync(first.value!, { finishFlush: 2 }).toString()).toBe(page);
		release();
		const rest: Uint8Array[] = [first.value!];
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
			rest.push(chunk.value);
		}
		expect(gunzipSync(Buffer.concat(rest)).toString()).toBe(`${page}<script>streamed()</script>`);
	});

	it('leaves small, binary, encoded, HEAD and unaccepted responses as they are', async () => {
		const small = html('<p>ok</p>');
		expect(await compressResponse(get('br'), small)).toBe(small);
		const png = new Response(new Uint8Array(4096), {
			headers: { 'content-type': 'image/png', 'content-length': '4096' }
		});
		expect(await compressResponse(get('br'), png)).toBe(png);
		const encoded = html(page, { 'content-encoding': 'gzip' });
		expect(await compressResponse(get('br'), encoded)).toBe(encoded);
		const head = html(page);
		expect(await compressResponse(get('br', 'HEAD'), head)).toBe(head);
		const plain = html(page);
		expect(await compressResponse(get(), plain)).toBe(plain);
		const noTransform = html(page, { 'cache-control': 'no-transform' });
		expect(await compressResponse(get('br'), noTransform)).toBe(noTransform);
	});

	it('weakens a strong ETag, since the bytes differ', async () => {
		const response = await compressResponse(get('gzip'), html(page, { etag: '"abc"' }));
		expect(response.headers.get('etag')).toBe('W/"abc"');
	});
});
