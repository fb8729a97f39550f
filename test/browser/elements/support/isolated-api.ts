/**
 * A fresh name for the reference server's API, so that a test gets stores of its own: public
 * data (levels, catalog, ways to earn, donations) is shared by every element of one API on the
 * page and stays fresh for a while, so a test that needs it to fail, or to be fetched anew,
 * calls the same server under another base URL (`…/isolated-3`). Requests to that name are
 * forwarded to the server, or answered by `answer` when it returns a response.
 */
let counter = 0;

export interface IsolatedApi {
  /** The base URL to give the elements. */
  readonly api: string;
  /** `METHOD /v1/…` of every request made to it. */
  readonly requests: string[];
  /** Requests whose path starts with `pathPrefix`. */
  count(pathPrefix: string, method?: string): number;
  restore(): void;
}

export function isolatedApi(server: string, answer?: (path: string, init: RequestInit | undefined) => Response | undefined): IsolatedApi {
  counter += 1;
  const api = `${server.replace(/\/+$/, '')}/isolated-${Date.now().toString(36)}-${counter}`;
  const original = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith(`${api}/`)) return original(input, init);
    const rest = href.slice(api.length);
    const path = new URL(rest, 'http://x').pathname;
    requests.push(`${init?.method ?? 'GET'} ${path}`);
    const given = answer?.(path, init);
    return given ? Promise.resolve(given) : original(`${server.replace(/\/+$/, '')}${rest}`, init);
  };
  return {
    api,
    requests,
    count: (pathPrefix, method = 'GET') => requests.filter((line) => line.startsWith(`${method} ${pathPrefix}`)).length,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
