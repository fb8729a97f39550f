/**
 * The reference server under a fresh base URL (so the test has stores of its own) whose
 * health the test switches: up, down (a real refused connection), slow (answers only after
 * `SLOW_ANSWER_MS`) or answering garbage with a success status.
 */
let counter = 0;

export type ApiHealth = 'up' | 'down' | 'slow' | 'html' | 'truncated-json' | 'wrong-shape';

/** Longer than the SDK's 10 s per-attempt timeout: a member never gets this answer. */
export const SLOW_ANSWER_MS = 12_000;

/** Nothing listens on port 2 (a privileged port no service uses), and Chromium does not block it. */
const REFUSING_ORIGIN = 'http://127.0.0.1:2';

export interface UnreliableApi {
  readonly api: string;
  health: ApiHealth;
  /** Requests made to it while it was not up. */
  failedRequests: number;
  /** `Date.now()` (page time) of the first of them, undefined before one. */
  firstFailedAt: number | undefined;
  restore(): void;
}

/** Every number in a JSON value turned into a string: the same keys, the wrong types. */
function stringifyNumbers(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(stringifyNumbers);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, stringifyNumbers(inner)]));
  return value;
}

/** The answer with its numbers as strings, or, when it has none, wrapped in an object it never is. */
function wrongShape(text: string): string {
  const parsed: unknown = JSON.parse(text);
  const retyped = JSON.stringify(stringifyNumbers(parsed));
  return retyped === JSON.stringify(parsed) ? JSON.stringify({ unexpected: parsed }) : retyped;
}

function waitOrAbort(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

export function unreliableApi(server: string, health: ApiHealth): UnreliableApi {
  counter += 1;
  const base = server.replace(/\/+$/, '');
  const api = `${base}/unreliable-${Date.now().toString(36)}-${counter}`;
  const original = globalThis.fetch;
  const state: UnreliableApi = {
    api,
    health,
    failedRequests: 0,
    firstFailedAt: undefined,
    restore: () => {
      globalThis.fetch = original;
    },
  };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith(`${api}/`)) return original(input, init);
    const rest = href.slice(api.length);
    if (state.health === 'up') return original(`${base}${rest}`, init);
    state.failedRequests += 1;
    state.firstFailedAt ??= Date.now();
    switch (state.health) {
      case 'down':
        return original(`${REFUSING_ORIGIN}${rest}`, init);
      case 'slow':
        await waitOrAbort(SLOW_ANSWER_MS, init?.signal);
        return original(`${base}${rest}`, init);
      case 'html':
        return new Response('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1><script>parent.pwned = true</script>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      case 'truncated-json':
      case 'wrong-shape': {
        const real = await original(`${base}${rest}`, init);
        const text = await real.text();
        const body = state.health === 'truncated-json' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : wrongShape(text);
        return new Response(body, { status: real.status, headers: { 'content-type': 'application/json' } });
      }
    }
  };
  return state;
}
