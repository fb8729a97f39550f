/**
 * `npm run bench`: the figures, each as a ratio against a baseline measured in the same run (these
 * machines are noisy, absolute numbers are not comparable between runs), checked against budgets.
 * Writes bench/report.json. Exits non-zero when a budget is missed.
 */
import { writeFileSync } from 'node:fs';
import { measureBundles } from './bundles.ts';
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
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log('\nBundle sizes (minified + gzip), ratio to Lit itself');
const bundles = await measureBundles();
const lit = bundles[0]!;
for (const figure of bundles) {
  const ratio = figure.gzipped / lit.gzipped;
  console.log(`  ${figure.name.padEnd(40)} ${kb(figure.minified).padStart(10)} min  ${kb(figure.gzipped).padStart(10)} gz  ×${ratio.toFixed(2)}`);
  if (figure.name === 'member-level-badge') budgets.push({ name: 'badge bundle / lit', actual: ratio, limit: 7, kind: 'max' });
  if (figure.name.startsWith('all elements')) budgets.push({ name: 'all elements / lit', actual: ratio, limit: 10, kind: 'max' });
}

const server = await benchServer({ durationMs, connections: [8, 32] });
budgets.push(...server.budgets);

console.log('\nBudgets');
let missed = 0;
for (const budget of budgets) {
  const ok = budget.kind === 'max' ? budget.actual <= budget.limit : budget.actual >= budget.limit;
  if (!ok) missed++;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${budget.name}: ${Number.isInteger(budget.actual) ? budget.actual : budget.actual.toFixed(2)} (${budget.kind} ${budget.limit})`);
}
writeFileSync('bench/report.json', JSON.stringify({ at: new Date().toISOString(), bundles, servers: server.figures, budgets }, null, 2));
console.log(`\n${budgets.length - missed} of ${budgets.length} budgets met; report in bench/report.json`);
process.exitCode = missed > 0 ? 1 : 0;
