/**
 * One member's burst is refused before it costs other members: once the shared rate limit has
 * refused a member, their next requests are refused in this process, with the remaining
 * Retry-After, without a database statement and before their body is read, until the wait has
 * passed; another member is answered meanwhile. On PGlite and on the PostgreSQL server of
 * DATABASE_URL, with the buckets kept in the database as several instances keep them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { MemberGate } from '../../../../src/server/http/member-gate.ts';
import type { RewardsApp } from '../../../../src/server/http/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { openCountingDatabase, type CountingDatabase } from '../support/counting-database.ts';
import { API_KEY, ManualClock, MEMBER_SECRET, problemOf, testConfig } from './support.ts';

const LIMIT = { ratePerSecond: 1, burst: 10, maxInFlight: 4 };
const A = 'burst-a';
const B = 'calm-b';

for (const { name } of databaseTargets()) {
  describe(`a burst on ${name}`, () => {
    let counted: CountingDatabase;
    let app: RewardsApp;
    const clock = new ManualClock();
    const headers: Record<string, { Authorization: string }> = {};
    const me = async (memberId: string) => {
      const res = await app.request('/v1/me', { headers: headers[memberId] });
      return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: await res.text() };
    };

    before(async () => {
      counted = await openCountingDatabase(name);
      const config = { ...testConfig(), rateLimitStore: 'database' as const };
      app = createRewardsApp({ config, db: counted.db, logger: silentLogger, demoDir: null, clock, rateLimit: LIMIT });
      for (const id of [A, B]) headers[id] = { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, id, 3600, clock.now())}` };
    });
    after(() => counted.drop());

    test("after the first refusal, a member's burst sends the database nothing, and another member is answered", async () => {
      for (let i = 0; i < LIMIT.burst; i++) assert.equal((await me(A)).status, 200);
      counted.reset();
      const first = await me(A);
      assert.equal(first.status, 429);
      assert.equal(first.retryAfter, '1');
      assert.equal(counted.statementsWith(A).length, 1, 'the refusal that tells the member to wait: one statement');

      // 200 more of A's requests, in waves as wide as A may send at once, with B's among them
      // (within B's own limit: 10 at once, then the clock stands still).
      const statuses = { [A]: new Map<number, number>(), [B]: new Map<number, number>() };
      const bodies = new Set<string>();
      for (let wave = 0; wave < 50; wave++) {
        const withB = wave % 5 === 0;
        const answers = await Promise.all([...Array.from({ length: LIMIT.maxInFlight }, () => me(A)), ...(withB ? [me(B)] : [])]);
        for (const [i, answer] of answers.entries()) {
          const member = i < LIMIT.maxInFlight ? A : B;
          statuses[member].set(answer.status, (statuses[member].get(answer.status) ?? 0) + 1);
          if (member === A) bodies.add(`${answer.retryAfter} ${answer.body}`);
        }
      }
      assert.deepEqual([...statuses[A]], [[429, 200]]);
      assert.deepEqual(counted.statementsWith(A), counted.statementsWith(A).slice(0, 1), 'no statement for A after the first refusal');
      assert.deepEqual(bodies, new Set([`1 ${first.body}`]), 'the same 429 problem and Retry-After as the limiter answers');
      assert.deepEqual([...statuses[B]], [[200, 10]], 'B is answered every time');
    });

    test('a waiting member is refused before their request body is read', async () => {
      counted.reset();
      const res = await app.request('/v1/me/redemptions', {
        method: 'POST',
        headers: { ...headers[A], 'Content-Type': 'application/json', 'Idempotency-Key': 'burst-a-1' },
        body: '{ not json',
      });
      assert.equal(res.status, 429);
      assert.equal((await problemOf(res)).code, 'rate_limited');
      assert.deepEqual(counted.statementsWith(A), []);
    });

    test('while a member waits, any token of theirs is refused, and only a valid one: a forged token is still 401', async () => {
      counted.reset();
      const another = await app.request('/v1/me', { headers: { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, A, 600, clock.now())}` } });
      assert.equal(another.status, 429, 'a second token of the same member');
      const forged = await app.request('/v1/me', { headers: { Authorization: `Bearer ${await signMemberToken('another-secret-0123456789abcdef', A, 3600)}` } });
      assert.equal(forged.status, 401, 'claiming to be the waiting member does not skip the signature check');
      const withKey = await app.request('/v1/me', { headers: { ...headers[A], 'X-Api-Key': API_KEY } });
      assert.equal(withKey.status, 401, 'both credentials at once: refused as before');
      assert.deepEqual(counted.statementsWith(A), []);
    });

    test('once the Retry-After has passed the member is let through again, then held again after the next refusal', async () => {
      counted.reset();
      clock.advance(999);
      const waiting = await me(A);
      assert.deepEqual([waiting.status, waiting.retryAfter], [429, '1'], 'still waiting 1 ms before the end');
      assert.equal(counted.statementsWith(A).length, 0);
      clock.advance(1);
      assert.equal((await me(A)).status, 200, 'the token that arrived meanwhile');
      assert.equal((await me(A)).status, 429);
      const asked = counted.statementsWith(A).length;
      for (let i = 0; i < 20; i++) assert.equal((await me(A)).status, 429);
      assert.equal(counted.statementsWith(A).length, asked, 'held again: no statement');
    });
  });
}

describe('the memory of refused members', () => {
  test('is bounded: members whose wait has passed are forgotten first, then the oldest', () => {
    const clock = new ManualClock();
    const gate = new MemberGate({ clock, maxMembers: 100 });
    for (let i = 0; i < 50; i++) gate.refuse(`early-${i}`, 1);
    clock.advance(2_000);
    for (let i = 0; i < 100; i++) gate.refuse(`late-${i}`, 5);
    assert.equal(gate.size, 100);
    assert.equal(gate.waitSeconds('early-0'), undefined);
    assert.equal(gate.waitSeconds('late-0'), 5, 'every member still waiting is kept');
    for (let i = 0; i < 10_000; i++) gate.refuse(`flood-${i}`, 5);
    assert.ok(gate.size <= 100, `${gate.size} members held`);
    assert.equal(gate.waitSeconds('flood-9999'), 5);
    assert.equal(gate.waitSeconds('late-99'), undefined, 'past the bound, the oldest are dropped (they ask the limiter again)');
  });

  test('tells the remaining wait in whole seconds and forgets a member once it has passed', () => {
    const clock = new ManualClock();
    const gate = new MemberGate({ clock });
    gate.refuse('m', 3);
    clock.advance(1_500);
    assert.equal(gate.waitSeconds('m'), 2);
    gate.refuse('m', 1);
    assert.equal(gate.waitSeconds('m'), 2, 'a shorter wait does not cut a longer one');
    clock.advance(1_500);
    assert.equal(gate.waitSeconds('m'), undefined);
    assert.equal(gate.size, 0);
  });
});
