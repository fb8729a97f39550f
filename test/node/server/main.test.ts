import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { createScratchPostgresDatabase, postgresServerUrl } from '../support/databases.ts';
import { projectRoot, startServerProcess, stopServerProcess } from './support/server-process.ts';

test('npm start: main.ts listens on a free port, answers, and exits 0 on SIGTERM', { timeout: 120_000 }, async () => {
  const started = await startServerProcess({ DATABASE_URL: 'memory://', PORT: '0', HOST: '127.0.0.1' });
  try {
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const levels = await fetch(`${started.url}/v1/levels`);
    assert.equal(levels.status, 200);
    assert.equal(((await levels.json()) as { levels: unknown[] }).levels.length, 7);
    // Generated credentials on loopback are printed so a developer can use them at once.
    assert.match(started.output(), /Development API key \(X-Api-Key\): {2}\S{16,}/);
    assert.match(started.output(), /Development member secret \(HS256\): \S{32,}/);
  } finally {
    assert.equal(await stopServerProcess(started, 'SIGTERM'), 0, started.output());
  }
});

const serverUrl = postgresServerUrl();
test(
  'npm start on a PostgreSQL server: migrates a fresh database, answers, exits 0 on SIGTERM',
  { timeout: 120_000, skip: serverUrl === undefined && 'DATABASE_URL names no PostgreSQL server' },
  async () => {
    const scratch = await createScratchPostgresDatabase(serverUrl!);
    try {
      const started = await startServerProcess({ DATABASE_URL: scratch.url, PORT: '0', REWARDS_SEED_DEMO: '1' });
      try {
        const badges = await fetch(`${started.url}/v1/badges?members=ada,grace,linus`);
        assert.equal(badges.status, 200);
        assert.deepEqual(Object.keys(((await badges.json()) as { badges: object }).badges).sort(), ['ada', 'grace', 'linus']);
      } finally {
        assert.equal(await stopServerProcess(started, 'SIGTERM'), 0, started.output());
      }
    } finally {
      await scratch.drop();
    }
  },
);

test('npm start with REWARDS_SEED_DEMO=1: the printed member token opens the demo account, the printed key sends events', { timeout: 120_000 }, async () => {
  const started = await startServerProcess({ DATABASE_URL: 'memory://', PORT: '0', REWARDS_SEED_DEMO: '1' });
  try {
    const token = /Authorization: Bearer (\S+?)'/.exec(started.output())?.[1];
    const apiKey = /X-Api-Key\): {2}(\S+)/.exec(started.output())?.[1];
    assert.ok(token && apiKey, started.output());
    const auth = { Authorization: `Bearer ${token}` };

    const me = (await (await fetch(`${started.url}/v1/me`, { headers: auth })).json()) as {
      memberId: string;
      points: number;
      nextLevel: { name: string; pointsToGo: number };
    };
    assert.equal(me.memberId, 'ada');
    assert.deepEqual([me.nextLevel.name, me.nextLevel.pointsToGo], ['Mars', 20]);

    const catalog = (await (await fetch(`${started.url}/v1/catalog`)).json()) as { items: Array<{ id: string; kind: string }> };
    assert.ok(catalog.items.some((item) => item.kind === 'product') && catalog.items.some((item) => item.kind === 'coupon'));

    const checkIn = await fetch(`${started.url}/v1/me/check-ins`, { method: 'POST', headers: auth });
    assert.equal(checkIn.status, 201);
    const redeemed = await fetch(`${started.url}/v1/me/redemptions`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ catalogItemId: 'sticker-pack' }),
    });
    assert.equal(redeemed.status, 201);

    const event = await fetch(`${started.url}/v1/events`, {
      method: 'POST',
      headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: 'smoke-order',
        type: 'order.completed',
        memberId: 'ada',
        occurredAt: new Date().toISOString(),
        data: { orderId: 'smoke-order', lines: [{ sku: 'X', unitPriceCents: 2500, quantity: 1 }], shippingCents: 0 },
      }),
    });
    assert.equal(event.status, 200);
    const after = (await (await fetch(`${started.url}/v1/me`, { headers: auth })).json()) as { level: { name: string } };
    assert.equal(after.level.name, 'Mars');
  } finally {
    assert.equal(await stopServerProcess(started, 'SIGINT'), 0, started.output());
  }
});

test('main.ts refuses an invalid configuration with every problem listed and exit code 1', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', PORT: 'eighty', REWARDS_TIMEZONE: 'Mars/Olympus', DATABASE_URL: 'memory://' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 1);
  assert.match(stderr, /PORT must be an integer/);
  assert.match(stderr, /REWARDS_TIMEZONE must be an IANA time zone/);
});
