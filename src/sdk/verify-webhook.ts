/**
 * For a shop's webhook receiver: checks the `Rewards-Signature` header of a delivery and returns
 * the event. Uses WebCrypto, so it runs in Node, Deno, edge runtimes and browsers alike.
 *
 *   const event = await verifyWebhook(rawBody, request.headers.get('Rewards-Signature'), secret);
 *
 * Pass the body exactly as received (before any JSON parsing): the signature covers its bytes.
 */
import type { WebhookEvent } from '../api/webhooks.ts';

export interface VerifyWebhookOptions {
  /** How far the signature's timestamp may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** The receiver's current time; the clock's by default. */
  now?: Date;
}

/** Why a delivery was refused: `reason` says which check failed. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch' | 'malformed_body',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

const DEFAULT_TOLERANCE_SECONDS = 300;

function parseHeader(header: string | null | undefined): { timestamp: number; signatures: Uint8Array[] } {
  let timestamp: number | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of (header ?? '').split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 values are accepted, for the time a secret is being replaced.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(hexBytes(value));
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookVerificationError('malformed_header', 'The Rewards-Signature header is missing or malformed.');
  }
  return { timestamp, signatures };
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * Resolves with the event when the header carries a valid HMAC-SHA256 of `"<t>.<raw body>"`
 * under `secret` and `t` is within the tolerance; rejects with `WebhookVerificationError`
 * otherwise. The comparison is WebCrypto's own `verify`, in constant time.
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() }: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const { timestamp, signatures } = parseHeader(header);
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_out_of_tolerance', 'The signature is too old (or from the future): a replay is refused.');
  }
  const encoder = new TextEncoder();
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const signed = concat(encoder.encode(`${timestamp}.`), body);
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  let valid = false;
  for (const signature of signatures) {
    if (await crypto.subtle.verify('HMAC', key, signature as Uint8Array<ArrayBuffer>, signed)) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('signature_mismatch', 'The signature does not match the body and the secret.');
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The body is not JSON.');
  }
}
