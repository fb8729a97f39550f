import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomText } from '../../../src/server/random.ts';

test('random ids: 22 base64url characters for 16 bytes, never repeated across many refills of the pool', () => {
  const seen = new Set<string>();
  // 16 bytes each: 10,000 ids go through the 4 KB pool about 40 times.
  for (let i = 0; i < 10_000; i++) {
    const id = randomText(16);
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    seen.add(id);
  }
  assert.equal(seen.size, 10_000);
});

test('random ids: odd sizes across the end of the pool come out whole, and out-of-range sizes are refused', () => {
  for (let i = 0; i < 1_000; i++) assert.equal(Buffer.from(randomText(37), 'base64url').length, 37);
  assert.throws(() => randomText(0), RangeError);
  assert.throws(() => randomText(257), RangeError);
});
