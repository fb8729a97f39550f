/**
 * Watches (and optionally breaks) the requests the page's shared store makes, by wrapping
 * `globalThis.fetch`, which the SDK calls at request time. Elements use the page's one store,
 * so a test cannot hand them a fetch of its own.
 */
export interface FetchSpy {
  /** `METHOD path?query` of every request since the spy started. */
  readonly requests: string[];
  /** Requests whose path starts with `pathPrefix` (e.g. `/v1/badges`). */
  count(pathPrefix: string, method?: string): number;
  /** Stops watching; `fetch` is the page's own again. */
  restore(): void;
}

/**
 * Starts watching. `answer` may return a response to give instead of asking the server
 * (a failure, say); returning `undefined` lets the request through.
 */
export function spyOnFetch(answer?: (url: URL, init: RequestInit | undefined) => Response | undefined): FetchSpy {
  const original = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const given = answer?.(url, init);
    return given ? Promise.resolve(given) : original(input, init);
  };
  return {
    requests,
    count: (pathPrefix, method = 'GET') => requests.filter((line) => line.startsWith(`${method} ${pathPrefix}`)).length,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/** An API problem document (RFC 9457) as the server sends it; 403 is never retried. */
export function problemResponse(status = 403, code = 'forbidden'): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, detail: 'refused by the test', code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
