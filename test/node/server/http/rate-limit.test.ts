import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { TokenBucketLimiter } from '../../../../src/server/http/rate-limit.ts';
import { API_KEY, makeApp, ManualClock, MEMBER_SECRET, problemOf } from './support.ts';

async function memberHeaders(clock: ManualClock, memberId: string) {
  return { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, memberId, 3600, clock.now())}` };
}

test('a member over the limit gets 429 rate_limited with Retry-After, then is let through after the wait', async () => {
  const clock = new ManualClock();
  const { app } = makeApp({ clock, rateLimit: { ratePerSecond: 0.5, burst: 3 } });
  const alice = await memberHeaders(clock, 'alice');

  for (let i = 0; i < 3; i += 1) assert.equal((await app.request('/t/me', { headers: alice })).status, 200);
  const limited = await app.request('/t/me', { headers: alice });
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('Retry-After'), '2');
  const body = await problemOf(limited);
  assert.equal(body.code, 'rate_limited');
  assert.equal(body.status, 429);

  clock.advance(1_000);
  assert.equal((await app.request('/t/me', { headers: alice })).status, 429, 'half a token is not enough');
  clock.advance(1_000);
  assert.equal((await app.request('/t/me', { headers: alice })).status, 200);
  assert.equal((await app.request('/t/me', { headers: alice })).status, 429);
});

test('members are limited separately, and the shop is not limited as a member', async () => {
  const clock = new ManualClock();
  const { app } = makeApp({ clock, rateLimit: { ratePerSecond: 1, burst: 1 } });
  const alice = await memberHeaders(clock, 'alice');
  const bob = await memberHeaders(clock, 'bob');
  assert.equal((await app.request('/t/me', { headers: alice })).status, 200);
  assert.equal((await app.request('/t/me', { headers: alice })).status, 429);
  assert.equal((await app.request('/t/me', { headers: bob })).status, 200);
  for (let i = 0; i < 3; i += 1) {
    const res = await app.request('/t/members/alice', { headers: { 'X-Api-Key': API_KEY } });
    assert.equal(res.status, 200);
  }
});

test('a refused request costs nothing: waiting the announced time is always enough', () => {
  const clock = new ManualClock();
  const limiter = new TokenBucketLimiter({ ratePerSecond: 2, burst: 2, clock });
  assert.deepEqual(limiter.take('k'), { allowed: true });
  assert.deepEqual(limiter.take('k'), { allowed: true });
  const refused = limiter.take('k');
  assert.deepEqual(refused, { allowed: false, retryAfterSeconds: 1 });
  for (let i = 0; i < 5; i += 1) assert.equal(limiter.take('k').allowed, false);
  clock.advance(refused.allowed ? 0 : refused.retryAfterSeconds * 1000);
  assert.deepEqual(limiter.take('k'), { allowed: true });
});

test('a bucket refills up to its burst, no further', () => {
  const clock = new ManualClock();
  const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 2, clock });
  clock.advance(60_000);
  assert.equal(limiter.take('k').allowed, true);
  assert.equal(limiter.take('k').allowed, true);
  assert.equal(limiter.take('k').allowed, false);
});

test('nonsensical limits are refused at construction', () => {
  assert.throws(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1 }), RangeError);
  assert.throws(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0 }), RangeError);
});
