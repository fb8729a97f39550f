/**
 * `npm run bench`: the figures, each as a ratio against a baseline measured in the same run (these
 * machines are noisy, absolute numbers are not comparable between runs), checked against budgets.
 * Writes bench/report.json and bench/report.md. Exits non-zero when a budget is missed.
 * BENCH_CLIENT_RUNS sets the client's alternated page runs (default 3).
 */
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { measureClient } from './client/index.ts';
import { benchServer } from './server/index.ts';

interface Budget {
  name: string;
  actual: number;
  limit: number;
  /** 'max': actual must stay at or under the limit; 'min': at or over it. */
  kind: 'max' | 'min';
}

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 3000);
const budgets: Budget[] = [];

const client = await measureClient({ runs: Number(process.env.BENCH_CLIENT_RUNS ?? 3) });
console.log(`\n${client.markdown}`);
budgets.push(...client.budgets);
const sections: string[] = [client.markdown];

const server = await benchServer({ durationMs, connections: [8, 32] });
budgets.push(...server.budgets);
sections.push(server.markdown);

console.log('\nBudgets');
let missed = 0;
for (const budget of budgets) {
  const ok = budget.kind === 'max' ? budget.actual <= budget.limit : budget.actual >= budget.limit;
  if (!ok) missed++;
  console.log(
    `  ${ok ? 'ok  ' : 'MISS'} ${budget.name}: ${Number.isInteger(budget.actual) ? budget.actual : budget.actual.toFixed(2)} (${budget.kind} ${budget.limit})`,
  );
}
const at = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
writeFileSync('bench/report.json', JSON.stringify({ at, machine, client: client.figures, servers: server.figures, budgets }, null, 2));
writeFileSync('bench/report.md', [`# Bench report`, '', `${at}, ${machine}.`, '', ...sections, ''].join('\n'));
console.log(`\n${budgets.length - missed} of ${budgets.length} budgets met; report in bench/report.json and bench/report.md`);
process.exitCode = missed > 0 ? 1 : 0;
