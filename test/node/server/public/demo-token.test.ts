// The demo pages sign in through /demo/token, which must exist only where a token is worthless.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { jwtVerify } from 'jose';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { loadServerConfig } from '../../../../src/server/config.ts';
import { openDatabase } from '../../../../src/server/db/index.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';

describe('demo member tokens', async () => {
  const db = await openDatabase('memory://');
  const demoDir = mkdtempSync(join(tmpdir(), 'demo-'));
  writeFileSync(join(demoDir, 'index.html'), '<!doctype html><title>demo</title>');
  after(async () => {
    await db.close();
    rmSync(demoDir, { recursive: true, force: true });
  });
  const appWith = (env: Record<string, string>) =>
    createRewardsApp({ config: loadServerConfig({ DATABASE_URL: 'memory://', ...env }), db, logger: silentLogger, demoDir });

  test('with a generated member secret, the demo pages get a token for the chosen member', async () => {
    const config = loadServerConfig({ DATABASE_URL: 'memory://' });
    const app = createRewardsApp({ config, db, logger: silentLogger, demoDir });
    const res = await app.request('/demo/token?member=ada');
    assert.equal(res.status, 200);
    const { token } = (await res.json()) as { token: string };
    const { payload } = await jwtVerify(token, new TextEncoder().encode(config.memberSecret), { algorithms: ['HS256'] });
    assert.equal(payload.sub, 'ada');
    assert.equal((await app.request('/demo/token?member=')).status, 400);
  });

  test('with a configured member secret there is no such route', async () => {
    const app = appWith({ REWARDS_MEMBER_SECRET: 'a-real-secret-of-the-shop-0123456789abcdef' });
    assert.equal((await app.request('/demo/token?member=ada')).status, 404);
  });

  test('without demo pages there is no such route either', async () => {
    const app = createRewardsApp({ config: loadServerConfig({ DATABASE_URL: 'memory://' }), db, logger: silentLogger, demoDir: null });
    assert.equal((await app.request('/demo/token?member=ada')).status, 404);
  });
});
