// `npm test` on a machine without Chromium, or with a DATABASE_URL that does not answer, stops
// at once with one line saying what to install or set.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';

function preflight(env: Record<string, string | undefined>, ...checks: string[]) {
  const run = spawnSync(process.execPath, ['scripts/test-preflight.mjs', ...checks], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, lines: run.stderr.split('\n').filter(Boolean), stdout: run.stdout };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('without Chromium: one line naming the chromium package and CHROME_PATH', () => {
  const { status, lines } = preflight({ CHROME_PATH: '/nonexistent/chromium', DATABASE_URL: undefined });
  assert.equal(status, 1);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0]!, /No Chromium at \/nonexistent\/chromium.*`chromium` package.*CHROME_PATH/);
});

test('with a DATABASE_URL that does not answer: one line naming it, password hidden', async () => {
  const url = `postgres://postgres:hunter2@127.0.0.1:${await closedPort()}/postgres`;
  const { status, lines } = preflight({ DATABASE_URL: url }, 'postgres');
  assert.equal(status, 1);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0]!, /PostgreSQL at DATABASE_URL=postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres does not answer.*unset it/);
  assert.ok(!lines[0]!.includes('hunter2'));
});

test('nothing to say when the browser is there and no database is asked for', () => {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const { status, lines } = preflight({ CHROME_PATH: chromium, DATABASE_URL: undefined });
  assert.deepEqual([status, lines], [0, []]);
});

test('npm test runs the preflight before any suite', async () => {
  const { readFileSync } = await import('node:fs');
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  assert.match(scripts.test!, /^node scripts\/test-preflight\.mjs && /);
  assert.match(scripts['test:browser']!, /^node scripts\/test-preflight\.mjs chromium && /);
  assert.match(scripts['test:node']!, /^node scripts\/test-preflight\.mjs chromium postgres && /);
});
