/**
 * The load generator, in a process of its own so that it does not share the server's event loop:
 * `node --import tsx bench/server/load-process.ts '<json LoadSpec>'` prints one JSON LoadFigures.
 * Member tokens are signed here, synchronously, one per member, before the clock starts.
 */
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';
import type { LoadFigures, LoadSpec } from './load-spec.ts';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function memberToken(secret: string, memberId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ sub: memberId, iat: now, exp: now + 3600 }))}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const { prefix, count } = spec.members ?? { prefix: '', count: 0 };
const bearers = Array.from({ length: count }, (_, i) => `Bearer ${memberToken(spec.memberSecret, `${prefix}${i}`)}`);
let next = 0;
const run = `${process.pid}-${Date.now()}`;

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationMs / 1000,
  requests: [
    {
      method: spec.method,
      path: spec.path,
      headers: { 'content-type': 'application/json' },
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      // Each request as the next member (round robin), so one member's lock never serializes the
      // run; a POST carries its own Idempotency-Key, as the SDK sends one.
      setupRequest: (request) => {
        const n = next++;
        const headers = { ...request.headers };
        if (bearers.length > 0) headers.authorization = bearers[n % bearers.length]!;
        if (spec.method === 'POST') headers['idempotency-key'] = `${run}-${n}`;
        return { ...request, headers };
      },
    },
  ],
});

const figures: LoadFigures = {
  perSecond: result.requests.total / result.duration,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  requests: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
