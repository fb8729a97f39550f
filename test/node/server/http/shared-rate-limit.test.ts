/**
 * Per-member rate limits kept in the database: two instances on one database share each
 * member's budget, and one member's burst is refused with a single statement (its first refusal;
 * the rest wait out the Retry-After in memory), before it takes anything another member needs. A
 * mutating request's token leaves with its BEGIN but commits on its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import type { RewardsApp, RouteModule } from '../../../../src/server/http/app.ts';
import { memberIdOf, signMemberToken } from '../../../../src/server/http/auth.ts';
import { ProblemError } from '../../../../src/server/errors.ts';
import { createScratchPostgresDatabase, postgresServerUrl, type ScratchPostgresDatabase } from '../../support/databases.ts';
import { openCountingDatabase, type CountingDatabase } from '../support/counting-database.ts';
import { makeApp, ManualClock, MEMBER_SECRET, testConfig } from './support.ts';

const LIMIT = { ratePerSecond: 1, burst: 5 };

function instance(db: Db, clock: ManualClock): RewardsApp {
  const config = { ...testConfig(), rateLimitStore: 'database' as const };
  return makeApp({ db, clock, config, rateLimit: LIMIT }).app;
}

async function me(app: RewardsApp, memberId: string): Promise<number> {
  const res = await app.request('/t/me', { headers: { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, memberId, 3600)}` } });
  await res.arrayBuffer();
  return res.status;
}

const serverUrl = postgresServerUrl();

describe('rate limits shared by two instances on one PostgreSQL', { skip: serverUrl === undefined && 'needs DATABASE_URL' }, () => {
  let scratch: ScratchPostgresDatabase;
  let dbs: Db[];
  before(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
    dbs = [await openDatabase(scratch.url), await openDatabase(scratch.url)];
  });
  after(async () => {
    for (const db of dbs) await db.close();
    await scratch.drop();
  });

  test("two instances on one PostgreSQL share one member's rate limit", async () => {
    const clock = new ManualClock();
    const [a, b] = dbs.map((db) => instance(db, clock)) as [RewardsApp, RewardsApp];
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => me(i % 2 === 0 ? a : b, 'eager')));
    assert.equal(statuses.filter((s) => s === 200).length, LIMIT.burst, 'the burst, once, across both instances');
    assert.equal(statuses.filter((s) => s === 429).length, 20 - LIMIT.burst);

    // Another member is untouched by the first one's burst, on either instance.
    assert.equal(await me(b, 'calm'), 200);
    // The budget refills with time, shared too.
    clock.advance(2_000);
    assert.deepEqual([await me(a, 'eager'), await me(b, 'eager'), await me(a, 'eager')], [200, 200, 429]);
  });
});

describe('a refused burst costs one statement', () => {
  let counted: CountingDatabase;
  before(async () => {
    counted = await openCountingDatabase(serverUrl === undefined ? 'pglite' : 'postgres');
  });
  after(() => counted.drop());

  test("one member's burst is refused before it costs other members anything but one statement", async () => {
    const app = instance(counted.db, new ManualClock());
    for (let i = 0; i < LIMIT.burst; i++) assert.equal(await me(app, 'flood'), 200);
    counted.reset();
    const refused: number[] = [];
    for (let i = 0; i < 10; i++) refused.push(await me(app, 'flood'));
    assert.deepEqual(new Set(refused), new Set([429]));
    assert.equal(counted.statements.length, 1);
    assert.ok(counted.statements[0]?.includes('rate_limit_buckets'));
  });
});

describe("a mutating request's token leaves with its BEGIN", { skip: serverUrl === undefined && 'needs DATABASE_URL' }, () => {
  let counted: CountingDatabase;
  before(async () => {
    counted = await openCountingDatabase('postgres');
  });
  after(() => counted.drop());

  test('the token stays taken when the request is refused and rolled back; a refused request runs nothing else', async () => {
    // A route that writes, then refuses: its transaction is rolled back, its token must not be.
    const refusing: RouteModule = (app, deps) =>
      app.post('/t/refuse', deps.member(), async (c) =>
        deps.db.transaction(async (tx) => {
          await tx.query('INSERT INTO members (id) VALUES ($1)', [`written-${memberIdOf(c)}-${Date.now()}-${Math.random()}`]);
          throw new ProblemError('insufficient_coins', 'Not enough coins.');
        }),
      );
    const config = { ...testConfig(), rateLimitStore: 'database' as const };
    const app = makeApp({ db: counted.db, clock: new ManualClock(), config, rateLimit: LIMIT, routes: [refusing] }).app;
    const token = await signMemberToken(MEMBER_SECRET, 'spender', 3600);
    const refuse = async () => {
      const res = await app.request('/t/refuse', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < LIMIT.burst; i++) assert.equal(await refuse(), 409);
    const written = await counted.db.query(`SELECT 1 FROM members WHERE id LIKE 'written-%'`);
    assert.equal(written.rows.length, 0, 'every refused request was rolled back');

    counted.reset();
    assert.equal(await refuse(), 429, 'the burst was spent by the refused requests');
    assert.match(counted.statements[0] ?? '', /rate_limit_buckets/, 'the token first, before the BEGIN');
    assert.deepEqual(counted.statements.slice(1), ['BEGIN', 'ROLLBACK'], `nothing else ran:\n${counted.statements.join('\n')}`);
  });
});
