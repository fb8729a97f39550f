/**
 * One delivery attempt over HTTP: a POST with a 10-second limit for the whole exchange, no
 * redirects followed, and the answer's body drained but never kept. Private addresses are refused
 * at connection time unless allowed.
 */
import http from 'node:http';
import https from 'node:https';

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface PostResult {
  /** The receiver's status, when it answered. */
  statusCode?: number;
  /** Why there is no answer (timeout, refused connection, refused address…). */
  error?: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs?: number;
  /** How host names are resolved, e.g. one that refuses private addresses. */
  lookup?: http.RequestOptions['lookup'];
}

export function postJson(url: URL, body: string, { headers, timeoutMs = DELIVERY_TIMEOUT_MS, lookup }: PostOptions): Promise<PostResult> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
        signal,
        agent: false,
        ...(lookup ? { lookup } : {}),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0 }));
        response.on('error', (error) => resolve({ error: describe(error, signal) }));
      },
    );
    request.on('error', (error) => resolve({ error: describe(error, signal) }));
    request.end(body);
  });
}

function describe(error: Error, signal: AbortSignal): string {
  if (signal.aborted) return 'timed out';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}`.slice(0, 500) : error.message.slice(0, 500);
}
