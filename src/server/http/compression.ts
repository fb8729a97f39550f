/**
 * Compresses answers for clients that accept it: brotli where offered, else gzip. Only text-like
 * types (JSON, problem+json, JavaScript, HTML, CSS, SVG…) and only from 1 KB up: below that the
 * headers cost more than the bytes saved. Hono's own `compress` offers gzip and deflate only
 * (CompressionStream has no brotli in Node 20), hence node:zlib here.
 *
 * Answers are buffered before compressing: every answer of this server is a bounded document
 * (the largest is the OpenAPI document), and knowing the size lets small ones through untouched.
 * Brotli runs at quality 5, the usual choice for answers made on the fly: within a few percent
 * of the best ratio at a small fraction of its time.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { knownBodyText } from './response-body.ts';

export type Encoding = 'br' | 'gzip';

const MIN_BYTES = 1024;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Up to this size an answer is compressed on the event loop: it takes a few tens of microseconds,
 * less than handing it to the thread pool and back. Bigger ones go to the thread pool, so that a
 * large document does not hold up other requests.
 */
const SYNC_MAX_BYTES = 32 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A window just big enough for the body (brotli's default is 4 MB): the same output for answers
 * that fit, and a third of the time for a small one, most of which went to setting up the window.
 */
const windowBits = (bytes: number) => Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 1))));

const brotliOptions = (body: Uint8Array): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    [constants.BROTLI_PARAM_LGWIN]: windowBits(body.byteLength),
  },
});

const encoders: Record<Encoding, (body: Uint8Array) => Buffer | Promise<Buffer>> = {
  br: (body) => (body.byteLength <= SYNC_MAX_BYTES ? brotliCompressSync(body, brotliOptions(body)) : brotli(body, brotliOptions(body))),
  gzip: (body) => (body.byteLength <= SYNC_MAX_BYTES ? gzipSync(body) : gzipAsync(body)),
};

/** The best encoding `Accept-Encoding` allows: the highest q, brotli before gzip on a tie; none for q=0. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return undefined;
  const offers = parseAccept(acceptEncoding);
  const wildcard = offers.find((offer) => offer.type === '*')?.q ?? 0;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ['br', 'gzip'] as const) {
    const q = offers.find((offer) => offer.type.toLowerCase() === encoding)?.q ?? wildcard;
    if (q > 0 && (best === undefined || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

export function compression({ minBytes = MIN_BYTES }: { minBytes?: number } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    // The text when the answer holds one: asking `res.body` would turn a lightweight answer into a
    // stream (see response-body.ts).
    const known = knownBodyText(res);
    if (
      c.req.method === 'HEAD' ||
      known === null ||
      (known === undefined && res.body === null) ||
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')
    ) {
      return;
    }
    // Caches must know the answer depends on Accept-Encoding, whichever this client gets.
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) {
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (encoding === undefined) return;
    const declared = Number(res.headers.get('Content-Length') ?? Number.NaN);
    if (declared < minBytes) return;
    if (known !== undefined && Buffer.byteLength(known) < minBytes) return;
    const body = known !== undefined ? Buffer.from(known) : new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < minBytes) {
      c.res = new Response(body, res);
      return;
    }
    c.res = new Response(new Uint8Array(await encoders[encoding](body)), res);
    // Hono copies the previous answer's headers onto the new one: fix those that changed.
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.delete('Content-Length');
    const etag = c.res.headers.get('ETag');
    if (etag !== null && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
