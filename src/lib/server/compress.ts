// Compression of the app's own responses (HTML pages, JSON endpoints, other text). adapter-node
// serves the built assets precompressed (.br/.gz beside each file) but sends what SvelteKit
// renders as is; a region-wide finder page is over 200 KB of HTML, which a phone on a slow link
// feels. Brotli at a low quality costs about as much CPU as gzip and saves a fifth more.
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes the headers and the CPU cost more than compression saves. */
export const MIN_COMPRESS_BYTES = 1024;

// Low qualities are brotli's choice for content compressed on every request: at 11 (the
// library's default) a 200 KB page takes tens of milliseconds. Medians of 600 runs on the target
// machine: the 135 KB finder page of a 1 km search takes 0.22 ms at quality 1 for 22.4 KB, 0.61 ms
// at 3 for 20.6 KB, 0.99 ms at 4 for 19.7 KB; the 214 KB page of the whole region 0.57 ms at 1
// for 74.9 KB, 1.48 ms at 3 for 68.8 KB. Under load the server answered the 1 km page about a
// tenth faster at quality 1 than at 3: the compression runs on the thread that renders pages.
const BROTLI_QUALITY = 1;

/**
 * Bodies up to this size are compressed on the main thread. Handing a page to the thread pool
 * cost the main thread more (the stream machinery, callbacks and buffers around it) than
 * compressing it in place: the built server answered the finder page about a fifth faster under
 * load. Larger bodies, which would hold the event loop for long, go to the pool.
 */
export const IN_PLACE_BYTES = 512 * 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function compressBody(plain: Buffer, encoding: Encoding): Buffer | Promise<Buffer> {
	const inPlace = plain.byteLength <= IN_PLACE_BYTES;
	if (encoding === 'gzip') return inPlace ? zlib.gzipSync(plain) : gzip(plain);
	const options = {
		params: {
			[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength
		}
	};
	return inPlace ? zlib.brotliCompressSync(plain, options) : brotli(plain, options);
}

/**
 * The encoding to use for a request's `Accept-Encoding`: brotli when accepted at least as much as
 * gzip, else gzip, else none. Quality values are honoured (`q=0` refuses); `*` stands for both.
 *
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 * @example chooseEncoding('br;q=0, gzip') // 'gzip'
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q === undefined ? 1 : Number(q.slice(2));
		if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gz = weightOf('gzip');
	if (br > 0 && br >= gz) return 'br';
	return gz > 0 ? 'gzip' : null;
}

/** Whether a response of this `Content-Type` is text that compresses (images, fonts do not). */
export function isCompressibleType(contentType: string | null): boolean {
	if (!contentType) return false;
	const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
	return (
		type.startsWith('text/') ||
		/^application\/(json|javascript|xml|manifest\+json|geo\+json|ld\+json|[\w.-]+\+(json|xml))$/.test(
			type
		) ||
		type === 'image/svg+xml'
	);
}

/** Whether this response to this request should be compressed, and with what. */
function encodingFor(request: Request, response: Response): Encoding | null {
	if (request.method === 'HEAD' || !response.body) return null;
	if (response.status < 200 || [204, 206, 304].includes(response.status)) return null;
	if (response.headers.has('content-encoding')) return null;
	if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return null;
	if (!isCompressibleType(response.headers.get('content-type'))) return null;
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) < MIN_COMPRESS_BYTES) return null;
	return chooseEncoding(request.headers.get('accept-encoding'));
}

/** The headers of the compressed response: new encoding and vary, no length, a weak ETag. */
function compressedHeaders(response: Response, encoding: Encoding, length?: number): Headers {
	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	if (length === undefined) headers.delete('content-length');
	else headers.set('content-length', String(length));
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/\b(accept-encoding|\*)\b/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
	// The bytes differ from the uncompressed ones, so a strong validator would be wrong.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return headers;
}

/** A compressing transform that flushes after every chunk, so streamed HTML arrives as it comes. */
function streamingCompressor(encoding: Encoding) {
	return encoding === 'br'
		? zlib.createBrotliCompress({
				flush: zlib.constants.BROTLI_OPERATION_FLUSH,
				params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY }
			})
		: zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
}

/**
 * The response compressed for the request, or the response unchanged when the client does not
 * accept brotli or gzip, the body is small, not text, already encoded, partial or asked not to be
 * transformed. A body of known length is compressed in one go (see {@link IN_PLACE_BYTES}); a streamed
 * one (no `Content-Length`: a page that streams its data) is compressed chunk by chunk.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const encoding = encodingFor(request, response);
	if (!encoding || !response.body) return response;
	const init = { status: response.status, statusText: response.statusText };
	if (response.headers.has('content-length')) {
		const plain = Buffer.from(await response.arrayBuffer());
		const packed = await compressBody(plain, encoding);
		return new Response(new Uint8Array(packed), {
			...init,
			headers: compressedHeaders(response, encoding, packed.byteLength)
		});
	}
	const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
	const compressor = streamingCompressor(encoding);
	// An error on either side ends both, so neither the renderer nor the socket is left hanging.
	source.on('error', (error) => compressor.destroy(error));
	source.pipe(compressor);
	const body = Readable.toWeb(compressor) as unknown as ReadableStream<Uint8Array>;
	return new Response(body, { ...init, headers: compressedHeaders(response, encoding) });
}
