/**
 * Behind a pooler in transaction mode that does not carry prepared statements (Debian's PgBouncer
 * 1.18), a server left with DATABASE_PREPARED_STATEMENTS on: the first statement the pooler loses
 * turns preparing off for the process, with a warning, and nothing is lost or done twice: every
 * redemption, retried on a 5xx with its Idempotency-Key as the SDK does, is answered and acted once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import type { RewardsApp } from '../../../../src/server/http/app.ts';
import { createScratchPostgresDatabase, postgresServerUrl, type ScratchPostgresDatabase } from '../../support/databases.ts';
import { MEMBER_SECRET, testConfig } from '../http/support.ts';
import { pgbouncerSkip, startPgbouncer, type Pgbouncer } from '../support/pgbouncer.ts';

const serverUrl = postgresServerUrl();
const skip = pgbouncerSkip(serverUrl);

const MEMBERS = 24;
const REDEMPTIONS_EACH = 3;

describe('prepared statements left on behind a pooler that does not carry them', { skip, timeout: 120_000 }, () => {
  let scratch: ScratchPostgresDatabase;
  let bouncer: Pgbouncer;
  let direct: Db;
  let pooled: Db;
  let app: RewardsApp;
  const warnings: Error[] = [];
  const onWarning = (warning: Error & { code?: string }) => {
    if (warning.code === 'REWARDS_PREPARED_STATEMENTS_OFF') warnings.push(warning);
  };

  before(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
    direct = await openDatabase(scratch.url, { preparedStatements: false });
    await direct.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ('pin', 'product', 'Pin', 10, 1000)`);
    await direct.query(`INSERT INTO members (id, coins_available) SELECT 'm' || i, 100 FROM generate_series(1, $1::int) AS i`, [MEMBERS]);
    // Two server connections for many clients: the pooler moves every client between them.
    bouncer = await startPgbouncer(serverUrl!, { poolSize: 2 });
    process.on('warning', onWarning);
    const url = bouncer.urlFor(scratch.url);
    pooled = await openDatabase(url);
    app = createRewardsApp({ config: testConfig({ DATABASE_URL: url }), db: pooled, logger: silentLogger, demoDir: null });
  });
  after(async () => {
    process.off('warning', onWarning);
    await pooled?.close();
    await bouncer?.stop();
    await direct?.close();
    await scratch?.drop();
  });

  /** A redemption as the SDK sends it: a 5xx is retried with the same key. */
  async function redeem(memberId: string, key: string): Promise<{ status: number; tries: number }> {
    const token = await signMemberToken(MEMBER_SECRET, memberId, 3600);
    for (let tries = 1; ; tries++) {
      const res = await app.request('/v1/me/redemptions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ catalogItemId: 'pin' }),
      });
      await res.arrayBuffer();
      if (res.status < 500 || tries === 4) return { status: res.status, tries };
    }
  }

  test('S1: every redemption is answered and acted once; preparing is turned off once, with a warning', async () => {
    const sent = [];
    for (let m = 1; m <= MEMBERS; m++) for (let r = 0; r < REDEMPTIONS_EACH; r++) sent.push(redeem(`m${m}`, `k-${m}-${r}`));
    const answers = await Promise.all(sent);
    assert.deepEqual(
      answers.filter((answer) => answer.status !== 201),
      [],
    );
    const { rows } = await direct.query<{ coins_available: number; debits: number }>(
      `SELECT m.coins_available, (SELECT count(*)::int FROM ledger l WHERE l.member_id = m.id AND l.rule_id = 'S1') AS debits FROM members m ORDER BY m.id`,
    );
    assert.equal(rows.length, MEMBERS);
    for (const row of rows) assert.deepEqual(row, { coins_available: 100 - 10 * REDEMPTIONS_EACH, debits: REDEMPTIONS_EACH });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(warnings.length, 1, 'one warning, at the first statement lost');
    assert.match(warnings[0]!.message, /DATABASE_PREPARED_STATEMENTS=0/);
  });
});
