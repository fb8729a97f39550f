/**
 * The outbox survives a crash: the server is SIGKILLed right after it answered an order (its
 * transaction committed, nothing delivered yet), and the events still reach the shop once a
 * server runs again on the same database.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { systemClock } from '../../../../src/server/clock.ts';
import { verifyWebhook } from '../../../../src/sdk/index.ts';
import { createScratchPostgresDatabase, postgresServerUrl } from '../../support/databases.ts';
import { startReceiver } from './support.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const API_KEY = 'kill-restart-api-key-0123456789';

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', REWARDS_API_KEY: API_KEY, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 90 s:\n${output}`)), 90_000);
    child.stdout.on('data', () => {
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
  return { child, url, output: () => output };
}

async function kill({ child }: Started, signal: NodeJS.Signals): Promise<void> {
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const targets: Array<{ name: string; create(): Promise<{ url: string; remove(): Promise<void> }> }> = [
  {
    name: 'pglite on disk',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'rewards-kill-'));
      return { url: dir, remove: () => rm(dir, { recursive: true, force: true }) };
    },
  },
];
const serverUrl = postgresServerUrl();
if (serverUrl !== undefined) {
  targets.push({
    name: 'postgres',
    async create() {
      const scratch = await createScratchPostgresDatabase(serverUrl);
      return { url: scratch.url, remove: () => scratch.drop() };
    },
  });
}

for (const target of targets) {
  describe(`webhooks after a crash (${target.name})`, () => {
    test('P3 P5 the server SIGKILLed right after committing an order delivers its events after restart', { timeout: 240_000 }, async () => {
      const store = await target.create();
      const receiver = await startReceiver(systemClock);
      try {
        // This instance does no timed work, so nothing can be delivered before the kill.
        const first = await startMain({ DATABASE_URL: store.url, REWARDS_SCHEDULER: '0' });
        const headers = { 'X-Api-Key': API_KEY, 'Content-Type': 'application/json' };
        const put = await fetch(`${first.url}/v1/webhooks/shop`, { method: 'PUT', headers, body: JSON.stringify({ url: receiver.url, events: ['*'] }) });
        assert.equal(put.status, 201, first.output());
        const { secret } = (await put.json()) as { secret: string };
        const order = await fetch(`${first.url}/v1/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            id: 'crash-order-completed',
            type: 'order.completed',
            memberId: 'crash',
            occurredAt: new Date().toISOString(),
            data: { orderId: 'crash-1', lines: [{ sku: 'board', unitPriceCents: 2500, quantity: 1 }], shippingCents: 0 },
          }),
        });
        assert.equal(order.status, 200);
        await kill(first, 'SIGKILL');
        assert.equal(receiver.received.length, 0);

        const second = await startMain({ DATABASE_URL: store.url });
        try {
          await until(() => receiver.received.length >= 3, 'three deliveries');
          const types = receiver.received.map((r) => r.event.type).sort();
          assert.deepEqual(types, ['cart.item_added', 'member.balance_changed', 'member.level_changed']);
          for (const delivery of receiver.received) await verifyWebhook(delivery.rawBody, String(delivery.headers['rewards-signature']), secret);
        } finally {
          await kill(second, 'SIGTERM');
        }
      } finally {
        await receiver.close();
        await store.remove();
      }
    });
  });
}
