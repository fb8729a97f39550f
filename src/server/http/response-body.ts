/**
 * The body of an answer when it is known without reading it.
 *
 * @hono/node-server answers with a lightweight Response: it keeps the status, the body (a string
 * for `c.json`, `c.text`, `c.html`) and the headers aside and writes them to the socket in one go.
 * Reading `body`, `bodyUsed`, `clone()` or `text()` turns it into a full web Response instead: a
 * ReadableStream made, teed and read back chunk by chunk, which costs more than the rest of a
 * small request's JavaScript. Middleware that only needs the text (or to know there is none)
 * takes it from here, and falls back to reading the answer when it is not such a Response (under
 * `app.request()`, or once something else has read it).
 */

/** The key under which the lightweight Response keeps `[status, body, headers]`. */
let cacheKey: symbol | undefined;

function findCacheKey(res: Response): symbol | undefined {
  for (const key of Object.getOwnPropertySymbols(res)) {
    if (key.description === 'cache') return key;
  }
  return undefined;
}

/**
 * The body as the answer holds it: its text, `null` when it has none, or `undefined` when that is
 * unknown without reading it (another kind of body, or not a lightweight Response).
 */
export function knownBodyText(res: Response): string | null | undefined {
  const key = cacheKey !== undefined && cacheKey in res ? cacheKey : (cacheKey = findCacheKey(res) ?? cacheKey);
  if (key === undefined) return undefined;
  const cache = (res as unknown as Record<symbol, unknown>)[key];
  if (!Array.isArray(cache) || cache.length !== 3) return undefined;
  const body: unknown = cache[1];
  return body === null || typeof body === 'string' ? body : undefined;
}
