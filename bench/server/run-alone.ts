/**
 * The server section of the bench alone: `node --import tsx bench/server/run-alone.ts`
 * (DATABASE_URL adds PostgreSQL; BENCH_OUT names the JSON written, bench/report-server.json by
 * default). It replaces the "## Server" section of bench/report.md, dated, and leaves the rest.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchServer } from './index.ts';

const result = await benchServer({ durationMs: Number(process.env.BENCH_DURATION_MS ?? 3000), connections: [8, 32] });
for (const b of result.budgets)
  console.log(`  ${b.kind === 'max' ? (b.actual <= b.limit ? 'ok  ' : 'MISS') : b.actual >= b.limit ? 'ok  ' : 'MISS'} ${b.name}: ${b.actual.toFixed(2)}`);
writeFileSync(process.env.BENCH_OUT ?? 'bench/report-server.json', JSON.stringify(result, null, 2));

const REPORT = 'bench/report.md';
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
const section = result.markdown.replace('## Server\n', `## Server\n\n${new Date().toISOString()}, ${machine} (server section run alone).\n`);
const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Bench report\n\n';
const start = report.indexOf('## Server');
writeFileSync(REPORT, `${(start === -1 ? report : report.slice(0, start)).trimEnd()}\n\n${section}`);
