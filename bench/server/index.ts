/**
 * The server section of `npm run bench`. For each database (PGlite, and PostgreSQL when
 * DATABASE_URL names one) a server runs in its own process and a load generator (autocannon) in
 * another; every endpoint's throughput is divided by the bare SQL of one redemption transaction
 * run on the same database, at the same concurrency, in the same run: the baseline runs before
 * and after every endpoint, and the endpoint is divided by the mean of the two, so load that
 * drifts during the run (other work on the machine) weighs on both alike. Then the first ledger
 * page of members with 0 to 100k entries (all older than 200k entries of other members), the
 * server's memory at rest, and how long `npm start` takes to listen on a built checkout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createScratchPostgresDatabase } from '../../test/node/support/databases.ts';
import type { LoadFigures, LoadSpec } from './load-spec.ts';
import { npmStartTime } from './start-time.ts';
import { loadavg } from 'node:os';
import { BENCH_ITEM, benchMember, LEDGER_SIZES, ledgerMember, type BenchReply, type BenchRequest, type ServerReady } from './protocol.ts';

export interface ServerBudget {
  name: string;
  actual: number;
  limit: number;
  kind: 'max' | 'min';
}

export interface EndpointFigures extends LoadFigures {
  name: string;
  connections: number;
  /** perSecond / the mean perSecond of the bare SQL at the same concurrency, run just before and just after. */
  ratio: number;
}

export interface DatabaseFigures {
  database: string;
  rssAtRestMiB: number;
  rssAfterLoadMiB: number;
  endpoints: EndpointFigures[];
  /** Median time of GET /v1/me/ledger (first page) per ledger size. */
  ledgerPageMs: Record<number, number>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

class ServerProcess {
  readonly #child: ChildProcess;
  readonly #replies: BenchReply[] = [];
  #waiting: ((reply: BenchReply) => void) | undefined;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message: ServerReady | BenchReply) => {
      if (message.kind === 'ready') return;
      if (this.#waiting) {
        const resolve = this.#waiting;
        this.#waiting = undefined;
        resolve(message);
      } else this.#replies.push(message);
    });
  }

  static start(url: string, secret: string): Promise<{ server: ServerProcess; ready: ServerReady }> {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', here('./server-process.ts'), url, secret], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
      child.once('message', (message: ServerReady) => resolve({ server: new ServerProcess(child), ready: message }));
    });
  }

  ask(request: BenchRequest): Promise<BenchReply> {
    this.#child.send(request);
    const queued = this.#replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.#waiting = resolve)).then((reply) => {
      const answer = reply as BenchReply;
      if (answer.kind === 'error') throw new Error(answer.message);
      return answer;
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    await this.ask({ kind: 'stop' }).catch(() => undefined);
    this.#child.kill();
    await exited;
  }
}

function runLoadProcess(spec: LoadSpec): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', here('./load-process.ts'), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadFigures) : reject(new Error(`load process exited with ${code}`))));
  });
}

/**
 * The median time of the first ledger page per size, 30 requests each, the sizes taken in turn
 * (0, 1k, 10k, 100k, 0, …) so that a change of the machine's load weighs on every size alike.
 */
async function firstPageMs(url: string, secret: string): Promise<Record<number, number>> {
  const { signMemberToken } = await import('../../src/server/http/auth.ts');
  const tokens = await Promise.all(LEDGER_SIZES.map((size) => signMemberToken(secret, ledgerMember(size), 3600)));
  const times: number[][] = LEDGER_SIZES.map(() => []);
  for (let round = 0; round < 30; round++) {
    for (const [i, token] of tokens.entries()) {
      const started = performance.now();
      // Uncompressed: an empty page is too small to be compressed, a full one (about 3 KB) is, and
      // the codec's time on both ends (Node's fetch inflates through a stream) would be measured
      // against the page rather than the reading of it.
      const response = await fetch(`${url}/v1/me/ledger`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`ledger page answered ${response.status}`);
      times[i]!.push(performance.now() - started);
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return Object.fromEntries(LEDGER_SIZES.map((size, i) => [size, median(times[i]!)]));
}

async function measureDatabase(database: string, url: string, options: { durationMs: number; connections: number[] }): Promise<DatabaseFigures> {
  const secret = randomBytes(24).toString('base64url');
  const { server, ready } = await ServerProcess.start(url, secret);
  try {
    const members = Array.from({ length: ready.members }, (_, i) => benchMember(i));
    const everyMember = { prefix: benchMember(''), count: ready.members };
    const run = randomBytes(3).toString('hex');
    const endpoints: EndpointFigures[] = [];
    for (const connections of options.connections) {
      const base = { url: ready.url, connections, durationMs: options.durationMs, memberSecret: secret };
      const bareRuns: LoadFigures[] = [];
      const bareNow = async () => {
        const reply = await server.ask({ kind: 'bare', connections, durationMs: options.durationMs, members });
        if (reply.kind !== 'bare') throw new Error('unexpected reply');
        bareRuns.push(reply.figures);
        return reply.figures;
      };
      const runs: Array<[string, LoadSpec]> = [
        ['GET /v1/me', { ...base, method: 'GET', path: '/v1/me', members: everyMember }],
        ['GET /v1/badges (200 ids)', { ...base, method: 'GET', path: `/v1/badges?members=${members.slice(0, 200).join(',')}` }],
        // One check-in per member and day: every request is another member.
        ['POST /v1/me/check-ins', { ...base, method: 'POST', path: '/v1/me/check-ins', members: { prefix: `bench-c${connections}-${run}-`, count: 60_000 } }],
        [
          'POST /v1/me/redemptions',
          { ...base, method: 'POST', path: '/v1/me/redemptions', body: JSON.stringify({ catalogItemId: BENCH_ITEM }), members: everyMember },
        ],
      ];
      const measured: EndpointFigures[] = [];
      // The baseline brackets each endpoint (bare, endpoint, bare, endpoint, …, bare): this
      // machine's load drifts within a run.
      let before = await bareNow();
      for (const [name, spec] of runs) {
        const figures = await runLoadProcess(spec);
        const after = await bareNow();
        measured.push({ name, connections, ...figures, ratio: figures.perSecond / ((before.perSecond + after.perSecond) / 2) });
        before = after;
      }
      const mean = (pick: (f: LoadFigures) => number) => bareRuns.reduce((sum, f) => sum + pick(f), 0) / bareRuns.length;
      endpoints.push(
        {
          name: 'bare SQL of one redemption',
          connections,
          perSecond: mean((f) => f.perSecond),
          p50Ms: mean((f) => f.p50Ms),
          p99Ms: mean((f) => f.p99Ms),
          requests: bareRuns.reduce((sum, f) => sum + f.requests, 0),
          failures: bareRuns.reduce((sum, f) => sum + f.failures, 0),
          ratio: 1,
        },
        ...measured,
      );
    }
    const after = await server.ask({ kind: 'memory' });
    await server.ask({ kind: 'seed-ledger', others: 200_000 });
    const ledgerPageMs = await firstPageMs(ready.url, secret);
    return {
      database,
      rssAtRestMiB: mib(ready.rssBytes),
      rssAfterLoadMiB: after.kind === 'memory' ? mib(after.rssBytes) : NaN,
      endpoints,
      ledgerPageMs,
    };
  } finally {
    await server.stop();
  }
}

/**
 * `npm start` on a built checkout must listen within this. Checked against the CPU time of the
 * start's main threads, its critical path, which the load of a busy machine hardly changes; the
 * wall time (the target itself, about that on an idle machine) and the CPU of every thread are
 * reported beside it.
 */
const START_BUDGET_MS = 3000;

/** Measures, prints the table, and returns the figures with the budgets they are checked against. */
export async function benchServer(options: {
  durationMs: number;
  connections: number[];
}): Promise<{ figures: DatabaseFigures[]; start: StartFigures; budgets: ServerBudget[]; markdown: string }> {
  const targets: Array<{ name: string; url: string; drop?: () => Promise<void> }> = [{ name: 'pglite', url: 'memory://' }];
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
    targets.push({ name: 'postgres', url: scratch.url, drop: scratch.drop });
  }
  const figures: DatabaseFigures[] = [];
  for (const target of targets) {
    try {
      figures.push(await measureDatabase(target.name, target.url, options));
    } finally {
      await target.drop?.();
    }
  }

  const budgets: ServerBudget[] = [];
  console.log(
    `\nServer (autocannon in its own process, ${options.durationMs} ms per run), ratio to the bare SQL of one redemption run just before and just after each`,
  );
  for (const db of figures) {
    console.log(`  ${db.database}: memory at rest ${db.rssAtRestMiB} MiB RSS, after the load ${db.rssAfterLoadMiB} MiB`);
    for (const e of db.endpoints) {
      console.log(
        `  ${db.database.padEnd(9)} c=${String(e.connections).padEnd(3)} ${e.name.padEnd(28)} ${e.perSecond.toFixed(0).padStart(6)} req/s  p50 ${e.p50Ms.toFixed(1).padStart(6)} ms  p99 ${e.p99Ms.toFixed(1).padStart(6)} ms  failures ${e.failures}  ×${e.ratio.toFixed(2)}`,
      );
      if (e.name.startsWith('bare')) continue;
      budgets.push({ name: `${db.database} c=${e.connections} ${e.name} failures`, actual: e.failures, limit: 0, kind: 'max' });
      if (db.database === 'postgres' && e.connections === 8 && e.name === 'POST /v1/me/redemptions') {
        budgets.push({ name: 'postgres c=8 redemptions / bare SQL', actual: e.ratio, limit: 0.5, kind: 'min' });
      }
    }
    const empty = db.ledgerPageMs[0]!;
    console.log(
      `  ${db.database.padEnd(9)} first ledger page: ${LEDGER_SIZES.map((size) => `${size} entries ${db.ledgerPageMs[size]!.toFixed(2)} ms`).join(', ')}`,
    );
    budgets.push({ name: `${db.database} ledger page 100k / empty`, actual: db.ledgerPageMs[100_000]! / empty, limit: 1.5, kind: 'max' });
  }
  const start: StartFigures = { ...(await npmStartTime()), loadAverage: loadavg()[0]! };
  console.log(
    `  npm start on a built checkout: listening after ${start.wallMs.toFixed(0)} ms, ${start.mainThreadCpuMs.toFixed(0)} ms of CPU on the main threads, ${start.cpuMs.toFixed(0)} ms in all (median of 3; load average ${start.loadAverage.toFixed(1)})`,
  );
  budgets.push({ name: 'npm start listening, main threads CPU ms', actual: start.mainThreadCpuMs, limit: START_BUDGET_MS, kind: 'max' });
  return { figures, start, budgets, markdown: markdownOf(figures, start, budgets, options.durationMs) };
}

export interface StartFigures {
  /** Median wall time from `npm start` to its "listening on" line. */
  wallMs: number;
  /** Median CPU time its processes used until then, every thread. */
  cpuMs: number;
  /** Median CPU time of their main threads (npm's, the server's): the start's critical path. */
  mainThreadCpuMs: number;
  /** The machine's 1-minute load average right after. */
  loadAverage: number;
}

function markdownOf(figures: DatabaseFigures[], start: StartFigures, budgets: ServerBudget[], durationMs: number): string {
  return [
    '## Server',
    '',
    `autocannon in its own process against the server in another, ${durationMs} ms per run; each endpoint as a ratio to the bare SQL of one redemption transaction run on the same database, at the same concurrency, just before and just after it (the mean of the two).`,
    '',
    '| database | connections | call | req/s | p50 | p99 | failures | × bare SQL |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...figures.flatMap((db) =>
      db.endpoints.map(
        (e) =>
          `| ${db.database} | ${e.connections} | ${e.name} | ${e.perSecond.toFixed(0)} | ${e.p50Ms.toFixed(1)} ms | ${e.p99Ms.toFixed(1)} ms | ${e.failures} | ${e.ratio.toFixed(2)} |`,
      ),
    ),
    '',
    '| database | first ledger page: ' + LEDGER_SIZES.map((size) => `${size} entries`).join(' | ') + ' | memory at rest | after the load |',
    '| --- | ' + LEDGER_SIZES.map(() => '---:').join(' | ') + ' | ---: | ---: |',
    ...figures.map(
      (db) =>
        `| ${db.database} | ${LEDGER_SIZES.map((size) => `${db.ledgerPageMs[size]!.toFixed(1)} ms`).join(' | ')} | ${db.rssAtRestMiB} MiB | ${db.rssAfterLoadMiB} MiB |`,
    ),
    '',
    `First ledger page: median of 30 GET /v1/me/ledger per size, the sizes in turn, asked uncompressed (an empty page is too small to compress, a full one is not, and the codec's time is not the reading of the page). \`npm start\` on a built checkout (embedded database, demo data), median of 3 starts: listening after ${start.wallMs.toFixed(0)} ms with a load average of ${start.loadAverage.toFixed(1)}, having used ${start.mainThreadCpuMs.toFixed(0)} ms of CPU on the main threads of npm and the server, its critical path, and ${start.cpuMs.toFixed(0)} ms on all threads (V8 compiles PGlite's WebAssembly and collects garbage on threads of its own, beside the main one); target: listening in under ${START_BUDGET_MS} ms.`,
    '',
    `Targets (${budgets.some((b) => b.name.endsWith(' failures') && b.actual > 0) ? 'some runs had **failed requests**' : 'no run had a failed request'}):`,
    '',
    ...budgets
      .filter((b) => !b.name.endsWith(' failures'))
      .map(
        (b) =>
          `- ${(b.kind === 'max' ? b.actual <= b.limit : b.actual >= b.limit) ? 'met' : '**missed**'}: ${b.name} ${b.actual.toFixed(2)} (${b.kind === 'max' ? 'at most' : 'at least'} ${b.limit})`,
      ),
    '',
  ].join('\n');
}
