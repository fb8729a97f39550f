import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a presented key with the configured one in constant time. Both sides are hashed
 * first, so the comparison always runs on 32 bytes and the key's length never leaks.
 */
export function createApiKeyCheck(expected: string): (presented: string) => boolean {
  const expectedDigest = digest(expected);
  return (presented) => timingSafeEqual(digest(presented), expectedDigest);
}
