/**
 * `npm run bench`: the figures, each as a ratio against a baseline measured in the same run (these
 * machines are noisy, absolute numbers are not comparable between runs), checked against budgets.
 * Writes bench/report.json and bench/report.md. Exits non-zero when a budget is missed.
 * BENCH_CLIENT_RUNS sets the client's alternated page runs (default 3).
 */
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createScratchPostgresDatabase } from '../test/node/support/databases.ts';
import { measureClient } from './client/index.ts';
import { measureServer, type ThroughputFigures } from './server-throughput.ts';

interface Budget {
  name: string;
  actual: number;
  limit: number;
  /** 'max': actual must stay at or under the limit; 'min': at or over it. */
  kind: 'max' | 'min';
}

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const budgets: Budget[] = [];

const client = await measureClient({ runs: Number(process.env.BENCH_CLIENT_RUNS ?? 3) });
console.log(`\n${client.markdown}`);
budgets.push(...client.budgets);
const sections: string[] = [client.markdown];

const servers: ThroughputFigures[] = [];
const targets: Array<{ name: string; url: string; drop?: () => Promise<void> }> = [{ name: 'pglite', url: 'memory://' }];
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
  targets.push({ name: 'postgres', url: scratch.url, drop: scratch.drop });
}
for (const target of targets) {
  try {
    servers.push(await measureServer(target.name, target.url, { durationMs, concurrency }));
  } finally {
    await target.drop?.();
  }
}
console.log(`\nServer throughput (${concurrency} concurrent clients, ${durationMs} ms each), ratio to GET /healthz`);
for (const figures of servers) {
  for (const [name, result] of [['GET /healthz (baseline)', figures.healthz], ['POST /v1/me/check-ins', figures.checkIns], ['POST /v1/me/redemptions', figures.redemptions]] as const) {
    const ratio = result.perSecond / figures.healthz.perSecond;
    console.log(
      `  ${figures.database.padEnd(9)} ${name.padEnd(26)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  failures ${result.failures}  ×${ratio.toFixed(2)}`,
    );
    if (result !== figures.healthz) {
      budgets.push({ name: `${figures.database} ${name} / healthz`, actual: ratio, limit: 0.1, kind: 'min' });
      budgets.push({ name: `${figures.database} ${name} failures`, actual: result.failures, limit: 0, kind: 'max' });
    }
  }
}

sections.push(
  '## Server',
  '',
  `Throughput, ${concurrency} concurrent clients, ${durationMs} ms each; ratio to GET /healthz.`,
  '',
  '| database | call | req/s | p50 | p99 | failures | × healthz |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ...servers.flatMap((figures) =>
    ([['GET /healthz', figures.healthz], ['POST /v1/me/check-ins', figures.checkIns], ['POST /v1/me/redemptions', figures.redemptions]] as const).map(
      ([name, result]) =>
        `| ${figures.database} | ${name} | ${result.perSecond.toFixed(0)} | ${result.p50Ms.toFixed(1)} ms | ${result.p99Ms.toFixed(1)} ms | ${result.failures} | ${(result.perSecond / figures.healthz.perSecond).toFixed(2)} |`,
    ),
  ),
);

console.log('\nBudgets');
let missed = 0;
for (const budget of budgets) {
  const ok = budget.kind === 'max' ? budget.actual <= budget.limit : budget.actual >= budget.limit;
  if (!ok) missed++;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${budget.name}: ${Number.isInteger(budget.actual) ? budget.actual : budget.actual.toFixed(2)} (${budget.kind} ${budget.limit})`);
}
const at = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
writeFileSync('bench/report.json', JSON.stringify({ at, machine, client: client.figures, servers, budgets }, null, 2));
writeFileSync('bench/report.md', [`# Bench report`, '', `${at}, ${machine}.`, '', ...sections, ''].join('\n'));
console.log(`\n${budgets.length - missed} of ${budgets.length} budgets met; report in bench/report.json and bench/report.md`);
process.exitCode = missed > 0 ? 1 : 0;
