/**
 * The browser side of the reference server the test run starts (rewards-server-plugin.mjs):
 * its URL, member tokens, shop calls made in Node with the real shop client, and fetch
 * wrappers that count or break requests on their way to it.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { ShopClient } from '../../../src/sdk/shop-client.ts';

export async function serverUrl(): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, undefined>('rewards:server');
  return url;
}

export async function signToken(memberId: string, ttlSeconds?: number): Promise<string> {
  const { token } = await executeServerCommand<{ token: string }, { memberId: string; ttlSeconds?: number }>('rewards:token', {
    memberId,
    ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
  });
  return token;
}

/** A registered member with a unique id and, when asked, that many available coins. */
export function newMember(options: { displayName?: string; coins?: number } = {}): Promise<{ memberId: string; token: string }> {
  return executeServerCommand('rewards:new-member', options);
}

type ShopMethod = Exclude<keyof ShopClient, 'baseUrl'>;

export class ShopCallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** Calls the shop client in Node (the API key never reaches the browser). */
export async function shop<M extends ShopMethod>(method: M, ...args: Parameters<ShopClient[M]>): Promise<Awaited<ReturnType<ShopClient[M]>>> {
  type Answer = { ok: true; value: Awaited<ReturnType<ShopClient[M]>> } | { ok: false; error: { code: string; status: number | null; detail: string } };
  const answer = await executeServerCommand<Answer, { method: M; args: unknown[] }>('rewards:shop', { method, args });
  if (!answer.ok) throw new ShopCallError(answer.error.code, answer.error.status, answer.error.detail);
  return answer.value;
}

export interface RecordedRequest {
  method: string;
  /** The path and query, e.g. `/v1/badges?members=a,b`. */
  path: string;
  headers: Headers;
}

/** A `fetch` that records every request and still sends it to the real server. */
export function countingFetch(): {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  requests: RecordedRequest[];
  count(method: string, pathPrefix: string): number;
} {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const url = new URL(input);
      requests.push({ method: init.method ?? 'GET', path: url.pathname + url.search, headers: new Headers(init.headers) });
      return fetch(input, init);
    },
    count: (method, pathPrefix) => requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix)).length,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `check` returns true, polling; fails after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 4_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
