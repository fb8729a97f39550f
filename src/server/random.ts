/**
 * Random ids for rows a request writes (redemptions, webhook events). `randomBytes` makes a call
 * into OpenSSL for each id, tens of microseconds each under load; these take their bytes from a
 * pool filled 4 KB at a time from the same generator and never hand out a byte twice, as Node's
 * own `randomUUID` does.
 */
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let used = pool.length;

/** `bytes` random bytes (at most 256) as base64url text: 16 bytes, 128 bits, an id nobody can guess. */
export function randomText(bytes = 16): string {
  if (!(bytes >= 1 && bytes <= 256)) throw new RangeError('randomText takes 1 to 256 bytes');
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const text = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return text;
}
