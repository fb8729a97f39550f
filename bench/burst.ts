/**
 * `npx tsx bench/burst.ts`: what one member's burst costs the other members. Quiet members read
 * `/v1/me` one request at a time (in turn, each well under its own rate limit); first alone, then
 * while one noisy member fires 500 requests over 50 connections at the server's default
 * per-member limits, and at once the same burst again (the member is already refused: what
 * refusals alone cost). The bursts come from autocannon in a process of its own
 * (bench/burst-load.ts), so they do not share the server's event loop. Alone and burst phases
 * alternate for a few rounds (a fresh noisy member each round, with a full bucket), so drift of the
 * machine's load weighs on all. Prints the quiet members' p50/p95 in each phase, their ratio to
 * alone, how the bursts were answered, and what they cost the server: the CPU time of its process
 * (the quiet members' requests included) and the statements it sent the database for the noisy
 * member, the event loop's delay (p50/p99/max, sampled every millisecond: what any request waits
 * before its turn) and the garbage collectors' pauses in the server's process. Figures, not a test: these machines are shared and noisy.
 * DATABASE_URL=postgres://… measures on a PostgreSQL server too. BURST_REQUESTS,
 * BURST_CONNECTIONS and BURST_ROUNDS change the defaults (500, 50, 5).
 */
import { spawn } from 'node:child_process';
import { createHistogram, PerformanceObserver, type RecordableHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRewardsApp } from '../src/server/app.ts';
import { loadServerConfig } from '../src/server/config.ts';
import { openDatabase, type Db } from '../src/server/db/index.ts';
import { signMemberToken } from '../src/server/http/auth.ts';
import { silentLogger } from '../src/server/http/logger.ts';
import { startHttpServer } from '../src/server/http/server.ts';
import { createScratchPostgresDatabase } from '../test/node/support/databases.ts';
import type { BurstFigures, BurstSpec } from './burst-load.ts';

const API_KEY = 'bench-api-key-0123456789';
const SECRET = 'bench-member-secret-0123456789abcdef';
const BURST = Number(process.env.BURST_REQUESTS ?? 500);
const CONNECTIONS = Number(process.env.BURST_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BURST_ROUNDS ?? 5);
/** Quiet members taken in turn: at one request every 5 ms or more, each stays under 5 a second. */
const QUIET_MEMBERS = 40;
const QUIET_PAUSE_MS = 5;
const ALONE_MS = 2000;

/** The event loop's delay (microseconds) and the GC pauses of this process while `watch` runs, summed over calls. */
interface LoopWatch {
  delay: RecordableHistogram;
  gcMs: number;
  gcCount: number;
}
const loopWatch = (): LoopWatch => ({ delay: createHistogram(), gcMs: 0, gcCount: 0 });
async function watch<T>(w: LoopWatch, run: () => Promise<T>): Promise<T> {
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.gcMs += entry.duration;
      w.gcCount += 1;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  // A 1 ms timer, late by the delay (monitorEventLoopDelay's histograms cannot be summed, and one
  // enabled again counts the time it was off as a delay).
  let timer: NodeJS.Timeout | undefined;
  const tick = (due: number) => {
    timer = setTimeout(() => {
      const now = performance.now();
      w.delay.record(Math.max(1, Math.round((now - due) * 1000)));
      tick(now + 1);
    }, 1);
  };
  tick(performance.now() + 1);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
    gc.disconnect();
  }
}
const loopFigures = (w: LoopWatch) =>
  `event-loop delay p50 ${(w.delay.percentile(50) / 1e3).toFixed(1)} / p99 ${(w.delay.percentile(99) / 1e3).toFixed(1)} / max ${(w.delay.max / 1e3).toFixed(1)} ms, ` +
  `GC ${w.gcMs.toFixed(0)} ms in ${w.gcCount} pauses`;

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Starts the burst; `started` resolves when its requests begin, `done` with its figures. */
function burst(spec: BurstSpec): { started: Promise<void>; done: Promise<BurstFigures> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./burst-load.ts', import.meta.url)), JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let go!: () => void;
  const started = new Promise<void>((resolve) => (go = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('go\n')) go();
  });
  const done = new Promise<BurstFigures>((resolve, reject) =>
    child.once('exit', (code) => {
      go();
      if (code === 0) resolve(JSON.parse(out.slice('go\n'.length)) as BurstFigures);
      else reject(new Error(`the burst process exited with ${code}`));
    }),
  );
  return { started, done };
}

/** The database, counting the statements sent with a member id among their parameters. */
function counting(db: Db): { db: Db; sentFor: (memberId: string) => number } {
  const sent = new Map<unknown, number>();
  const count = (params: unknown[] = []) => {
    for (const value of new Set(params)) if (typeof value === 'string') sent.set(value, (sent.get(value) ?? 0) + 1);
  };
  const counted: Db = {
    kind: db.kind,
    query: (sql, params) => (count(params), db.query(sql, params)),
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => (count(params), tx.query(sql, params)) })),
    close: () => db.close(),
  };
  return { db: counted, sentFor: (memberId) => sent.get(memberId) ?? 0 };
}

async function measure(name: string, url: string): Promise<void> {
  const opened = await openDatabase(url);
  const { db, sentFor } = counting(opened);
  const config = loadServerConfig({ REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: SECRET, DATABASE_URL: url, PORT: '0' });
  const server = await startHttpServer(createRewardsApp({ config, db, logger: silentLogger, demoDir: null }), { port: 0, host: '127.0.0.1' });
  try {
    const quietIds = Array.from({ length: QUIET_MEMBERS }, (_, i) => `quiet-${i}`);
    const noisyIds = Array.from({ length: ROUNDS }, (_, i) => `noisy-${i}`);
    for (const memberId of [...quietIds, ...noisyIds]) {
      const res = await fetch(`${server.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ id: `reg-${memberId}`, type: 'member.registered', memberId, occurredAt: new Date().toISOString(), data: {} }),
      });
      await res.arrayBuffer();
    }
    const quiet = await Promise.all(quietIds.map(async (id) => ({ authorization: `Bearer ${await signMemberToken(SECRET, id, 3600)}` })));
    let turn = 0;

    /** Quiet members' latencies until `stop` resolves. */
    const quietLatencies = async (stop: Promise<unknown>): Promise<number[]> => {
      let stopped = false;
      void stop.then(
        () => (stopped = true),
        () => (stopped = true),
      );
      const latencies: number[] = [];
      while (!stopped) {
        const sent = performance.now();
        const res = await fetch(`${server.url}/v1/me`, { headers: quiet[turn++ % quiet.length] });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`a quiet member got ${res.status}`);
        latencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, QUIET_PAUSE_MS));
      }
      return latencies;
    };

    /** Quiet latencies during one burst of `memberId`, whose answers are added to `statuses`. */
    const during = async (memberId: string, phase: Phase) => {
      const { latencies, statuses, times, loop } = phase;
      const run = burst({ url: server.url, memberSecret: SECRET, memberId, requests: BURST, connections: CONNECTIONS });
      await run.started;
      const [cpu, sentBefore] = [process.cpuUsage(), sentFor(memberId)];
      latencies.push(...(await watch(loop, () => quietLatencies(run.done))));
      const figures = await run.done;
      const used = process.cpuUsage(cpu);
      phase.cpuMicros += used.user + used.system;
      phase.sent += sentFor(memberId) - sentBefore;
      for (const [status, n] of Object.entries(figures.statuses)) statuses.set(status, (statuses.get(status) ?? 0) + n);
      if (figures.errors > 0) statuses.set('error', (statuses.get('error') ?? 0) + figures.errors);
      times.push(`${figures.ms.toFixed(0)} ms`);
    };

    const alone: number[] = [];
    const aloneLoop = loopWatch();
    interface Phase {
      name: string;
      latencies: number[];
      statuses: Map<string, number>;
      times: string[];
      /** This process's CPU time during the bursts (the quiet members' requests included). */
      cpuMicros: number;
      /** Statements sent to the database for the noisy member. */
      sent: number;
      loop: LoopWatch;
    }
    const phase = (name: string): Phase => ({ name, latencies: [], statuses: new Map(), times: [], cpuMicros: 0, sent: 0, loop: loopWatch() });
    const phases = [phase('a burst'), phase('the burst again')];
    for (const memberId of noisyIds) {
      alone.push(...(await watch(aloneLoop, () => quietLatencies(new Promise((resolve) => setTimeout(resolve, ALONE_MS))))));
      // A member with a full bucket (60 answered, the rest refused), then at once the same
      // member again (all but a few refused: what refusals alone cost).
      for (const phase of phases) await during(memberId, phase);
    }

    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    const [p50Alone, p95Alone] = [percentile(sorted(alone), 0.5), percentile(sorted(alone), 0.95)];
    console.log(`${name}: quiet members alone                p50 ${fmt(p50Alone)}  p95 ${fmt(p95Alone)}  (${alone.length} requests)`);
    console.log(`${name}:   alone: ${loopFigures(aloneLoop)}`);
    for (const phase of phases) {
      const [p50, p95] = [percentile(sorted(phase.latencies), 0.5), percentile(sorted(phase.latencies), 0.95)];
      console.log(
        `${name}: quiet members in ${phase.name.padEnd(16)} p50 ${fmt(p50)}  p95 ${fmt(p95)}  (${phase.latencies.length} requests)` +
          `  ×${(p50 / p50Alone).toFixed(2)} / ×${(p95 / p95Alone).toFixed(2)} of alone`,
      );
      console.log(
        `${name}:   ${ROUNDS} × ${phase.name}, ${BURST} requests over ${CONNECTIONS} connections (${phase.times.join(', ')}): ${[...phase.statuses]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, n]) => `${n}× ${status}`)
          .join(', ')}; server CPU ${(phase.cpuMicros / 1000).toFixed(0)} ms, ${phase.sent} statements for the noisy member`,
      );
      console.log(`${name}:   ${phase.name}: ${loopFigures(phase.loop)}`);
    }
  } finally {
    await server.close();
    await opened.close();
  }
}

await measure('pglite', 'memory://');
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
  try {
    await measure('postgres', scratch.url);
  } finally {
    await scratch.drop();
  }
}
